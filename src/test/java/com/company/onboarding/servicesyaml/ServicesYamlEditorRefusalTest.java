package com.company.onboarding.servicesyaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.SampleEntries;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files the editor will not touch say why and where; the edit check catches any other change. */
class ServicesYamlEditorRefusalTest {

    private final ServicesYamlEditor editor = new ServicesYamlEditor();

    private UnsafeEditException refused(String file) {
        return assertThrows(UnsafeEditException.class, () -> editor.append(file, SampleEntries.minimal("new-svc")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', textBlock = """
            tab in indentation          ¦ services:\\n\\t- name: a\\n                       ¦ 2 ¦ tab
            tab in the services list    ¦ services:\\n  - name: a\\t# x\\n                  ¦ 2 ¦ tab
            anchor                      ¦ services:\\n  - &a\\n    name: a\\n               ¦ 2 ¦ anchors
            alias                       ¦ base: &b {x: 1}\\nservices:\\n  - *b\\n             ¦ 1 ¦ anchors
            tag                         ¦ services:\\n  - !svc\\n    name: a\\n              ¦ 2 ¦ tags
            two documents               ¦ services: []\\n---\\nservices: []\\n               ¦ 2 ¦ more than one
            not a mapping               ¦ - name: a\\n                                       ¦ 1 ¦ not a mapping
            a scalar                    ¦ hello\\n                                           ¦ 1 ¦ not a mapping
            flow mapping root           ¦ {services: []}\\n                                  ¦ 1 ¦ flow mapping
            services a mapping          ¦ services:\\n  a: 1\\n                              ¦ 2 ¦ a mapping
            services a string           ¦ services: none\\n                                  ¦ 1 ¦ single value
            services a quoted null      ¦ services: 'null'\\n                                ¦ 1 ¦ single value
            services a block scalar     ¦ services: |\\n  - name: a\\n                       ¦ 1 ¦ single value
            explicit key                ¦ ? services\\n: []\\n                               ¦ 1 ¦ explicit key
            comment in a flow list      ¦ services: [\\n  {name: a}, # one\\n  {name: b}\\n]\\n ¦ 2 ¦ comments inside
            multi-line flow item        ¦ services: [{name: a,\\n  size: small}]\\n          ¦ 1 ¦ several lines
            document end, no content    ¦ ---\\n# empty\\n...\\n                           ¦ 3 ¦ '...'
            duplicate keys              ¦ services: []\\nservices: []\\n                     ¦ 2 ¦ does not parse
            syntax error                ¦ services: [\\n                                     ¦ 2 ¦ does not parse
            lone carriage return        ¦ services:\\r  - name: a\\n                         ¦ 1 ¦ carriage return
            line separator              ¦ services:\\n  - name: a\\u2028\\n                  ¦ 2 ¦ U+2028
            next line                   ¦ # \\u0085\\nservices: []\\n                        ¦ 1 ¦ U+0085
            block scalar at the very end ¦ services:\\n  - name: a\\n    notes: |\\n      x ¦ 4 ¦ block scalar
            """)
    void refusesWhatItCannotEditSafely(String what, String file, int line, String reason) {
        UnsafeEditException refusal = refused(unescape(file.strip()));
        assertTrue(refusal.getMessage().contains(reason), what + ": " + refusal.getMessage());
        assertEquals(line, refusal.line(), what + ": " + refusal.describe());
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] file = "services:\n  - name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        UnsafeEditException refusal = assertThrows(UnsafeEditException.class,
                () -> editor.append(file, SampleEntries.minimal("new-svc")));
        assertTrue(refusal.describe().contains("not UTF-8"), refusal.describe());
    }

    @Test
    void aTabOutsideTheServicesListAndTheIndentationIsHarmless() throws Exception {
        ServicesEdit edit = editor.append("notes: \"a\tb\"\nservices:\n  - name: a\n", SampleEntries.minimal("new-svc"));
        assertEquals("notes: \"a\tb\"\nservices:\n  - name: a\n  - name: new-svc\n    archetype: api\n"
                + "    monitoringProfile: domain-api\n", edit.text());
    }

    @Test
    void theEditCheckCatchesEveryOtherChange() {
        var before = SampleEntries.yaml("a: 1\nservices:\n  - name: x\nz: [1, 2]\n");
        var entry = SampleEntries.yaml("name: y\nsize: 2\n");
        assertNull(EditCheck.difference(before, SampleEntries.yaml(
                "a: 1.0\nservices:\n  - name: x\n  - name: y\n    size: 2.00\nz: [1, 2]\n"), entry), "numbers by value");
        assertEquals("/services/1: keys [size, name] instead of [name, size]", EditCheck.difference(before,
                SampleEntries.yaml("a: 1\nservices:\n  - name: x\n  - {size: 2, name: y}\nz: [1, 2]\n"), entry));
        assertEquals("/z/1: a different number", EditCheck.difference(before,
                SampleEntries.yaml("a: 1\nservices:\n  - name: x\n  - {name: y, size: 2}\nz: [1, 3]\n"), entry));
        assertEquals("/services/0/name: a different string", EditCheck.difference(before,
                SampleEntries.yaml("a: 1\nservices:\n  - name: X\n  - {name: y, size: 2}\nz: [1, 2]\n"), entry));
        assertEquals("top-level keys [a, services] instead of [a, services, z]", EditCheck.difference(before,
                SampleEntries.yaml("a: 1\nservices:\n  - name: x\n  - {name: y, size: 2}\n"), entry));
        assertEquals("/services holds 3 items instead of 2 items", EditCheck.difference(before,
                SampleEntries.yaml("a: 1\nservices: [{name: x}, {name: y, size: 2}, {}]\nz: [1, 2]\n"), entry));
        assertEquals("/services/1/size: string instead of number", EditCheck.difference(before,
                SampleEntries.yaml("a: 1\nservices: [{name: x}, {name: y, size: '2'}]\nz: [1, 2]\n"), entry));
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
