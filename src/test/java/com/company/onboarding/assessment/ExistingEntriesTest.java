package com.company.onboarding.assessment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExistingEntriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A new instance per test (JUnit's default lifecycle): each starts from an empty cache. */
    private final ExistingEntries entries = new ExistingEntries(8);
    private final ObjectNode tree = entry("payment-processor");

    private static ObjectNode entry(String name) {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"name": "%s", "owner": "team-payments", "tier": "critical", "monitoring": {"profile": "java-service"}}
                    """.formatted(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anEntryOfOneCommitIsBoundAndDigestedOnce() {
        ExistingEntries.Entry first = entries.of("c1", "payment-processor", tree);
        assertSame(first, entries.of("c1", "payment-processor", tree), "the same tree of the same commit");
        assertNotNull(first.bound().value());
        assertEquals("payment-processor", first.bound().value().name());
        assertArrayEquals(Fingerprint.body(tree), first.bodyDigest());
    }

    @Test
    void anotherCommitOrAnotherTreeIsBoundAgain() {
        ExistingEntries.Entry first = entries.of("c1", "payment-processor", tree);
        assertNotSame(first, entries.of("c2", "payment-processor", tree), "a new commit is a new key");
        ObjectNode changed = entry("payment-processor");
        changed.put("tier", "standard");
        ExistingEntries.Entry rebound = entries.of("c1", "payment-processor", changed);
        assertNotSame(first, rebound, "a tree handed out anew under the same key is not trusted to be equal");
        assertNotEquals(List.of(first.bodyDigest()), List.of(rebound.bodyDigest()));
        assertSame(changed, rebound.source());
    }

    @Test
    void theLeastRecentlyUsedEntryLeavesFirst() {
        ExistingEntries twoAtMost = new ExistingEntries(2);
        ObjectNode a = entry("a");
        ObjectNode b = entry("b");
        ExistingEntries.Entry firstA = twoAtMost.of("c1", "a", a);
        ExistingEntries.Entry firstB = twoAtMost.of("c1", "b", b);
        assertSame(firstA, twoAtMost.of("c1", "a", a)); // a is now the most recently used
        twoAtMost.of("c1", "c", entry("c"));            // over the bound: b leaves
        assertSame(firstA, twoAtMost.of("c1", "a", a));
        assertNotSame(firstB, twoAtMost.of("c1", "b", b));
    }

    @Test
    void aFingerprintFromTheBodysDigestIsTheFingerprintOfTheBody() {
        // Equal bodies read apart (another snapshot of the commit) give one fingerprint.
        assertEquals(Fingerprint.of(Fingerprint.body(tree), false, "c1", null, List.of()),
                Fingerprint.of(Fingerprint.body(entry("payment-processor")), false, "c1", null, List.of()));
        assertNotEquals(Fingerprint.of(Fingerprint.body(tree), false, "c1", null, List.of()),
                Fingerprint.of(Fingerprint.body(tree), true, "c1", null, List.of()));
    }
}
