package com.company.onboarding.servicesyaml;

import com.company.onboarding.entry.ServiceEntry;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A {@link ServiceEntry} as the YAML text of one {@code services.yaml} item, the way the design
 * document writes entries (section 3.1): its key order, {@code regions: [euw1, euw2]} and other
 * short lists of scalars in flow style, catalog profiles and everything holding mappings
 * (inline metrics, alert rules) in block style, strings quoted only where a reader needs it.
 */
final class EntryRenderer {

    /** Lists the design document writes one item per line even though they hold only names. */
    private static final Set<String> BLOCK_LISTS = Set.of("/monitoring/customMetrics/profiles");

    private EntryRenderer() {
    }

    /** The item's lines, from its {@code -} to its last line, each ended by the layout's line ending. */
    static String render(ServiceEntry entry, YamlLayout layout) {
        return render(EntryTree.of(entry), layout);
    }

    static String render(ObjectNode entryTree, YamlLayout layout) {
        return BlockYamlWriter.item(entryTree, layout, pointer -> !BLOCK_LISTS.contains(pointer));
    }

    /** Whether the list at {@code pointer} (relative to the item) may be written {@code [a, b]}. */
    static boolean flowAllowed(String pointer) {
        return !BLOCK_LISTS.contains(pointer);
    }
}
