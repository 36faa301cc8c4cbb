import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { OnboardingApi } from '../api/client';
import type { UpdateResult } from '../api/types';
import type { ActionDependencies } from './dependencies';
import { diffMarkdown, proposalInput, proposedEntry, summarizeTarget, targetDiffsOutput } from './proposal';

export const UPDATE_ACTION_ID = 'monitoring:update';

const examples = [
  {
    description: "Open the pull request that moves a service to another metrics-catalog ref",
    example: `steps:
  - id: update
    name: Open the pull request
    action: monitoring:update
    input:
      service: account-service
      catalogRef: v1.3.0
      requestedBy: \${{ user.ref }}
output:
  links:
    - title: Pull request
      url: \${{ steps['update'].output.pullRequestUrl }}
`,
  },
  {
    description: 'Open the pull request for the entry an earlier monitoring:diff step compared',
    example: `steps:
  - id: update
    action: monitoring:update
    input:
      service: \${{ parameters.service }}
      entry: \${{ steps['diff'].output.entry }}
      dryRun: \${{ parameters.dryRun }}
`,
  },
];

/** What the checkpoint stores: the service's answer. */
type Checkpointed = {
  provider: string | null;
  number: number | null;
  url: string | null;
  branch: string | null;
  commit: string | null;
  status: 'created' | 'existing' | 'unchanged';
};

/**
 * `monitoring:update`: `PUT /services/{name}` with `{entry, requestedBy, draft}`, inside
 * `ctx.checkpoint` keyed by the service (a retried task does not call again; the service is
 * idempotent too). In a dry run (or with `dryRun: true`) it asks for the diff and opens nothing.
 */
export function createUpdateAction({ config, fetch }: ActionDependencies) {
  return createTemplateAction({
    id: UPDATE_ACTION_ID,
    description:
      "Opens the pull request that replaces a service's services.yaml entry on platform-next (PUT /services/{name}), or finds the one already open. With dryRun (or in a dry run) it only compares.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...proposalInput,
        requestedBy: z =>
          z
            .string()
            .optional()
            .describe('Who asked, written into the commit (default: the user running the template, user.ref)'),
        draft: z => z.boolean().optional().describe('Open the pull request as a draft (GitHub)'),
        dryRun: z => z.boolean().optional().describe('Only compare; open nothing'),
      },
      output: {
        pullRequestUrl: z =>
          z.string().nullable().describe("The pull request's web page; null on the local provider, or when nothing was opened"),
        branch: z => z.string().nullable().describe('The branch on platform-next, e.g. update/account-service'),
        number: z => z.number().nullable().describe("The pull request's number; null on the local provider"),
        status: z =>
          z
            .enum(['created', 'existing', 'unchanged', 'dry-run'])
            .describe('created: this step opened it; existing: it was already open; unchanged: the base branch already has this entry; dry-run: nothing was opened'),
        provider: z => z.string().nullable().describe('github or local'),
        commit: z => z.string().nullable().describe('The commit the branch points to'),
        targets: targetDiffsOutput,
        summaryMarkdown: z => z.string().describe('What happened, as Markdown, for the template output'),
      },
    },
    async handler(ctx) {
      const api = OnboardingApi.fromConfig(config, fetch);
      const { service, entry } = await proposedEntry(api, ctx.input, ctx.signal);

      if (ctx.isDryRun || ctx.input.dryRun) {
        const diff = await api.diff(service, entry, ctx.signal);
        const summaries = (diff.targets ?? []).map(summarizeTarget);
        const would = diff.status === 'unchanged' ? 'would open nothing (no change)' : `would open a pull request on branch update/${service}`;
        ctx.output('status', 'dry-run');
        ctx.output('pullRequestUrl', null);
        ctx.output('branch', null);
        ctx.output('number', null);
        ctx.output('provider', null);
        ctx.output('commit', null);
        ctx.output('targets', summaries);
        ctx.output('summaryMarkdown', `Dry run: updating ${service} ${would}.\n\n${diffMarkdown(diff, summaries)}`);
        ctx.logger.info(`Dry run: updating ${service} ${would}; nothing opened`);
        return;
      }

      const outcome = await ctx.checkpoint<Checkpointed>({
        key: `monitoring-update.${service}`,
        fn: async () => {
          const { result, httpStatus } = await api.update(
            service,
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

function stored(result: UpdateResult, httpStatus: number): Checkpointed {
  return {
    provider: result.provider ?? null,
    number: result.number ?? null,
    url: result.url ?? null,
    branch: result.branch ?? null,
    commit: result.commit ?? null,
    status: result.status ?? (httpStatus === 201 ? 'created' : 'existing'),
  };
}

function describeOutcome(service: string, outcome: Checkpointed): string {
  if (outcome.status === 'unchanged') {
    return `${service}'s entry on platform-next is already the proposed one: nothing was opened.`;
  }
  const opened = outcome.status === 'created' ? 'opened' : 'was already open';
  if (outcome.url) {
    const title = outcome.number === null ? 'Pull request' : `Pull request #${outcome.number}`;
    return `[${title}](${outcome.url}) ${opened}: it updates ${service} in services.yaml (branch \`${outcome.branch}\`).`;
  }
  const pushed = outcome.status === 'created' ? 'was pushed' : 'was already there';
  return `Branch \`${outcome.branch}\` ${pushed} on platform-next at commit ${outcome.commit?.slice(0, 12) ?? '?'}: it updates ${service} in services.yaml (the service's ${outcome.provider ?? 'local'} provider opens no pull request; open one from the branch).`;
}
