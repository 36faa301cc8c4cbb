import type { z as Zod } from 'zod/v3';

/**
 * Zod schema callbacks shared by the actions (the scaffolder passes its own zod in, so the
 * JSON Schema it shows and checks comes from these).
 */
export type Z = typeof Zod;

/**
 * The entry is checked by the service, not here: its findings have pointers, codes and
 * suggestions that a JSON Schema error has not. Only "an object" is required.
 */
export const entryInput = (z: Z) =>
  z
    .record(z.unknown())
    .describe(
      'One services.yaml item: name, archetype, size, regions, enabledIn, costProfile, cost, monitoringProfile, monitoring. Empty values (blank strings, null) are left out before it is sent.',
    );

/** The design document's payment-processor entry as an `entry:` input in the actions' YAML examples. */
export const EXAMPLE_ENTRY = `      entry:
        name: payment-processor
        archetype: api
        size: large
        regions: [euw1, euw2]
        enabledIn: [int-stable, pre-stable, prod]
        costProfile: standard-api-cost
        cost: { costCenter: COR-B, businessUnit: core-banking, costOwner: owner@company.com }
        monitoringProfile: domain-api
        monitoring:
          dynatrace: true
          customMetrics:
            repository: { url: https://github.com/company/metrics-catalog, ref: v1.2.0 }
            profiles: [payment-business-metrics, payment-fraud-metrics]
`;

export const targetFilterInput = {
  environment: (z: Z) => z.string().optional().describe('Only targets in this environment, e.g. prod'),
  track: (z: Z) => z.string().optional().describe('Only targets on this track, e.g. stable'),
  region: (z: Z) => z.string().optional().describe('Only targets in this region, e.g. euw1'),
};

const finding = (z: Z) =>
  z.object({
    pointer: z.string().optional().describe('JSON Pointer into the entry (or into the catalog file named by source)'),
    code: z.string().optional().describe('Stable code, e.g. region.unknown'),
    message: z.string().optional(),
    severity: z.enum(['error', 'warning']).optional(),
    source: z.string().optional(),
    suggestion: z.string().optional(),
  });

export const findingsOutput = (description: string) => (z: Z) => z.array(finding(z)).describe(description);

export const targetsOutput = (z: Z) =>
  z
    .array(
      z.object({
        environment: z.string().optional(),
        track: z.string().optional(),
        region: z.string().optional(),
        namespace: z.string().optional(),
      }),
    )
    .describe('The targets (environment x track x region) the entry expands to');

export const targetSummariesOutput = (z: Z) =>
  z
    .array(
      z.object({
        environment: z.string(),
        track: z.string(),
        region: z.string(),
        namespace: z.string(),
        customMetrics: z.number(),
        alertRules: z.number(),
        slos: z.number(),
        dashboards: z.number(),
        catalogRef: z.string().nullable(),
        catalogCommit: z.string().nullable(),
      }),
    )
    .describe('Per target: counts of custom metrics, alert rules, SLOs and dashboards, and the metrics-catalog ref and commit');
