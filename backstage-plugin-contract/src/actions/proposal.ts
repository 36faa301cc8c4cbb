import { InputError } from '@backstage/errors';
import type { OnboardingApi } from '../api/client';
import { describeFindings } from '../api/errors';
import type { Change, EntryDiff, TargetDiff } from '../api/types';
import { entryBody, pruneEmpty, serviceName } from './entry';
import type { Z } from './schemas';

/** What monitoring:diff and monitoring:update take to say which entry is proposed. */
export interface ProposalInput {
  service: string;
  entry?: Record<string, unknown>;
  catalogRef?: string;
  catalogProfiles?: string[];
  overrides?: Record<string, unknown>;
}

export const proposalInput = {
  service: (z: Z) => z.string().describe('The service on platform-next to change, e.g. account-service'),
  entry: (z: Z) =>
    z
      .record(z.unknown())
      .optional()
      .describe('The whole proposed services.yaml item; without it, the current entry with the changes below'),
  catalogRef: (z: Z) =>
    z.string().optional().describe('Move the entry to this metrics-catalog ref, e.g. v1.3.0 (blank: keep)'),
  catalogProfiles: (z: Z) =>
    z.array(z.string()).optional().describe('Replace the catalog profiles (empty or absent: keep)'),
  overrides: (z: Z) =>
    z
      .record(z.record(z.unknown()))
      .optional()
      .describe('Values to set in monitoring.overrides, per environment, e.g. {prod: {sloAvailability: 99.95}}; the keys not given are kept'),
};

/**
 * The entry to propose: `entry` as given (blank values dropped), or the service's current entry
 * (GET /services/{name}, untouched otherwise: the service keeps every unchanged line) with the
 * catalog ref and catalog profiles replaced and the override values given set. Blank means "keep", since
 * a template renders a field the user left alone as "" or [].
 */
export async function proposedEntry(api: OnboardingApi, input: ProposalInput, signal?: AbortSignal) {
  const service = serviceName({ name: input.service });
  if (input.entry && Object.keys(input.entry).length) {
    const entry = entryBody(input.entry);
    if (serviceName(entry) !== service) {
      throw new InputError(`entry.name is ${JSON.stringify(entry.name)}, not the service ${service} this step changes`);
    }
    return { service, entry };
  }
  // A copy made in this module's realm: structuredClone's objects belong to Node's realm, and the
  // scaffolder's templating refuses a step output built from them when the two differ (Jest).
  const entry = JSON.parse(JSON.stringify(await api.getService(service, signal))) as Record<string, unknown>;
  const monitoring = objectAt(entry, 'monitoring');
  const ref = typeof input.catalogRef === 'string' ? input.catalogRef.trim() : '';
  const profiles = (input.catalogProfiles ?? []).filter(p => typeof p === 'string' && p.trim() !== '');
  if (ref || profiles.length) {
    const customMetrics = objectAt(monitoring, 'customMetrics');
    if (ref) {
      objectAt(customMetrics, 'repository').ref = ref;
    }
    if (profiles.length) {
      customMetrics.profiles = profiles;
    }
  }
  const overrides = (pruneEmpty(input.overrides ?? {}) ?? {}) as Record<string, Record<string, unknown>>;
  if (Object.keys(overrides).length) {
    const current = objectAt(monitoring, 'overrides');
    for (const [environment, values] of Object.entries(overrides)) {
      current[environment] = { ...objectAt(current, environment), ...values };
    }
  }
  return { service, entry };
}

function objectAt(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = parent[key];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  const created: Record<string, unknown> = {};
  parent[key] = created;
  return created;
}

/** One target of a diff in numbers a template can show. */
export interface TargetDiffSummary {
  environment: string;
  track: string;
  region: string;
  namespace: string;
  status: string;
  added: number;
  removed: number;
  changed: number;
}

export function summarizeTarget(target: TargetDiff): TargetDiffSummary {
  const changes = target.changes ?? [];
  const kinds = (kind: Change['kind']) => changes.filter(c => c.kind === kind).length;
  return {
    environment: target.target?.environment ?? '',
    track: target.target?.track ?? '',
    region: target.target?.region ?? '',
    namespace: target.target?.namespace ?? '',
    status: target.status ?? 'unchanged',
    added: kinds('added'),
    removed: kinds('removed'),
    changed: kinds('changed'),
  };
}

export const targetDiffsOutput = (z: Z) =>
  z
    .array(
      z.object({
        environment: z.string(),
        track: z.string(),
        region: z.string(),
        namespace: z.string(),
        status: z.string(),
        added: z.number(),
        removed: z.number(),
        changed: z.number(),
      }),
    )
    .describe('Per target: added, removed, changed or unchanged, and how many values of its merged config are added, removed and changed');

/** The diff as Markdown: the catalog refs, a table of the targets, the warnings. */
export function diffMarkdown(diff: EntryDiff, summaries: TargetDiffSummary[]): string {
  const before = diff.before?.catalogRef ?? '-';
  const after = diff.after?.catalogRef ?? '-';
  const lines = [
    diff.status === 'unchanged'
      ? `${diff.service}: no target's config changes.`
      : `${diff.service}: ${summaries.filter(s => s.status !== 'unchanged').length} of ${summaries.length} target(s) change.`,
  ];
  if (before !== after) {
    lines.push('', `metrics-catalog: ${before} -> ${after}`);
  }
  if (summaries.length) {
    lines.push(
      '',
      '| Target | Namespace | Status | Added | Removed | Changed |',
      '|---|---|---|---|---|---|',
      ...summaries.map(
        s => `| ${s.environment}/${s.track}/${s.region} | ${s.namespace} | ${s.status} | ${s.added} | ${s.removed} | ${s.changed} |`,
      ),
    );
  }
  if (diff.warnings?.length) {
    lines.push('', 'Warnings:', describeFindings(diff.warnings));
  }
  return lines.join('\n');
}
