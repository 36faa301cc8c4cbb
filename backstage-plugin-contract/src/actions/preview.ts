import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OnboardingApi } from '../api/client';
import { describeFindings } from '../api/errors';
import { entryBody, serviceName } from './entry';
import { allWarnings, summarize, summaryMarkdown } from './previewSummary';
import { EXAMPLE_ENTRY, entryInput, findingsOutput, targetFilterInput, targetSummariesOutput } from './schemas';
import type { ActionDependencies } from './dependencies';

export const PREVIEW_ACTION_ID = 'monitoring:preview';

const examples = [
  {
    description:
      'Preview every target of the entry; the ConfigMaps land in the workspace as monitoring-preview/<service>.yaml',
    example: `steps:
  - id: preview
    name: Preview the Dynatrace config
    action: monitoring:preview
    input:
      entry: \${{ steps['validate'].output.entry }}
`,
  },
  {
    description: 'Preview the prod targets only, into a path of your choice',
    example: `steps:
  - id: preview
    action: monitoring:preview
    input:
${EXAMPLE_ENTRY}      environment: prod
      outputPath: generated/payment-processor/prod.yaml
`,
  },
];

/**
 * `monitoring:preview`: asks `POST /services/preview` for the structured preview (JSON) and for
 * the ConfigMaps exactly as CI writes them (YAML). Outputs a summary per target and writes the
 * YAML into the workspace so a later step (fetch:template, publish:github, ...) can use it.
 */
export function createPreviewAction({ config, fetch }: ActionDependencies) {
  return createTemplateAction({
    id: PREVIEW_ACTION_ID,
    description:
      'Previews the merged Dynatrace config of a services.yaml entry (POST /services/preview): outputs counts of custom metrics, alert rules, SLOs and dashboards and the metrics-catalog ref and commit per target, and writes the ConfigMaps (YAML, one document per target) into the workspace.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entry: entryInput,
        ...targetFilterInput,
        outputPath: z =>
          z
            .string()
            .optional()
            .describe('Where in the workspace to write the ConfigMaps (default monitoring-preview/<service>.yaml)'),
      },
      output: {
        service: z => z.string().describe("The entry's name"),
        targets: targetSummariesOutput,
        warnings: findingsOutput('Warnings of the merge (unpinned catalog ref, redefined metrics, unknown variables)'),
        message: z => z.string().optional().describe('Why there are no targets, when there are none'),
        path: z => z.string().describe('The workspace path the ConfigMaps were written to'),
        summaryMarkdown: z => z.string().describe('The summary as a Markdown table, for the template output'),
      },
    },
    async handler(ctx) {
      const api = OnboardingApi.fromConfig(config, fetch);
      const entry = entryBody(ctx.input.entry);
      // A path outside the workspace fails before the service is asked anything.
      const chosen = ctx.input.outputPath && resolveSafeChildPath(ctx.workspacePath, ctx.input.outputPath);
      const filter = { environment: ctx.input.environment, track: ctx.input.track, region: ctx.input.region };
      const preview = await api.preview(entry, filter, ctx.signal);
      const yaml = await api.previewYaml(entry, filter, ctx.signal);

      const service = preview.service ?? serviceName(entry);
      const path = ctx.input.outputPath || `monitoring-preview/${service}.yaml`;
      const file = chosen || resolveSafeChildPath(ctx.workspacePath, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, yaml, 'utf8');

      const summaries = (preview.targets ?? []).map(summarize);
      const warnings = allWarnings(preview);
      ctx.output('service', service);
      ctx.output('targets', summaries);
      ctx.output('warnings', warnings);
      if (preview.message) {
        ctx.output('message', preview.message);
      }
      ctx.output('path', path);
      ctx.output('summaryMarkdown', summaryMarkdown(preview, summaries));
      if (warnings.length) {
        ctx.logger.warn(`The preview has ${warnings.length} warning(s):\n${describeFindings(warnings)}`);
      }
      ctx.logger.info(
        preview.message ?? `Wrote the ConfigMaps of ${summaries.length} target(s) of ${service} to ${path}`,
      );
    },
  });
}
