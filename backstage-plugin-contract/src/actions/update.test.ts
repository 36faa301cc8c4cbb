import { accountService, refBumpDiff } from '../../test/diffFixtures';
import { actionContext, BASE_URL, checkpointStore, fakeFetch, json, outputs, problem, testConfig, TOKEN } from '../../test/helpers';
import { createUpdateAction } from './update';

const COMMIT = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const githubPr = {
  provider: 'github',
  number: 43,
  url: 'https://github.com/company/platform-next/pull/43',
  branch: 'update/account-service',
  commit: COMMIT,
};

/** The service as far as updating goes: the current entry, the diff, and PUT answering `updated`. */
function service(updated: () => Response) {
  return fakeFetch(call => {
    switch (`${call.method} ${call.url.pathname}`) {
      case 'GET /services/account-service':
        return json(200, accountService());
      case 'POST /services/account-service/diff':
        return json(200, refBumpDiff);
      case 'PUT /services/account-service':
        return updated();
      default:
        return problem(404, 'request.not-found', `no ${call.url.pathname}`);
    }
  });
}

const puts = (fetch: ReturnType<typeof service>) => fetch.calls.filter(c => c.method === 'PUT');

function bumped() {
  const entry = accountService() as any;
  entry.monitoring.customMetrics.repository.ref = 'v1.3.0';
  return entry;
}

