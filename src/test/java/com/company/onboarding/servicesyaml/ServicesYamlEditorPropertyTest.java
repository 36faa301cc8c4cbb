package com.company.onboarding.servicesyaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.ServiceEntry.Cost;
import com.company.onboarding.entry.ServiceEntry.CustomMetrics;
import com.company.onboarding.entry.ServiceEntry.EnvironmentOverride;
import com.company.onboarding.entry.ServiceEntry.InlineMetric;
import com.company.onboarding.entry.ServiceEntry.MetricDynatrace;
import com.company.onboarding.entry.ServiceEntry.Monitoring;
import com.company.onboarding.entry.ServiceEntry.OverrideDynatrace;
import com.company.onboarding.entry.ServiceEntry.Repository;
import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.testing.Insertion;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Random entries full of awkward strings, appended to randomly shaped files (indentation, item
 * offset, indentless lists, blank lines, comments between and after items, block scalars, CRLF,
 * final newline or not, other keys around, flow and null lists, no list at all). Each result must
 * be a pure insertion at a line start (or a rewrite of a flow/null value), keep the line endings
 * and final newline, parse back as old services plus the entry (compared with Jackson's own view
 * of the record, not the editor's), and read the same strings under a YAML 1.1 reader.
 * Seeded, so a failure names its run and repeats; explore further with
 * {@code -Dproperty.seed=<n> -Dproperty.runs=<n>}.
 */
class ServicesYamlEditorPropertyTest {

    private static final long SEED = Long.getLong("property.seed", 20_260_607L);
    private static final int RUNS = Integer.getInteger("property.runs", 400);

    private static final JsonMapper JACKSON = JsonMapper.builder().nodeFactory(YamlTrees.NODES)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
    private static final String ODD_CHARACTERS = "aZ09 -_:#'\"\\\t\n\r{}[],&*!|>%@`?~.=<ü日🚀\u2028\u0085\u200B\u0000\u00A0";

    private final ServicesYamlEditor editor = new ServicesYamlEditor();

    @Test
    void randomEntriesAppendedToRandomFilesParseBackAsOldPlusNew() {
        Random random = new Random(SEED);
        int[] kinds = new int[ServicesEdit.Kind.values().length];
        for (int run = 0; run < RUNS; run++) {
            Shape shape = Shape.random(random);
            String file = shape.file(random);
            ServiceEntry entry = entry(random);
            try {
                ServicesEdit.Kind kind = check(shape, file, entry);
                if (kind != null) {
                    kinds[kind.ordinal()]++;
                }
            } catch (Exception | AssertionError e) {
                throw new AssertionError("run " + run + " of seed " + SEED + " failed on:\n" + file, e);
            }
        }
        for (int count : kinds) {
            assertTrue(count >= RUNS / 20, "every kind of edit exercised");
        }
    }

    private ServicesEdit.Kind check(Shape shape, String file, ServiceEntry entry) throws Exception {
        JsonNode before = parse(file);
        if (shape.endsInBlockScalar && !file.endsWith("\n")) {
            // A line break after its last line would change the scalar: the editor must refuse.
            UnsafeEditException refusal = assertThrows(UnsafeEditException.class, () -> editor.append(file, entry));
            assertTrue(refusal.getMessage().contains("block scalar"), refusal.getMessage());
            return null;
        }
        ServicesEdit edit = editor.append(file, entry);
        String result = edit.text();
        assertEquals(shape.expectedKind(), edit.kind());
        if (edit.kind() != ServicesEdit.Kind.REWRITTEN) {
            assertTrue(Insertion.between(file, result).atLineStart(), "inserted at the start of a line");
        }
        ServicesYamlEditorTest.assertLineEndingsKept(file, result);
        assertEquals(file.isEmpty() || file.endsWith("\n"), result.endsWith("\n"), "final newline kept");
        if (!shape.trailingComment.isEmpty()) {
            assertTrue(result.endsWith(file.substring(file.lastIndexOf(shape.trailingComment))), "trailing comments stay last");
        }

        JsonNode after = YamlTrees.read(result, ParseLimits.DEFAULT);
        JsonNode oldServices = before == null ? null : before.get("services");
        int oldSize = oldServices != null && oldServices.isArray() ? oldServices.size() : 0;
        JsonNode services = after.get("services");
        assertEquals(oldSize + 1, services.size());
        for (int i = 0; i < oldSize; i++) {
            assertEquals(oldServices.get(i), services.get(i));
        }
        if (before != null) {
            for (Iterator<String> keys = before.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!key.equals("services")) {
                    assertEquals(before.get(key), after.get(key));
                }
            }
        }
        JsonNode expected = jacksonView(entry);
        JsonNode appended = services.get(oldSize);
        assertTrue(expected.equals(BY_VALUE, appended), "appended\n" + appended + "\ninstead of\n" + expected);

        Map<?, ?> yaml11 = new Yaml(new SafeConstructor(new LoaderOptions())).load(result);
        List<?> services11 = (List<?>) yaml11.get("services");
        sameUnderYaml11(expected, services11.get(services11.size() - 1), "");
        return edit.kind();
    }

    private static JsonNode parse(String file) throws DocumentException {
        try {
            return YamlTrees.read(file, ParseLimits.DEFAULT);
        } catch (DocumentException e) {
            if (e.kind() == DocumentException.Kind.EMPTY) {
                return null;
            }
            throw new AssertionError("the generator wrote a file that does not parse: " + e.describe());
        }
    }

    /** Jackson's serialisation of the record, nulls and empty lists and mappings dropped (but kept inside alert rules). */
    private static JsonNode jacksonView(ServiceEntry entry) {
        JsonNode tree = JACKSON.valueToTree(entry);
        prune(tree);
        return tree;
    }

    private static void prune(JsonNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (!field.getKey().equals("alertRules")) {
                prune(value);
            }
            if (value.isContainerNode() && value.isEmpty()) {
                fields.remove();
            }
        }
        if (node.isArray()) {
            node.forEach(ServicesYamlEditorPropertyTest::prune);
        }
    }

    private static void sameUnderYaml11(JsonNode expected, Object actual, String pointer) {
        if (expected.isObject()) {
            Map<?, ?> map = assertInstanceOf(Map.class, actual, pointer);
            assertEquals(expected.size(), map.size(), pointer);
            expected.fields().forEachRemaining(field -> sameUnderYaml11(field.getValue(), map.get(field.getKey()),
                    pointer + "/" + field.getKey()));
        } else if (expected.isArray()) {
            List<?> list = assertInstanceOf(List.class, actual, pointer);
            assertEquals(expected.size(), list.size(), pointer);
            for (int i = 0; i < expected.size(); i++) {
                sameUnderYaml11(expected.get(i), list.get(i), pointer + "/" + i);
            }
        } else if (expected.isTextual()) {
            assertEquals(expected.textValue(), actual, "YAML 1.1 reads " + pointer + " differently");
        } else if (expected.isNumber()) {
            assertInstanceOf(Number.class, actual, pointer);
            assertEquals(0, expected.decimalValue().compareTo(new BigDecimal(actual.toString())), pointer);
        } else if (expected.isBoolean()) {
            assertEquals(expected.booleanValue(), actual, pointer);
        } else {
            assertEquals(null, actual, pointer);
        }
    }

    // ---- random entries ----

    private static ServiceEntry entry(Random random) {
        Monitoring monitoring = null;
        if (random.nextInt(4) > 0) {
            Map<String, EnvironmentOverride> overrides = new LinkedHashMap<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                overrides.put(string(random), new EnvironmentOverride(number(random), number(random), number(random),
                        number(random), random.nextBoolean() ? null : new OverrideDynatrace(rules(random))));
            }
            CustomMetrics metrics = random.nextBoolean() ? null : new CustomMetrics(
                    random.nextBoolean() ? null : new Repository(maybe(random), maybe(random)), strings(random),
                    random.nextBoolean() ? null : List.of(new InlineMetric(maybe(random), maybe(random), maybe(random),
                            new MetricDynatrace(random.nextBoolean() ? null : random.nextBoolean(), maybe(random),
                                    maybe(random), random.nextBoolean() ? null : strings(random)))));
            monitoring = new Monitoring(random.nextBoolean() ? null : random.nextBoolean(), metrics, overrides);
        }
        return new ServiceEntry(string(random), maybe(random), maybe(random), strings(random), strings(random),
                maybe(random), random.nextBoolean() ? null : new Cost(maybe(random), maybe(random), maybe(random)),
                maybe(random), monitoring);
    }

    private static List<ObjectNode> rules(Random random) {
        List<ObjectNode> rules = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            rules.add(object(random, 0));
        }
        return rules;
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = YamlTrees.NODES.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
            node.set(string(random), value(random, depth + 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 5 : 8);
        return switch (kind) {
            case 0, 1 -> YamlTrees.NODES.textNode(string(random));
            case 2 -> YamlTrees.NODES.numberNode(number(random));
            case 3 -> YamlTrees.NODES.booleanNode(random.nextBoolean());
            case 4 -> YamlTrees.NODES.nullNode();
            case 5 -> object(random, depth);
            default -> {
                ArrayNode array = YamlTrees.NODES.arrayNode();
                boolean scalars = kind == 6;
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(scalars ? YamlTrees.NODES.textNode(string(random)) : value(random, depth + 1));
                }
                yield array;
            }
        };
    }

    private static BigDecimal number(Random random) {
        if (random.nextInt(3) == 0) {
            return null;
        }
        return random.nextInt(10) == 0 ? new BigDecimal(new BigInteger(70, random))
                : new BigDecimal(BigInteger.valueOf(random.nextInt(2_000_000) - 1_000_000), random.nextInt(5));
    }

    private static List<String> strings(Random random) {
        List<String> strings = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            strings.add(string(random));
        }
        return strings;
    }

    private static String maybe(Random random) {
        return random.nextInt(4) == 0 ? null : string(random);
    }

    private static String string(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> EntryRendererTest.AWKWARD.get(random.nextInt(EntryRendererTest.AWKWARD.size()));
            case 1 -> EntryRendererTest.PLAIN.get(random.nextInt(EntryRendererTest.PLAIN.size()));
            default -> {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(12); i > 0; i--) {
                    int at = random.nextInt(ODD_CHARACTERS.length());
                    if (Character.isHighSurrogate(ODD_CHARACTERS.charAt(at))) {
                        text.append(ODD_CHARACTERS, at, at + 2);
                    } else if (!Character.isLowSurrogate(ODD_CHARACTERS.charAt(at))) {
                        text.append(ODD_CHARACTERS.charAt(at));
                    }
                }
                yield text.toString();
            }
        };
    }

    // ---- random files ----

    private enum Form { BLOCK, EMPTY_FLOW, FLOW, EMPTY, NULL, MISSING }

    /** How a random services.yaml is laid out. */
    private static final class Shape {
        Form form;
        String eol;
        boolean finalNewline;
        int dashIndent;
        int keyOffset;
        int step;
        int sequenceIndent;
        boolean blankBetween;
        boolean commentsBetween;
        boolean documentStart;
        boolean header;
        boolean keysBefore;
        boolean keysAfter;
        int items;
        String trailingComment = "";
        boolean endsInBlockScalar;

        static Shape random(Random random) {
            Shape shape = new Shape();
            int form = random.nextInt(10);
            shape.form = form < 5 ? Form.BLOCK : Form.values()[form - 4];
            shape.eol = random.nextInt(4) == 0 ? "\r\n" : "\n";
            shape.finalNewline = random.nextInt(5) > 0;
            shape.step = 2 + random.nextInt(3);
            shape.dashIndent = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(4);
            shape.keyOffset = random.nextInt(4) == 0 ? 4 : 2;
            shape.sequenceIndent = random.nextBoolean() ? 0 : shape.step;
            shape.blankBetween = random.nextBoolean();
            shape.commentsBetween = random.nextBoolean();
            shape.documentStart = random.nextInt(5) == 0;
            shape.header = random.nextBoolean();
            shape.keysBefore = random.nextInt(3) == 0;
            shape.keysAfter = random.nextInt(3) == 0;
            shape.items = shape.form == Form.BLOCK ? 1 + random.nextInt(4) : shape.form == Form.FLOW ? 1 + random.nextInt(3) : 0;
            return shape;
        }

        ServicesEdit.Kind expectedKind() {
            return switch (form) {
                case BLOCK, EMPTY -> ServicesEdit.Kind.APPENDED;
                case EMPTY_FLOW, FLOW, NULL -> ServicesEdit.Kind.REWRITTEN;
                case MISSING -> ServicesEdit.Kind.KEY_ADDED;
            };
        }

        String file(Random random) {
            List<String> lines = new ArrayList<>();
            if (documentStart) {
                lines.add("---");
            }
            if (header) {
                lines.add("# Service catalog: one entry per service. 日本語 ✓");
            }
            if (keysBefore) {
                lines.add("apiVersion: catalog/v1");
                lines.add("defaults:");
                lines.add(" ".repeat(step) + "size: small  # default");
            }
            switch (form) {
                case BLOCK -> block(random, lines);
                case EMPTY_FLOW -> lines.add("services: []" + (random.nextBoolean() ? "  # none yet" : ""));
                case FLOW -> lines.add("services: [" + String.join(", ",
                        java.util.stream.IntStream.range(0, items).mapToObj(i -> "{name: svc-" + i + ", size: small}").toList()) + "]");
                case EMPTY -> {
                    lines.add("services:" + (random.nextBoolean() ? "  # add below" : ""));
                    if (random.nextBoolean()) {
                        lines.add(" ".repeat(dashIndent + 1) + "# - name: example");
                    }
                }
                case NULL -> lines.add("services: " + (random.nextBoolean() ? "null" : "~"));
                case MISSING -> {
                    if (!keysBefore && !keysAfter) {
                        lines.add("kind: ServiceCatalog");
                    }
                }
            }
            if (keysAfter) {
                if (random.nextBoolean()) {
                    lines.add("");
                    lines.add("# CI settings");
                }
                lines.add("ci:");
                lines.add(" ".repeat(step) + "enabled: true");
            }
            endsInBlockScalar &= !keysAfter;
            if (random.nextBoolean()) {
                endsInBlockScalar = false;
                List<String> comment = new ArrayList<>();
                String indent = form == Form.BLOCK && !keysAfter && random.nextBoolean() ? " ".repeat(dashIndent) : "";
                comment.add(indent + "# end of the catalog");
                comment.add(indent + "#   keep this last");
                if (random.nextBoolean()) {
                    lines.add("");
                }
                trailingComment = String.join(eol, comment);
                lines.addAll(comment);
            }
            String text = String.join(eol, lines);
            return finalNewline || text.isEmpty() ? text + eol : text;
        }

        private void block(Random random, List<String> lines) {
            lines.add("services:");
            String dash = " ".repeat(dashIndent) + "-" + " ".repeat(keyOffset - 1);
            int column = dashIndent + keyOffset;
            String indent = " ".repeat(column);
            for (int i = 0; i < items; i++) {
                endsInBlockScalar = false;
                if (i > 0 && blankBetween) {
                    lines.add("");
                }
                if (commentsBetween) {
                    lines.add(" ".repeat(dashIndent) + "# item " + i + " — ünïcödé");
                }
                lines.add(dash + "name: " + (random.nextBoolean() ? "svc-" + i : "\"svc-" + i + "\"  # quoted"));
                if (random.nextBoolean()) {
                    lines.add(indent + "regions: [euw1, 'euw2']");
                }
                if (random.nextBoolean()) {
                    lines.add(indent + "cost:");
                    lines.add(indent + " ".repeat(step) + "costCenter: \"COR-B\"");
                    lines.add(indent + " ".repeat(step) + "costOwner: 'owner@company.com'");
                }
                if (random.nextBoolean()) {
                    lines.add(indent + "monitoring:");
                    lines.add(indent + " ".repeat(step) + "customMetrics:");
                    lines.add(indent + " ".repeat(2 * step) + "profiles:");
                    lines.add(indent + " ".repeat(2 * step + sequenceIndent) + "- payment-business-metrics");
                }
                switch (random.nextInt(6)) {
                    case 0 -> {
                        String header = List.of("|", "|+", ">-", ">+", "|2").get(random.nextInt(5));
                        lines.add(indent + "notes: " + header);
                        endsInBlockScalar = !header.contains("-");
                        lines.add(indent + "  first line");
                        lines.add(indent + "  # not a comment");
                        for (int blank = random.nextInt(3); blank > 0; blank--) {
                            lines.add("");
                        }
                    }
                    case 1 -> lines.add(indent + " ".repeat(random.nextInt(3)) + "# size: large   (commented out)");
                    default -> lines.add(indent + "archetype: api");
                }
            }
        }
    }
}
