package com.company.onboarding.merge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which source set each field of one merged item, as readable labels ({@link Source#label()}).
 *
 * @param name   the item's name as output (after variable substitution); null for an item without one
 * @param fields field name to the label of the source that set it last, in the item's field order;
 *               for {@code name}, the source that first defined the item
 */
public record ItemProvenance(String name, Map<String, String> fields) {

    public ItemProvenance {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