describe('monitoring:update', () => {
  it('puts {entry, requestedBy, draft} and outputs the pull request the service opened', async () => {
    const fetch = service(() => json(201, { ...githubPr, status: 'created' }));
    const ctx = actionContext(
      { service: 'account-service', catalogRef: 'v1.3.0', draft: true },
      { user: { ref: 'user:default/jane.doe' }, ...checkpointStore() },
    );

    await createUpdateAction({ config: testConfig(), fetch }).handler(ctx);

    const [put] = puts(fetch);
    expect(put.url.href).toBe(`${BASE_URL}/services/account-service`);
    expect(put.headers.Authorization).toBe(`Bearer ${TOKEN}`);
    expect(put.body).toEqual({ entry: bumped(), requestedBy: 'user:default/jane.doe', draft: true });
    expect(outputs(ctx)).toMatchObject({
      pullRequestUrl: githubPr.url,
      branch: 'update/account-service',
      number: 43,
      status: 'created',
      provider: 'github',
      commit: COMMIT,
    });
    expect(outputs(ctx).summaryMarkdown).toBe(
      '[Pull request #43](https://github.com/company/platform-next/pull/43) opened: it updates account-service in services.yaml (branch `update/account-service`).',
    );
  });

  it('takes the entry an earlier diff step compared, without reading the current one', async () => {
    const fetch = service(() => json(200, { ...githubPr, status: 'existing' }));
    const ctx = actionContext({ service: 'account-service', entry: bumped(), requestedBy: 'jane.doe' }, checkpointStore());

    await createUpdateAction({ config: testConfig(), fetch }).handler(ctx);

    expect(fetch.calls.map(c => c.method)).toEqual(['PUT']);
    expect(fetch.calls[0].body).toEqual({ entry: bumped(), requestedBy: 'jane.doe' });
    expect(outputs(ctx)).toMatchObject({ status: 'existing', number: 43 });
  });

  it('names the branch when the local provider opens no pull request', async () => {
    const local = { provider: 'local', branch: 'update/account-service', commit: COMMIT, status: 'created' };
    const ctx = actionContext({ service: 'account-service', catalogRef: 'v1.3.0' }, checkpointStore());

    await createUpdateAction({ config: testConfig(), fetch: service(() => json(201, local)) }).handler(ctx);

    expect(outputs(ctx)).toMatchObject({ pullRequestUrl: null, number: null, branch: 'update/account-service', status: 'created', provider: 'local' });
    expect(outputs(ctx).summaryMarkdown).toContain('Branch `update/account-service` was pushed on platform-next at commit 4b825dc642cb');
  });

  it('says nothing was opened when the base branch already has the entry (200 unchanged)', async () => {
    const ctx = actionContext({ service: 'account-service', catalogRef: 'v1.2.0' }, checkpointStore());

    await createUpdateAction({ config: testConfig(), fetch: service(() => json(200, { status: 'unchanged' })) }).handler(ctx);

    expect(outputs(ctx)).toMatchObject({ status: 'unchanged', branch: null, pullRequestUrl: null });
    expect(outputs(ctx).summaryMarkdown).toBe("account-service's entry on platform-next is already the proposed one: nothing was opened.");
  });

  it('does not call the service again when the task is retried after the step succeeded (checkpoint replay)', async () => {
    const store = checkpointStore();
    const first = service(() => json(201, { ...githubPr, status: 'created' }));
    await createUpdateAction({ config: testConfig(), fetch: first }).handler(actionContext({ service: 'account-service', entry: bumped() }, store));
    expect([...store.values.keys()]).toEqual(['monitoring-update.account-service']);

    const retry = service(() => problem(500, 'internal', 'must not be called'));
    const ctx = actionContext({ service: 'account-service', entry: bumped() }, store);
    await createUpdateAction({ config: testConfig(), fetch: retry }).handler(ctx);

    expect(retry.calls).toHaveLength(0);
    expect(outputs(ctx)).toMatchObject({ status: 'created', number: 43 });
  });

  it('calls again on a retry after a failed attempt, and says when to retry on 503', async () => {
    const store = checkpointStore();
    const unavailable = service(() => problem(503, 'platform-next.unavailable', 'platform-next did not answer', {}, { 'Retry-After': '20' }));
    await expect(
      createUpdateAction({ config: testConfig(), fetch: unavailable }).handler(actionContext({ service: 'account-service', entry: bumped() }, store)),
    ).rejects.toThrow(
      'The monitoring onboarding API cannot update account-service right now (platform-next.unavailable): platform-next did not answer. Retry after 20 s.',
    );

    const back = service(() => json(201, { ...githubPr, status: 'created' }));
    await createUpdateAction({ config: testConfig(), fetch: back }).handler(actionContext({ service: 'account-service', entry: bumped() }, store));
    expect(puts(back)).toHaveLength(1);
  });

  it('names the pull request of a conflicting proposal (409)', async () => {
    const fetch = service(() =>
      problem(409, 'pull-request.conflict', 'pull request https://github.com/company/platform-next/pull/41 already proposes a different entry for account-service', {
        branch: 'update/account-service',
        pullRequest: 'https://github.com/company/platform-next/pull/41',
      }),
    );

    await expect(
      createUpdateAction({ config: testConfig(), fetch }).handler(actionContext({ service: 'account-service', entry: bumped() }, checkpointStore())),
    ).rejects.toThrow(
      /^Cannot update account-service \(pull-request\.conflict\): .* Pull request: https:\/\/github\.com\/company\/platform-next\/pull\/41 \(branch update\/account-service\)\.$/,
    );
  });

  it('fails with every error of an invalid entry (422)', async () => {
    const fetch = service(() =>
      problem(422, 'entry.invalid', 'the entry has 2 errors; see errors', {
        errors: [
          { pointer: '/regions/0', code: 'region.unknown', message: '"euw3" is not a known region', severity: 'error' },
          { pointer: '/cost/costOwner', code: 'cost.owner.invalid', message: '"x" is not an email address', severity: 'error' },
        ],
      }),
    );

    const failure = createUpdateAction({ config: testConfig(), fetch }).handler(
      actionContext({ service: 'account-service', entry: bumped() }, checkpointStore()),
    );

    await expect(failure).rejects.toThrow('- /regions/0: "euw3" is not a known region (region.unknown)');
    await expect(failure).rejects.toThrow('- /cost/costOwner: "x" is not an email address (cost.owner.invalid)');
  });

  it('says the token lacks the onboarder role (403)', async () => {
    const fetch = service(() => problem(403, 'access.forbidden', 'this token lacks the onboarder role'));

    await expect(
      createUpdateAction({ config: testConfig(), fetch }).handler(actionContext({ service: 'account-service', entry: bumped() }, checkpointStore())),
    ).rejects.toThrow('The token in monitoringOnboarding.token is not allowed to update account-service (this token lacks the onboarder role)');
  });

  it.each([
    ['the task is a dry run', { isDryRun: true }, {}],
    ['the input says dryRun', {}, { dryRun: true }],
  ])('only compares, and says what it would open, when %s', async (_, extra, input) => {
    const fetch = service(() => problem(500, 'internal', 'must not be called'));
    const ctx = actionContext({ service: 'account-service', catalogRef: 'v1.3.0', ...input }, { ...extra, ...checkpointStore() });

    await createUpdateAction({ config: testConfig(), fetch }).handler(ctx);

    expect(fetch.calls.map(c => `${c.method} ${c.url.pathname}`)).toEqual([
      'GET /services/account-service',
      'POST /services/account-service/diff',
    ]);
    expect(outputs(ctx)).toMatchObject({ status: 'dry-run', pullRequestUrl: null, branch: null, number: null });
    expect(outputs(ctx).targets).toEqual([
      expect.objectContaining({ region: 'euw1', status: 'changed', added: 1, changed: 2 }),
      expect.objectContaining({ region: 'euw2', status: 'unchanged' }),
    ]);
    expect(outputs(ctx).summaryMarkdown).toContain('Dry run: updating account-service would open a pull request on branch update/account-service.');
  });
});
