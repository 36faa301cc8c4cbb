package com.company.onboarding.profile;

import static com.company.onboarding.parsing.StrictTree.bool;
import static com.company.onboarding.parsing.StrictTree.object;
import static com.company.onboarding.parsing.StrictTree.objects;
import static com.company.onboarding.parsing.StrictTree.text;
import static com.company.onboarding.parsing.StrictTree.texts;

import com.company.onboarding.parsing.StrictTree.InvalidTree;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code monitoring-profiles.yaml} (design document 2.1) into profiles, in file order. */
public final class ProfileParser {

    private ProfileParser() {
    }

    /** @throws InvalidTree naming the first node of the wrong type */
    public static Map<String, MonitoringProfile> parse(JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidTree("", "must be a mapping with monitoringProfiles");
        }
        ObjectNode profiles = object(root, "monitoringProfiles", "");
        Map<String, MonitoringProfile> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = profiles.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String pointer = "/monitoringProfiles/" + YamlTrees.escape(field.getKey());
            if (!field.getValue().isObject()) {
                throw new InvalidTree(pointer, "must be a mapping");
            }
            result.put(field.getKey(), profile(field.getKey(), (ObjectNode) field.getValue(), pointer));
        }
        return result;
    }

    private static MonitoringProfile profile(String name, ObjectNode node, String pointer) {
        ObjectNode dynatrace = object(node, "dynatrace", pointer);
        String dt = pointer + "/dynatrace";
        ObjectNode application = object(dynatrace, "application", dt);
        String app = dt + "/application";
        MonitoringProfile.Dynatrace settings = new MonitoringProfile.Dynatrace(
                bool(dynatrace, "enabled", dt, false),
                bool(dynatrace, "primary", dt, false),
                new MonitoringProfile.Application(
                        texts(application, "monitoredTechnologies", app),
                        text(application, "requestNaming", app, null),
                        objects(application, "requestAttributes", app)),
                objects(dynatrace, "alertRules", dt),
                objects(dynatrace, "customMetrics", dt));
        Map<String, MonitoringProfile.EnvironmentOverride> overrides = new LinkedHashMap<>();
        ObjectNode overridesNode = object(node, "environmentOverrides", pointer);
        for (Iterator<Map.Entry<String, JsonNode>> it = overridesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String op = pointer + "/environmentOverrides/" + YamlTrees.escape(field.getKey());
            if (!field.getValue().isObject()) {
                throw new InvalidTree(op, "must be a mapping");
            }
            overrides.put(field.getKey(), new MonitoringProfile.EnvironmentOverride(
                    object(field.getValue(), "slos", op), objects(field.getValue(), "alertRules", op)));
        }
        return new MonitoringProfile(name, text(node, "description", pointer, ""), settings,
                object(node, "slos", pointer), overrides);
    }
}
