package com.company.onboarding.servicesyaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random entries in random files (indentation steps, indented or indentless nested lists, a
 * comment on almost every line and between keys and items, plain, single- and double-quoted
 * scalars, flow and block lists, lists of named mappings, nesting three deep), and random
 * edits of one entry: scalars changed, keys added and removed at any depth, list items added,
 * removed and changed. Each replacement must
 * <ul>
 * <li>verify without writing the entry out whole;</li>
 * <li>parse back as the old file with exactly that entry replaced, added keys where the new
 *     entry's key order puts them;</li>
 * <li>keep every line that belongs to no changed key byte for byte and in order, and add or
 *     remove no line beyond what the edit needs: a changed scalar or flow list is the same line
 *     with the same indentation, key and trailing comment; a removed key or item loses its lines;
 *     an added key or item adds the lines of its rendering.</li>
 * </ul>
 * Seeded, so a failure names its run and repeats; explore with
 * {@code -Dproperty.seed=<n> -Dproperty.runs=<n>}.
 */
class EntryReplacerPropertyTest {

    private static final long SEED = Long.getLong("property.seed", 20_251_201L);
    private static final int RUNS = Integer.getInteger("property.runs", 400);
    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
            "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma"};

    // ---- the generated file: a tree of nodes that remember their lines ----

    private sealed interface G permits GScalar, GMap, GList {
    }

    /** A scalar as written: {@code style} p (plain), s (single quotes) or d (double quotes). */
    private record GScalar(JsonNode value, String text, char style) implements G {
    }

    private record GMap(List<String> keys, List<G> values) implements G {
    }

    private record GList(List<G> items, boolean flow) implements G {
    }

    /** A line of the generated file and the path of the smallest node it belongs to ("~" outside the entry). */
    private record Line(String text, String owner) {
    }

    /** Where a single-line value sits: the text before it on its line and after it (its comment). */
    private record Spot(int line, String before, String after) {
    }

    private static final class Writer {
        final Random random;
        final int step;
        final int sequenceIndent;
        final List<Line> lines = new ArrayList<>();
        final Map<String, Spot> spots = new LinkedHashMap<>();
        final Map<String, Integer> columns = new LinkedHashMap<>();
        int comments;

        Writer(Random random, int step, int sequenceIndent) {
            this.random = random;
            this.step = step;
            this.sequenceIndent = sequenceIndent;
        }

        String comment() {
            return random.nextInt(10) < 7 ? "  # c" + comments++ : "";
        }

        void commentLine(int column, String owner) {
            if (random.nextInt(10) < 3) {
                lines.add(new Line(" ".repeat(column) + "# note " + comments++, owner));
            }
        }

        void map(GMap map, int column, String dashPrefix, String path) {
            columns.put(path, column);
            for (int i = 0; i < map.keys().size(); i++) {
                String key = map.keys().get(i);
                String child = path + "/" + key;
                boolean onDash = i == 0 && dashPrefix != null;
                if (!onDash) {
                    commentLine(column, path);
                }
                String prefix = (onDash ? dashPrefix : " ".repeat(column)) + key + ":";
                G value = map.values().get(i);
                if (value instanceof GScalar scalar) {
                    String comment = comment();
                    spots.put(child, new Spot(lines.size(), prefix + " ", comment));
                    lines.add(new Line(prefix + " " + scalar.text() + comment, child));
                } else if (value instanceof GList list && list.flow()) {
                    String comment = comment();
                    spots.put(child, new Spot(lines.size(), prefix + " ", comment));
                    lines.add(new Line(prefix + " " + flowText(list) + comment, child));
                } else if (value instanceof GMap nested) {
                    lines.add(new Line(prefix + comment(), child));
                    map(nested, column + step, null, child);
                } else {
                    lines.add(new Line(prefix + comment(), child));
                    list((GList) value, column + sequenceIndent, child);
                }
            }
        }

        void list(GList list, int dash, String path) {
            columns.put(path, dash);
            for (int j = 0; j < list.items().size(); j++) {
                String child = path + "/" + j;
                commentLine(dash, path);
                G item = list.items().get(j);
                if (item instanceof GScalar scalar) {
                    String comment = comment();
                    String prefix = " ".repeat(dash) + "- ";
                    spots.put(child, new Spot(lines.size(), prefix, comment));
                    lines.add(new Line(prefix + scalar.text() + comment, child));
                } else {
                    map((GMap) item, dash + 2, " ".repeat(dash) + "- ", child);
                }
            }
        }

        static String flowText(GList list) {
            List<String> items = new ArrayList<>();
            list.items().forEach(i -> items.add(((GScalar) i).text()));
            return "[" + String.join(", ", items) + "]";
        }
    }

    // ---- random content ----

    private static GScalar scalar(Random random, boolean inFlow) {
        switch (random.nextInt(6)) {
            case 0:
                int number = random.nextInt(1000);
                return new GScalar(YamlTrees.NODES.numberNode(number), String.valueOf(number), 'p');
            case 1:
                BigDecimal decimal = BigDecimal.valueOf(random.nextInt(10000), 2);
                return new GScalar(YamlTrees.NODES.numberNode(decimal), decimal.toPlainString(), 'p');
            case 2:
                boolean flag = random.nextBoolean();
                return new GScalar(YamlTrees.NODES.booleanNode(flag), String.valueOf(flag), 'p');
            case 3:
                String single = word(random) + (random.nextBoolean() ? "'s " + word(random) : "");
                return new GScalar(YamlTrees.NODES.textNode(single), "'" + single.replace("'", "''") + "'", 's');
            case 4:
                String doubled = word(random) + (random.nextBoolean() ? " \"" + word(random) + "\" #x" : "");
                return new GScalar(YamlTrees.NODES.textNode(doubled), "\"" + doubled.replace("\"", "\\\"") + "\"", 'd');
            default:
                String plain = word(random) + (random.nextBoolean() ? "-" + random.nextInt(100) : "")
                        + (!inFlow && random.nextBoolean() ? " " + word(random) : "");
                return new GScalar(YamlTrees.NODES.textNode(plain), plain, 'p');
        }
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static GMap map(Random random, int depth, boolean named, String name) {
        List<String> keys = new ArrayList<>();
        List<G> values = new ArrayList<>();
        if (named) {
            keys.add("name");
            values.add(new GScalar(YamlTrees.NODES.textNode(name), name, 'p'));
        }
        int count = 1 + random.nextInt(depth >= 3 ? 3 : 5);
        Set<String> used = new HashSet<>(keys);
        for (int i = 0; i < count; i++) {
            String key = word(random);
            if (!used.add(key)) {
                continue;
            }
            keys.add(key);
            values.add(value(random, depth));
        }
        return new GMap(keys, values);
    }

    private static G value(Random random, int depth) {
        int kind = random.nextInt(depth >= 3 ? 2 : 6);
        return switch (kind) {
            case 0 -> scalar(random, false);
            case 1 -> flowList(random);
            case 2 -> map(random, depth + 1, false, null);
            case 3 -> blockList(random);
            case 4 -> namedList(random, depth);
            default -> scalar(random, false);
        };
    }

    private static GList flowList(Random random) {
        List<G> items = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            items.add(scalar(random, true));
        }
        return new GList(items, true);
    }

    /** Distinct items: equal ones would make which of them an edit keeps a matter of choice. */
    private static GList blockList(Random random) {
        List<G> items = new ArrayList<>();
        Set<JsonNode> seen = new HashSet<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            GScalar item = scalar(random, false);
            if (seen.add(item.value())) {
                items.add(item);
            }
        }
        return new GList(items, false);
    }

    private static GList namedList(Random random, int depth) {
        List<G> items = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            items.add(map(random, depth + 1, true, "item-" + i + "-" + word(random)));
        }
        return new GList(items, false);
    }

    private static JsonNode tree(G node) {
        if (node instanceof GScalar scalar) {
            return scalar.value();
        }
        if (node instanceof GMap map) {
            ObjectNode object = YamlTrees.NODES.objectNode();
            for (int i = 0; i < map.keys().size(); i++) {
                object.set(map.keys().get(i), tree(map.values().get(i)));
            }
            return object;
        }
        ArrayNode array = YamlTrees.NODES.arrayNode();
        ((GList) node).items().forEach(i -> array.add(tree(i)));
        return array;
    }

    // ---- edits ----

    /** What an edit does to the old file's lines. */
    private static final class Expectation {
        final Set<String> removed = new HashSet<>();     // paths whose lines go
        final Map<String, Spot> changed = new LinkedHashMap<>(); // single-line values changed in place
        int addedLines;
        final Set<String> busy = new HashSet<>();        // paths already edited, and containers edited structurally
    }

    private static boolean free(Expectation expectation, String path) {
        for (String busy : expectation.busy) {
            if (path.equals(busy) || path.startsWith(busy + "/") || busy.startsWith(path + "/")) {
                return false;
            }
        }
        return true;
    }

    /** Collects every node path with its generated node, parents first. */
    private static void paths(G node, String path, Map<String, G> out) {
        out.put(path, node);
        if (node instanceof GMap map) {
            for (int i = 0; i < map.keys().size(); i++) {
                paths(map.values().get(i), path + "/" + map.keys().get(i), out);
            }
        } else if (node instanceof GList list && !list.flow()) {
            for (int j = 0; j < list.items().size(); j++) {
                paths(list.items().get(j), path + "/" + j, out);
            }
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        return path.isEmpty() ? root : root.at(path);
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean isListItemMap(String path, Map<String, G> nodes) {
        return path.isEmpty() || nodes.get(parent(path)) instanceof GList;
    }

    /** Applies one random edit to {@code now} (a copy of the entry) if one fits; records what it does to lines. */
    private static void edit(Random random, Map<String, G> nodes, ObjectNode now, Writer writer, Expectation out) {
        List<String> paths = new ArrayList<>(nodes.keySet());
        String path = paths.get(random.nextInt(paths.size()));
        G node = nodes.get(path);
        if (!free(out, path) || path.endsWith("/name")) {
            return;
        }
        int op = random.nextInt(3);
        if (node instanceof GScalar && op < 2 && writer.spots.containsKey(path)) {
            JsonNode old = at(now, path);
            GScalar fresh = scalar(random, false);
            if (fresh.value().equals(old) || fresh.value().isNumber() && old.isNumber()) {
                return;
            }
            if (at(now, parent(path)) instanceof ArrayNode siblings) {
                List<JsonNode> values = new ArrayList<>();
                siblings.forEach(values::add);
                ((GList) nodes.get(parent(path))).items().forEach(item -> values.add(tree(item)));
                if (values.contains(fresh.value())) {
                    return; // it would match that item (as it is or was) rather than take this one's place
                }
            }
            set(now, path, fresh.value());
            out.changed.put(path, writer.spots.get(path));
            out.busy.add(path);
        } else if (node instanceof GList list && list.flow()) {
            ArrayNode items = (ArrayNode) at(now, path);
            if (random.nextBoolean() && items.size() > 1) {
                items.remove(random.nextInt(items.size()));
            } else {
                items.insert(random.nextInt(items.size() + 1), scalar(random, true).value());
            }
            out.changed.put(path, writer.spots.get(path));
            out.busy.add(path);
        } else if (node instanceof GMap && op == 0 && !path.isEmpty() || node instanceof GList && op == 0) {
            removeFrom(random, path, node, nodes, now, out);
        } else if (node instanceof GMap map) {
            addKey(random, path, map, nodes, now, writer, out);
        } else if (node instanceof GList list && !list.flow()) {
            addItem(random, path, list, now, writer, out);
        }
    }

    private static void removeFrom(Random random, String path, G node, Map<String, G> nodes, ObjectNode now,
            Expectation out) {
        if (node instanceof GMap map) {
            int first = isListItemMap(path, nodes) ? 1 : 0; // the first key of a list item shares the '-' line
            if (map.keys().size() - first < 2 || map.keys().size() < 2) {
                return;
            }
            String key = map.keys().get(first + random.nextInt(map.keys().size() - first));
            ((ObjectNode) at(now, path)).remove(key);
            out.removed.add(path + "/" + key);
        } else {
            GList list = (GList) node;
            if (list.items().size() < 2) {
                return;
            }
            int index = random.nextInt(list.items().size());
            ((ArrayNode) at(now, path)).remove(index);
            out.removed.add(path + "/" + index);
        }
        out.busy.add(path);
    }

    private static void addKey(Random random, String path, GMap map, Map<String, G> nodes, ObjectNode now,
            Writer writer, Expectation out) {
        String key = "new-" + word(random);
        if (map.keys().contains(key)) {
            return;
        }
        G value = random.nextBoolean() ? scalar(random, false) : value(random, 2);
        ObjectNode object = (ObjectNode) at(now, path);
        int first = isListItemMap(path, nodes) ? 1 : 0;
        int position = first + random.nextInt(object.size() - first + 1);
        ObjectNode reordered = YamlTrees.NODES.objectNode();
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        for (int i = 0; i <= keys.size(); i++) {
            if (i == position) {
                reordered.set(key, tree(value));
            }
            if (i < keys.size()) {
                reordered.set(keys.get(i), object.get(keys.get(i)));
            }
        }
        object.removeAll();
        object.setAll(reordered);
        YamlLayout layout = new YamlLayout(2, 2, writer.step, writer.sequenceIndent, "\n");
        out.addedLines += (int) BlockYamlWriter.entry(key, tree(value), writer.columns.get(path), layout,
                EntryRenderer::flowAllowed, path).lines().count();
        out.busy.add(path);
    }

    private static void addItem(Random random, String path, GList list, ObjectNode now, Writer writer, Expectation out) {
        ArrayNode items = (ArrayNode) at(now, path);
        boolean named = list.items().get(0) instanceof GMap;
        JsonNode item = named ? tree(map(random, 2, true, "fresh-" + word(random))) : tree(scalar(random, false));
        if (!named) {
            for (JsonNode existing : items) {
                if (existing.equals(item)) {
                    return; // an equal item would match an old one instead of being added
                }
            }
        }
        items.insert(random.nextInt(items.size() + 1), item);
        YamlLayout layout = new YamlLayout(2, 2, writer.step, writer.sequenceIndent, "\n");
        out.addedLines += (int) BlockYamlWriter.sequenceItem(item, writer.columns.get(path), layout,
                EntryRenderer::flowAllowed, path + "/0").lines().count();
        out.busy.add(path);
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        JsonNode parent = at(root, parent(path));
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last(path)), value);
        } else {
            ((ObjectNode) parent).set(last(path), value);
        }
    }

    // ---- the property ----

    @Test
    void randomEditsOfRandomEntriesChangeOnlyTheLinesOfWhatChanged() throws Exception {
        Random random = new Random(SEED);
        int edited = 0;
        for (int run = 0; run < RUNS; run++) {
            int step = random.nextBoolean() ? 2 : 4;
            int sequenceIndent = random.nextBoolean() ? 0 : 2;
            Writer writer = new Writer(random, step, sequenceIndent);
            List<GMap> items = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                items.add(map(random, 1, true, "svc-" + i));
            }
            int target = random.nextInt(count);
            writer.lines.add(new Line("# services of a test platform-next", "~"));
            writer.lines.add(new Line("services:", "~"));
            String file = null;
            try {
                for (int i = 0; i < count; i++) {
                    if (i > 0) {
                        writer.lines.add(new Line("", "~"));
                        writer.lines.add(new Line("  # item " + i, "~"));
                    }
                    if (i == target) {
                        writer.map(items.get(i), 4, "  - ", "");
                    } else {
                        Writer other = new Writer(random, step, sequenceIndent);
                        other.map(items.get(i), 4, "  - ", "");
                        other.lines.forEach(l -> writer.lines.add(new Line(l.text(), "~")));
                    }
                }
                StringBuilder text = new StringBuilder();
                writer.lines.forEach(l -> text.append(l.text()).append('\n'));
                file = text.toString();
                ObjectNode old = (ObjectNode) tree(items.get(target));
                assertEquals(old, YamlTrees.read(file, ParseLimits.DEFAULT).path("services").get(target),
                        "the generator writes what it means");

                Map<String, G> nodes = new LinkedHashMap<>();
                paths(items.get(target), "", nodes);
                ObjectNode now = old.deepCopy();
                Expectation expectation = new Expectation();
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits * 4 && expectation.busy.size() < edits; e++) {
                    edit(random, nodes, now, writer, expectation);
                }
                if (expectation.busy.isEmpty()) {
                    continue;
                }
                edited++;
                try {
                    check(file, "svc-" + target, target, old, now, writer, expectation);
                } catch (AssertionError e) {
                    throw new AssertionError("edits " + expectation.busy + ", new entry " + now, e);
                }
            } catch (Exception | AssertionError e) {
                throw new AssertionError("run " + run + " of seed " + SEED + " failed on:\n" + file, e);
            }
        }
        assertTrue(edited >= RUNS / 2, "most runs edit something: " + edited);
    }

    private static void check(String file, String service, int target, ObjectNode old, ObjectNode now, Writer writer,
            Expectation expectation) throws Exception {
        EntryReplacer.Replaced replaced = new EntryReplacer().replace(file, service, now);
        assertFalse(replaced.rewritten(), "the minimal edit verified:\n" + replaced.text());
        String text = replaced.text();

        JsonNode before = YamlTrees.read(file, ParseLimits.DEFAULT);
        JsonNode after = YamlTrees.read(text, ParseLimits.DEFAULT);
        assertEquals(before.path("services").size(), after.path("services").size());
        for (int i = 0; i < before.path("services").size(); i++) {
            if (i != target) {
                assertEquals(before.path("services").get(i), after.path("services").get(i), "other entries unchanged");
            }
        }
        assertNull(ordered(now, after.path("services").get(target), ""),
                "the entry is the new one, its keys in the new entry's order:\n" + text);

        List<String> newLines = text.lines().toList();
        List<Line> oldLines = writer.lines;
        int removed = 0;
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < oldLines.size(); i++) {
            String owner = oldLines.get(i).owner();
            boolean gone = expectation.removed.stream().anyMatch(p -> owner.equals(p) || owner.startsWith(p + "/"));
            int line = i;
            boolean changed = expectation.changed.values().stream().anyMatch(s -> s.line() == line);
            if (gone) {
                removed++;
            } else if (!changed) {
                kept.add(i);
            }
        }
        assertEquals(oldLines.size() - removed + expectation.addedLines, newLines.size(),
                "no line added or lost beyond the edit:\n" + text);
        // Every line outside the changed keys is still there, byte for byte and in order.
        boolean[] matched = new boolean[newLines.size()];
        int at = 0;
        for (int i : kept) {
            while (at < newLines.size() && !newLines.get(at).equals(oldLines.get(i).text())) {
                at++;
            }
            assertTrue(at < newLines.size(), "kept line " + (i + 1) + " '" + oldLines.get(i).text() + "' is in the result:\n" + text);
            matched[at++] = true;
        }
        // A changed value keeps its line: indentation, key and trailing comment.
        List<Map.Entry<String, Spot>> changes = new ArrayList<>(expectation.changed.entrySet());
        changes.sort(java.util.Comparator.comparingInt(c -> c.getValue().line()));
        int from = 0; // changed lines keep their order
        for (Map.Entry<String, Spot> change : changes) {
            Spot spot = change.getValue();
            boolean found = false;
            for (int j = from; j < newLines.size() && !found; j++) {
                String line = newLines.get(j);
                found = !matched[j] && line.startsWith(spot.before()) && line.endsWith(spot.after())
                        && line.length() > spot.before().length() + spot.after().length();
                if (found) {
                    matched[j] = true;
                    from = j + 1;
                }
            }
            assertTrue(found, change.getKey() + " changed on its own line '" + spot.before() + "…" + spot.after() + "':\n" + text);
        }
    }

    /** Null when equal with keys in the same order (numbers by value); else where they differ. */
    private static String ordered(JsonNode expected, JsonNode actual, String pointer) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? null : pointer;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            return pointer + " " + expected.getNodeType() + " vs " + actual.getNodeType();
        }
        if (expected.isObject()) {
            List<String> a = new ArrayList<>();
            expected.fieldNames().forEachRemaining(a::add);
            List<String> b = new ArrayList<>();
            actual.fieldNames().forEachRemaining(b::add);
            if (!a.equals(b)) {
                return pointer + " keys " + b + " instead of " + a;
            }
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                String difference = ordered(expected.get(key), actual.get(key), pointer + "/" + key);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                return pointer + " size";
            }
            for (int i = 0; i < expected.size(); i++) {
                String difference = ordered(expected.get(i), actual.get(i), pointer + "/" + i);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : pointer;
    }
}
