package com.company.onboarding.validation;

import static com.company.onboarding.validation.Shape.BOOL;
import static com.company.onboarding.validation.Shape.NUM;
import static com.company.onboarding.validation.Shape.TEXT;
import static com.company.onboarding.validation.Shape.listOf;
import static com.company.onboarding.validation.Shape.obj;
import static com.company.onboarding.validation.Shape.optional;
import static com.company.onboarding.validation.Shape.required;

/**
 * The shape of one {@code services.yaml} item (design document 3.1), in its key order. What is
 * required: enough to place the service (name, archetype, size, regions, enabledIn) and to bill
 * it (cost); the monitoring profile defaults to the archetype's.
 */
public final class EntrySchema {

    /** An alert rule: known fields checked, other fields passed through to Dynatrace. */
    public static final Shape.Obj ALERT_RULE = obj(true,
            required("name", TEXT),
            optional("enabled", BOOL),
            optional("condition", TEXT),
            optional("targets", listOf(TEXT)),
            optional("severity", TEXT),
            optional("channels", new Shape.MapOf(listOf(TEXT))),
            optional("notificationChannels", new Shape.MapOf(listOf(TEXT))),
            optional("description", TEXT));

    static final Shape.Obj INLINE_METRIC = obj(false,
            required("name", TEXT),
            required("type", TEXT),
            optional("description", TEXT),
            optional("dynatrace", obj(false,
                    optional("enabled", BOOL),
                    optional("unit", TEXT),
                    optional("aggregation", TEXT),
                    optional("dimensions", listOf(TEXT)))));

    static final Shape.Obj OVERRIDE = obj(false,
            optional("sloAvailability", NUM),
            optional("sloLatencyP95ms", NUM),
            optional("sloLatencyP99ms", NUM),
            optional("sloErrorRate", NUM),
            optional("dynatrace", obj(false, optional("alertRules", listOf(ALERT_RULE)))));

    public static final Shape.Obj ENTRY = obj(false,
            required("name", TEXT),
            required("archetype", TEXT),
            required("size", TEXT),
            required("regions", listOf(TEXT)),
            required("enabledIn", listOf(TEXT)),
            optional("costProfile", TEXT),
            required("cost", obj(false,
                    required("costCenter", TEXT),
                    required("businessUnit", TEXT),
                    required("costOwner", TEXT))),
            optional("monitoringProfile", TEXT),
            optional("monitoring", obj(false,
                    optional("dynatrace", BOOL),
                    optional("customMetrics", obj(false,
                            optional("repository", obj(false,
                                    required("url", TEXT),
                                    optional("ref", TEXT))),
                            optional("profiles", listOf(TEXT)),
                            optional("metrics", listOf(INLINE_METRIC)))),
                    optional("overrides", new Shape.MapOf(OVERRIDE)))));

    /** The body of {@code POST /services}. */
    public static final Shape.Obj ONBOARDING_REQUEST = obj(false,
            required("entry", ENTRY),
            optional("requestedBy", TEXT),
            optional("draft", BOOL));

    private EntrySchema() {
    }
}
