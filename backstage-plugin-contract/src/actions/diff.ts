import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { OnboardingApi } from '../api/client';
import type { ActionDependencies } from './dependencies';
import { diffMarkdown, proposalInput, proposedEntry, summarizeTarget, targetDiffsOutput } from './proposal';
import { findingsOutput } from './schemas';

export const DIFF_ACTION_ID = 'monitoring:diff';

const examples = [
  {
    description: "Show what moving a service to another metrics-catalog ref changes in every target's config",
    example: `steps:
  - id: diff
    name: What changes
    action: monitoring:diff
    input:
      service: account-service
      catalogRef: v1.3.0
`,
  },
];

/**
 * `monitoring:diff`: `POST /services/{name}/diff` with the proposed entry (given whole, or the
 * current one with the catalog ref, profiles or overrides replaced). Writes nothing, so a dry
 * run does the same.
 */
export function createDiffAction({ config, fetch }: ActionDependencies) {
  return createTemplateAction({
    id: DIFF_ACTION_ID,
    description:
      "Compares a service's services.yaml entry with a proposed one (POST /services/{name}/diff): per target whether its Dynatrace config is added, removed, changed or unchanged, and how many values change.",
    examples,
    supportsDryRun: true,
    schema: {
      input: proposalInput,
      output: {
        service: z => z.string().describe("The service's name"),
        status: z => z.enum(['changed', 'unchanged']).describe('changed when any target is added, removed or changed'),
        catalogRefBefore: z => z.string().nullable().describe('The metrics-catalog ref the current entry reads'),
        catalogRefAfter: z => z.string().nullable().describe('The metrics-catalog ref the proposed entry reads'),
        targets: targetDiffsOutput,
        warnings: findingsOutput("The proposed entry's warnings"),
        entry: z => z.record(z.unknown()).describe('The proposed entry, as compared: a later monitoring:update takes it'),
        summaryMarkdown: z => z.string().describe('The diff per target as a Markdown table, for the template output'),
      },
    },
    async handler(ctx) {
      const api = OnboardingApi.fromConfig(config, fetch);
      const { service, entry } = await proposedEntry(api, ctx.input, ctx.signal);
      const diff = await api.diff(service, entry, ctx.signal);
      const summaries = (diff.targets ?? []).map(summarizeTarget);
      ctx.output('service', service);
      ctx.output('status', diff.status ?? 'unchanged');
      ctx.output('catalogRefBefore', diff.before?.catalogRef ?? null);
      ctx.output('catalogRefAfter', diff.after?.catalogRef ?? null);
      ctx.output('targets', summaries);
      ctx.output('warnings', diff.warnings ?? []);
      ctx.output('entry', entry);
      ctx.output('summaryMarkdown', diffMarkdown(diff, summaries));
      const changed = summaries.filter(s => s.status !== 'unchanged').length;
      ctx.logger.info(`${service}: ${changed} of ${summaries.length} target(s) change`);
      for (const warning of diff.warnings ?? []) {
        ctx.logger.warn(`${warning.pointer || '/'}: ${warning.message} (${warning.code})`);
      }
    },
  });
}
