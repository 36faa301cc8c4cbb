package com.company.onboarding.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.company.onboarding.parsing.JsonTrees;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one stable format of {@code data."application.json"}. */
class ApplicationJsonTest {

    @Test
    void writesTwoSpaceJsonWithScalarArraysInlineAndDecimalsAsWritten() throws Exception {
        ObjectNode node = YamlTrees.NODES.objectNode();
        node.put("availability", new BigDecimal("99.0"));
        node.put("big", new BigDecimal("1E+2"));
        node.put("count", 1000);
        node.putArray("targets").add("SERVICE").add(true).addNull();
        node.putArray("empty");
        node.putObject("nothing");
        node.putArray("rules").addObject().put("name", "A").putArray("dimensions").add("env");
        node.put("text", "say \"hi\" \\ / \n\t é 😀 \u2028\u0085\u0001");

        String json = ApplicationJson.write(node);

        assertEquals("""
                {
                  "availability": 99.0,
                  "big": 100,
                  "count": 1000,
                  "targets": ["SERVICE", true, null],
                  "empty": [],
                  "nothing": {},
                  "rules": [
                    {
                      "name": "A",
                      "dimensions": ["env"]
                    }
                  ],
                  "text": "say \\"hi\\" \\\\ / \\n\\t é 😀 \\u2028\\u0085\\u0001"
                }
                """, json);
        JsonNode reparsed = JsonTrees.read(json.getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT);
        for (String field : new String[] {"availability", "targets", "rules", "text"}) {
            assertEquals(node.get(field), reparsed.get(field), field);
        }
    }
}
