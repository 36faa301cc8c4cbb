package com.company.onboarding.assessment;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.validation.EntryBinder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entries of platform-next as bound and digested, by commit and name: a Backstage tab polling a
 * service's preview asks for the same entry of the same commit again and again, and binding it
 * and digesting its JSON for the tag was a fifth of the CPU of a 304. A new commit is new keys;
 * the least recently used entry leaves first.
 */
final class ExistingEntries {

    /** An entry as read ({@code source}), bound, and the digest of its JSON ({@link Fingerprint#body}). */
    record Entry(ObjectNode source, EntryBinder.Bound<ServiceEntry> bound, byte[] bodyDigest) {
    }

    private record Key(String platformCommit, String name) {
    }

    private final Map<Key, Entry> entries;

    ExistingEntries(int maximum) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ExistingEntries.Entry> eldest) {
                return size() > maximum;
            }
        };
    }

    /**
     * {@code tree}, the entry named {@code name} at {@code platformCommit}, bound once. A snapshot
     * of a commit hands out the same tree every time; another tree under the same key (a snapshot
     * read again) is bound again rather than trusted to be equal.
     */
    Entry of(String platformCommit, String name, ObjectNode tree) {
        Key key = new Key(platformCommit, name);
        synchronized (this) {
            Entry known = entries.get(key);
            if (known != null && known.source() == tree) {
                return known;
            }
        }
        // Bound outside the lock; two requests racing for one entry bind it twice, alike.
        Entry entry = new Entry(tree, EntryBinder.entry(tree), Fingerprint.body(tree));
        synchronized (this) {
            entries.put(key, entry);
        }
        return entry;
    }
}
