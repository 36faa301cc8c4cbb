package com.company.onboarding.merge;

import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A list item as one source gives it, ready to merge: its fields, where the item is, and where a
 * field came from when that is not simply {@code <item>/<field>} (a flattened inline metric's
 * {@code unit} is at {@code dynatrace/unit}; {@code notificationChannels} may have been written
 * {@code channels}).
 */
record Incoming(ObjectNode item, Located at, Map<String, String> renamed) {

    Incoming {
        renamed = Map.copyOf(renamed);
    }

    static Incoming of(ObjectNode item, Source source, String pointer) {
        return new Incoming(item, new Located(source, pointer), Map.of());
    }

    /** Where {@code field} of this item is written in its source. */
    Located field(String field) {
        return at.child(renamed.getOrDefault(field, YamlTrees.escape(field)));
    }
}
