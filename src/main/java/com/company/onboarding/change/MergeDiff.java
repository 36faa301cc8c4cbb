package com.company.onboarding.change;

import com.company.onboarding.change.Change.Kind;
import com.company.onboarding.change.TargetDiff.Status;
import com.company.onboarding.entry.Target;
import com.company.onboarding.merge.ConfigMap;
import com.company.onboarding.merge.ItemProvenance;
import com.company.onboarding.merge.MergeResult;
import com.company.onboarding.merge.MergedTarget;
import com.company.onboarding.merge.Provenance;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What moving an entry from one merge to another does, target by target: pure, like the merge
 * it compares. Targets match by environment, track and region; a target of only one side is
 * added or removed. Within a target the application documents are compared value by value:
 * lists whose items all have a distinct {@code name} (custom metrics, alert rules, dashboards,
 * request attributes) by name, so moving an item is no change; other lists as whole values;
 * numbers by value, so {@code 99.0} equals {@code 99.00}. The ConfigMap's labels and annotations
 * are compared too (the catalog ref and commit are annotations).
 */
public final class MergeDiff {

    static final String ENTRY = "entry";

    private MergeDiff() {
    }

    /**
     * Every target of either merge, in target order ({@code before}'s order with {@code after}'s
     * new targets where they belong). A null merge has no targets (an entry that could not be merged).
     *
     * @param yaml whether to include each target's unified ConfigMap diff
     */
    public static List<TargetDiff> targets(String service, MergeResult before, MergeResult after, boolean yaml) {
        List<MergedTarget> old = before == null ? List.of() : before.targets();
        List<MergedTarget> now = after == null ? List.of() : after.targets();
        List<LineDiff.Op> script = LineDiff.script(old.stream().map(MergeDiff::key).toList(),
                now.stream().map(MergeDiff::key).toList());
        List<TargetDiff> diffs = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (LineDiff.Op op : script) {
            switch (op) {
                case KEEP -> diffs.add(target(service, old.get(i++), now.get(j++), yaml));
                case DELETE -> diffs.add(onlyOneSide(service, old.get(i++), Status.REMOVED, yaml));
                case INSERT -> diffs.add(onlyOneSide(service, now.get(j++), Status.ADDED, yaml));
            }
        }
        return diffs;
    }

    /**
     * The differences between two entries (trees as sent or as read from services.yaml), pointers
     * into the entry; named lists (inline metrics, override alert rules) by name. No sources: the
     * entry is its own source.
     */
    public static List<Change> entry(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        new Walk(path -> null, path -> null, changes).value(before, after, new ArrayList<>());
        return changes;
    }

    private static String key(MergedTarget target) {
        Target t = target.target();
        return t.environment() + "\u0000" + t.track() + "\u0000" + t.region();
    }

    private static TargetDiff onlyOneSide(String service, MergedTarget target, Status status, boolean yaml) {
        String path = target.target().generatedPath(service);
        String diff = !yaml ? null : status == Status.ADDED
                ? LineDiff.unified(null, "b/" + path, null, target.yaml())
                : LineDiff.unified("a/" + path, null, target.yaml(), null);
        return new TargetDiff(target.target(), status, ChangeSummary.of(List.of()), List.of(), diff);
    }

    /** The differences of one target present on both sides. */
    static TargetDiff target(String service, MergedTarget before, MergedTarget after, boolean yaml) {
        List<Change> changes = new ArrayList<>();
        Walk walk = new Walk(new Sources(before.provenance())::of, new Sources(after.provenance())::of, changes);
        walk.value(before.application(), after.application(), new ArrayList<>());
        ConfigMap.Metadata old = before.configMap().metadata();
        ConfigMap.Metadata now = after.configMap().metadata();
        strings("/configMap/metadata/labels/", old.labels(), now.labels(), changes);
        strings("/configMap/metadata/annotations/", old.annotations(), now.annotations(), changes);
        String path = after.target().generatedPath(service);
        String diff = yaml ? LineDiff.unified("a/" + path, "b/" + path, before.yaml(), after.yaml()) : null;
        // Values decide, not bytes: an item that only moved in its list is no change (yamlDiff still shows it).
        Status status = changes.isEmpty() ? Status.UNCHANGED : Status.CHANGED;
        return new TargetDiff(after.target(), status, ChangeSummary.of(changes), changes, diff);
    }

