import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { OnboardingApi } from '../api/client';
import type { OnboardingResult } from '../api/types';
import type { ActionDependencies } from './dependencies';
import { entryBody, serviceName } from './entry';
import { summarize, summaryMarkdown } from './previewSummary';
import { entryInput, targetSummariesOutput } from './schemas';
import { requireValid } from './validate';

export const ONBOARD_ACTION_ID = 'monitoring:onboard';

const examples = [
  {
    description: 'Open the pull request that adds the entry to services.yaml on platform-next',
    example: `steps:
  - id: onboard
    name: Open the pull request
    action: monitoring:onboard
    input:
      entry: \${{ steps['validate'].output.entry }}
      requestedBy: \${{ user.ref }}
output:
  links:
    - title: Pull request
      url: \${{ steps['onboard'].output.pullRequestUrl }}
`,
  },
  {
    description: 'Validate and preview only (no pull request), e.g. behind a "dry run" checkbox',
    example: `steps:
  - id: onboard
    action: monitoring:onboard
    input:
      entry: \${{ steps['validate'].output.entry }}
      dryRun: \${{ parameters.dryRun }}
`,
  },
  {
    description: 'Open the pull request as a draft (GitHub provider)',
    example: `steps:
  - id: onboard
    action: monitoring:onboard
    input:
      entry: \${{ steps['validate'].output.entry }}
      draft: true
`,
  },
];

/** What the checkpoint stores: the service's answer, and whether it was 201 (created) or 200 (existing). */
type Checkpointed = {
  provider: string | null;
  number: number | null;
  url: string | null;
  branch: string | null;
  commit: string | null;
  status: 'created' | 'existing';
  httpStatus: number;
};

/**
 * `monitoring:onboard`: `POST /services` with `{entry, requestedBy, draft}`. The call runs
 * inside `ctx.checkpoint`, keyed by the service's name, so a task that is retried after this
 * step succeeded answers from the stored result instead of calling again (the service is
 * idempotent too: the same entry again gives 200 and the same pull request). In a dry run
 * (the template editor's, or `dryRun: true`) it validates and previews and opens nothing.
 */
export function createOnboardAction({ config, fetch }: ActionDependencies) {
  return createTemplateAction({
    id: ONBOARD_ACTION_ID,
    description:
      'Opens the pull request that adds a services.yaml entry to platform-next (POST /services), or finds the one already open for the same entry. With dryRun (or in a dry run) it only validates and previews.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entry: entryInput,
        requestedBy: z =>
          z
            .string()
            .optional()
            .describe('Who asked, written into the commit (default: the user running the template, user.ref)'),
        draft: z => z.boolean().optional().describe('Open the pull request as a draft (GitHub)'),
        dryRun: z => z.boolean().optional().describe('Only validate and preview; open nothing'),
      },
      output: {
        pullRequestUrl: z =>
          z.string().nullable().describe("The pull request's web page; null on the service's local provider"),
        branch: z => z.string().nullable().describe('The branch on platform-next, e.g. onboard/payment-processor'),
        number: z => z.number().nullable().describe("The pull request's number; null on the local provider"),
        status: z =>
          z
            .enum(['created', 'existing', 'dry-run'])
            .describe('created: this step opened it; existing: it was already open; dry-run: nothing was opened'),
        provider: z => z.string().nullable().describe('github or local'),
        commit: z => z.string().nullable().describe('The commit the branch points to'),
        targets: targetSummariesOutput,
        summaryMarkdown: z => z.string().describe('What happened, as Markdown, for the template output'),
      },
    },
    async handler(ctx) {
      const api = OnboardingApi.fromConfig(config, fetch);
      const entry = entryBody(ctx.input.entry);
      const service = serviceName(entry);

      if (ctx.isDryRun || ctx.input.dryRun) {
        requireValid(await api.validate(entry, ctx.signal));
        const preview = await api.preview(entry, {}, ctx.signal);
        const summaries = (preview.targets ?? []).map(summarize);
        ctx.output('status', 'dry-run');
        ctx.output('pullRequestUrl', null);
        ctx.output('branch', null);
        ctx.output('number', null);
        ctx.output('provider', null);
        ctx.output('commit', null);
        ctx.output('targets', summaries);
        ctx.output(
          'summaryMarkdown',
          `Dry run: ${service} is valid; no pull request was opened.\n\n${summaryMarkdown(preview, summaries)}`,
        );
        ctx.logger.info(`Dry run: ${service} is valid and previews to ${summaries.length} target(s); nothing opened`);
        return;
      }

      const outcome = await ctx.checkpoint<Checkpointed>({
        key: `monitoring-onboard.${service}`,
        fn: async () => {
          const { result, httpStatus } = await api.onboard(
            { entry, requestedBy: ctx.input.requestedBy ?? ctx.user?.ref, draft: ctx.input.draft },
            ctx.signal,
          );
          return stored(result, httpStatus);
        },
      });

      ctx.output('pullRequestUrl', outcome.url);
      ctx.output('branch', outcome.branch);
      ctx.output('number', outcome.number);
      ctx.output('status', outcome.status);
      ctx.output('provider', outcome.provider);
      ctx.output('commit', outcome.commit);
      ctx.output('targets', []);
      ctx.output('summaryMarkdown', describeOutcome(service, outcome));
      ctx.logger.info(describeOutcome(service, outcome));
    },
  });
}

function stored(result: OnboardingResult, httpStatus: number): Checkpointed {
  return {
    provider: result.provider ?? null,
    number: result.number ?? null,
    url: result.url ?? null,
    branch: result.branch ?? null,
    commit: result.commit ?? null,
    status: result.status ?? (httpStatus === 201 ? 'created' : 'existing'),
    httpStatus,
  };
}

function describeOutcome(service: string, outcome: Checkpointed): string {
  const opened = outcome.status === 'created' ? 'opened' : 'was already open';
  if (outcome.url) {
    const title = outcome.number === null ? 'Pull request' : `Pull request #${outcome.number}`;
    return `[${title}](${outcome.url}) ${opened}: it adds ${service} to services.yaml (branch \`${outcome.branch}\`).`;
  }
  const pushed = outcome.status === 'created' ? 'was pushed' : 'was already there';
  return `Branch \`${outcome.branch}\` ${pushed} on platform-next at commit ${outcome.commit?.slice(0, 12) ?? '?'}: it adds ${service} to services.yaml (the service's ${outcome.provider ?? 'local'} provider opens no pull request; open one from the branch).`;
}
