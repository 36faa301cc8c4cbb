package com.company.onboarding.validation;

import com.company.onboarding.finding.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks a list of alert rules wherever it was written (the entry's overrides, a profile, a
 * catalog file): severity, targets, names unique within the list, and the condition, which must
 * parse (docs/spec.md#alert-conditions) and name only merged custom metrics and built-ins.
 */
final class RuleChecks {

    private final KnownValues known;

    RuleChecks(KnownValues known) {
        this.known = known;
    }

    /**
     * @param rules   the rule list (a JSON array of objects)
     * @param pointer where the list is, in the entry or in the file {@code source} names
     * @param metrics the merged custom metrics' names; null when they are not all known, so
     *                names are not checked (only syntax)
     * @param out     receives findings, before any source or severity adjustment by the caller
     */
    void check(JsonNode rules, String pointer, Collection<String> metrics, Consumer<Finding> out) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String at = pointer + "/" + i;
            JsonNode name = rule.get("name");
            if (name != null && name.isTextual() && !names.add(name.asText())) {
                out.accept(Finding.error(at + "/name", "alert.duplicate",
                        "alert rule \"" + name.asText() + "\" is defined twice in this list"));
            }
            JsonNode severity = rule.get("severity");
            if (severity != null && !known.alertSeverities().contains(severity.asText())) {
                out.accept(EntryChecks.unknown(at + "/severity", "alert.severity.invalid", "severity", severity.asText(),
                        known.alertSeverities()));
            }
            JsonNode targets = rule.path("targets");
            for (int t = 0; t < targets.size(); t++) {
                JsonNode target = targets.get(t);
                if (!target.isNull() && !known.alertTargets().contains(target.asText())) {
                    out.accept(EntryChecks.unknown(at + "/targets/" + t, "alert.target.invalid", "alert target",
                            target.asText(), known.alertTargets()));
                }
            }
            JsonNode condition = rule.get("condition");
            if (condition != null && condition.isTextual()) {
                condition(condition.asText(), at + "/condition", metrics, out);
            }
        }
    }

    private void condition(String text, String pointer, Collection<String> metrics, Consumer<Finding> out) {
        Condition parsed;
        try {
            parsed = AlertConditionParser.parse(text);
        } catch (ConditionSyntaxException e) {
            out.accept(Finding.error(pointer, "alert.condition.syntax", e.describe()));
            return;
        }
        if (metrics == null) {
            return;
        }
        for (ConditionVocabulary.UnknownReference unknown : known.vocabulary().unknownIn(parsed, metrics)) {
            Finding finding = Finding.error(pointer, "alert.condition.unknown-metric", unknown.message());
            out.accept(unknown.rejection().suggestion() == null ? finding
                    : finding.withSuggestion(unknown.rejection().suggestion()));
        }
    }
}