    private static void strings(String prefix, Map<String, String> before, Map<String, String> after, List<Change> out) {
        for (Map.Entry<String, String> entry : after.entrySet()) {
            String old = before.get(entry.getKey());
            if (!Objects.equals(old, entry.getValue())) {
                out.add(new Change(prefix + YamlTrees.escape(entry.getKey()), old == null ? Kind.ADDED : Kind.CHANGED,
                        old == null ? null : text(old), text(entry.getValue()), ENTRY));
            }
        }
        for (Map.Entry<String, String> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                out.add(new Change(prefix + YamlTrees.escape(entry.getKey()), Kind.REMOVED, text(entry.getValue()), null,
                        ENTRY));
            }
        }
    }

    private static JsonNode text(String value) {
        return YamlTrees.NODES.textNode(value);
    }

    /** Whether two values are the same: numbers by value, objects by members whatever their order. */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode other = b.get(field.getKey());
                if (other == null || !same(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** The recursive comparison of two application documents, collecting changes in document order. */
    private record Walk(Function<List<String>, String> before, Function<List<String>, String> after, List<Change> out) {

        void value(JsonNode old, JsonNode now, List<String> path) {
            if (same(old, now)) {
                return;
            }
            if (old.isObject() && now.isObject()) {
                members(old, now, path);
            } else if (old.isArray() && now.isArray() && named(old) && named(now)) {
                items(old, now, path);
            } else {
                out.add(new Change(pointer(path), Kind.CHANGED, old, now, after.apply(path)));
            }
        }

        private void members(JsonNode old, JsonNode now, List<String> path) {
            for (Iterator<Map.Entry<String, JsonNode>> it = now.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                List<String> child = child(path, field.getKey());
                JsonNode previous = old.get(field.getKey());
                if (previous == null) {
                    out.add(new Change(pointer(child), Kind.ADDED, null, field.getValue(), after.apply(child)));
                } else {
                    value(previous, field.getValue(), child);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = old.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!now.has(field.getKey())) {
                    List<String> child = child(path, field.getKey());
                    out.add(new Change(pointer(child), Kind.REMOVED, field.getValue(), null, before.apply(child)));
                }
            }
        }

        private void items(JsonNode old, JsonNode now, List<String> path) {
            Map<String, JsonNode> previous = byName(old);
            Set<String> current = new HashSet<>();
            for (JsonNode item : now) {
                String name = item.get("name").textValue();
                current.add(name);
                List<String> child = child(path, name);
                JsonNode earlier = previous.get(name);
                if (earlier == null) {
                    out.add(new Change(pointer(child), Kind.ADDED, null, item, after.apply(child)));
                } else {
                    value(earlier, item, child);
                }
            }
            for (Map.Entry<String, JsonNode> item : previous.entrySet()) {
                if (!current.contains(item.getKey())) {
                    List<String> child = child(path, item.getKey());
                    out.add(new Change(pointer(child), Kind.REMOVED, item.getValue(), null, before.apply(child)));
                }
            }
        }

        private static List<String> child(List<String> path, String segment) {
            List<String> child = new ArrayList<>(path.size() + 1);
            child.addAll(path);
            child.add(segment);
            return child;
        }

        private static String pointer(List<String> path) {
            StringBuilder out = new StringBuilder();
            for (String segment : path) {
                out.append('/').append(YamlTrees.escape(segment));
            }
            return out.toString();
        }
    }

    /** A list whose items are all objects with a distinct string {@code name}: compared by name. */
    static boolean named(JsonNode list) {
        Set<String> names = new HashSet<>();
        for (JsonNode item : list) {
            JsonNode name = item.get("name");
            if (!item.isObject() || name == null || !name.isTextual() || !names.add(name.textValue())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byName(JsonNode list) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        list.forEach(item -> items.put(item.get("name").textValue(), item));
        return items;
    }

    /** Where each value of one target came from, by path into its application document. */
    static final class Sources {
        private final Provenance provenance;
        private final Map<String, Map<String, ItemProvenance>> lists = new LinkedHashMap<>();

        Sources(Provenance provenance) {
            this.provenance = provenance;
        }

        /** The label of the source that set the value at {@code path}; null when provenance does not say. */
        String of(List<String> path) {
            if (path.isEmpty()) {
                return null;
            }
            switch (path.get(0)) {
                case "metadata":
                    return ENTRY;
                case "slos":
                    return path.size() >= 2 ? provenance.slos().get(path.get(1)) : null;
                case "monitoring":
                    if (path.size() < 2) {
                        return null;
                    }
                    return path.get(1).equals("requestAttributes")
                            ? item("requestAttributes", provenance.requestAttributes(), path, 2)
                            : provenance.monitoring().get(path.get(1));
                case "alertRules":
                    return item("alertRules", provenance.alertRules(), path, 1);
                case "customMetrics":
                    return item("customMetrics", provenance.customMetrics(), path, 1);
                case "dashboards":
                    return item("dashboards", provenance.dashboards(), path, 1);
                default:
                    return null;
            }
        }

        /** {@code path[at]} names an item; {@code path[at + 1]}, when there, one of its fields. */
        private String item(String list, List<ItemProvenance> items, List<String> path, int at) {
            if (path.size() <= at) {
                return null;
            }
            ItemProvenance item = lists.computeIfAbsent(list, l -> {
                Map<String, ItemProvenance> byName = new LinkedHashMap<>();
                items.forEach(i -> byName.putIfAbsent(i.name(), i));
                return byName;
            }).get(path.get(at));
            if (item == null) {
                return null;
            }
            String field = path.size() > at + 1 ? path.get(at + 1) : "name";
            String label = item.fields().get(field);
            return label != null ? label : item.fields().get("name");
        }
    }
}
