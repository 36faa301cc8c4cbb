import type { JsonObject } from '@backstage/types';

/** account-service as GET /services/account-service answers (the embedded platform-next's entry, abridged). */
export function accountService(): JsonObject {
  return {
    name: 'account-service',
    archetype: 'api',
    size: 'medium',
    regions: ['euw1'],
    enabledIn: ['prod'],
    monitoringProfile: 'domain-api',
    monitoring: {
      dynatrace: true,
      customMetrics: {
        repository: { url: 'https://github.com/company/metrics-catalog', ref: 'v1.2.0' },
        profiles: ['account-metrics'],
      },
    },
  };
}

/** A diff in the contract's EntryDiff shape: one changed target, one unchanged. */
export const refBumpDiff = {
  service: 'account-service',
  status: 'changed',
  baseCommit: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  before: { profile: 'domain-api', catalogRef: 'v1.2.0', catalogCommit: 'a'.repeat(40) },
  after: { profile: 'domain-api', catalogRef: 'v1.3.0', catalogCommit: 'b'.repeat(40) },
  summary: { added: 0, removed: 0, changed: 1, unchanged: 1 },
  entryChanges: [{ pointer: '/monitoring/customMetrics/repository/ref', kind: 'changed', before: 'v1.2.0', after: 'v1.3.0', source: 'entry' }],
  targets: [
    {
      target: { environment: 'prod', track: 'stable', region: 'euw1', namespace: 'prod-account-service-euw1-stable' },
      status: 'changed',
      changes: [
        { pointer: '/customMetrics/accounts_closed_total', kind: 'added', after: { name: 'accounts_closed_total' }, source: 'catalog' },
        { pointer: '/customMetrics/accounts_opened_total/unit', kind: 'changed', before: 'count', after: 'accounts', source: 'catalog' },
        { pointer: '/configMap/metadata/annotations/monitoring.company.com~1metrics-catalog-ref', kind: 'changed', before: 'v1.2.0', after: 'v1.3.0', source: 'entry' },
      ],
      yamlDiff: '--- a\n+++ b\n',
    },
    {
      target: { environment: 'prod', track: 'stable', region: 'euw2', namespace: 'prod-account-service-euw2-stable' },
      status: 'unchanged',
      changes: [],
      yamlDiff: '',
    },
  ],
  valid: true,
  errors: [],
  warnings: [],
};
