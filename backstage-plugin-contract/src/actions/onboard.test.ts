import {
  actionContext,
  BASE_URL,
  checkpointStore,
  fakeFetch,
  json,
  outputs,
  paymentProcessor,
  problem,
  testConfig,
  TOKEN,
  yaml,
} from '../../test/helpers';
import { createOnboardAction } from './onboard';

const COMMIT = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const githubPr = {
  provider: 'github',
  number: 42,
  url: 'https://github.com/company/platform-next/pull/42',
  branch: 'onboard/payment-processor',
  commit: COMMIT,
};

const preview = {
  service: 'payment-processor',
  targets: [
    {
      target: { environment: 'prod', track: 'stable', region: 'euw1', namespace: 'prod-payment-processor-euw1-stable' },
      configMap: { metadata: { annotations: { 'monitoring.company.com/metrics-catalog-ref': 'v1.2.0' } } },
      application: { slos: { availability: 99.99 }, alertRules: [{ name: 'A' }], customMetrics: [], dashboards: [] },
      warnings: [],
    },
  ],
  warnings: [],
};

/** The service, as far as onboarding goes: validate, preview, and POST /services answering `onboarded`. */
function service(onboarded: () => Response) {
  return fakeFetch(call => {
    switch (call.url.pathname) {
      case '/services/validate':
        return json(200, { valid: true, errors: [], warnings: [], targets: [preview.targets[0].target] });
      case '/services/preview':
        return call.headers.Accept.startsWith('application/yaml') ? yaml('kind: ConfigMap\n') : json(200, preview);
      case '/services':
        return onboarded();
      default:
        return problem(404, 'request.not-found', `no ${call.url.pathname}`);
    }
  });
}

const posts = (fetch: ReturnType<typeof service>) => fetch.calls.filter(c => c.url.pathname === '/services');

describe('monitoring:onboard', () => {
  it('posts {entry, requestedBy, draft} and outputs the pull request the service opened', async () => {
    const fetch = service(() => json(201, { ...githubPr, status: 'created' }));
    const ctx = actionContext(
      { entry: paymentProcessor(), draft: true },
      { user: { ref: 'user:default/jane.doe' }, ...checkpointStore() },
    );

    await createOnboardAction({ config: testConfig(), fetch }).handler(ctx);

    expect(fetch.calls).toHaveLength(1);
    const [call] = fetch.calls;
    expect(call.method).toBe('POST');
    expect(call.url.href).toBe(`${BASE_URL}/services`);
    expect(call.headers.Authorization).toBe(`Bearer ${TOKEN}`);
    expect(call.body).toEqual({ entry: paymentProcessor(), requestedBy: 'user:default/jane.doe', draft: true });
    expect(outputs(ctx)).toMatchObject({
      pullRequestUrl: githubPr.url,
      branch: 'onboard/payment-processor',
      number: 42,
      status: 'created',
      provider: 'github',
      commit: COMMIT,
    });
    expect(outputs(ctx).summaryMarkdown).toBe(
      '[Pull request #42](https://github.com/company/platform-next/pull/42) opened: it adds payment-processor to services.yaml (branch `onboard/payment-processor`).',
    );
  });

  it('outputs status existing when the same entry is already proposed (200)', async () => {
    const fetch = service(() => json(200, { ...githubPr, status: 'existing' }));
    const ctx = actionContext({ entry: paymentProcessor(), requestedBy: 'jane.doe' }, checkpointStore());

    await createOnboardAction({ config: testConfig(), fetch }).handler(ctx);

    expect(posts(fetch)[0].body).toMatchObject({ requestedBy: 'jane.doe' });
    expect(outputs(ctx)).toMatchObject({ status: 'existing', number: 42, pullRequestUrl: githubPr.url });
  });

  it('names the branch when the local provider opens no pull request', async () => {
    const local = { provider: 'local', number: null, url: null, branch: 'onboard/payment-processor', commit: COMMIT, status: 'created' };
    const ctx = actionContext({ entry: paymentProcessor() }, checkpointStore());

    await createOnboardAction({ config: testConfig(), fetch: service(() => json(201, local)) }).handler(ctx);

    expect(outputs(ctx)).toMatchObject({ pullRequestUrl: null, number: null, branch: 'onboard/payment-processor', status: 'created' });
    expect(outputs(ctx).summaryMarkdown).toContain('Branch `onboard/payment-processor` was pushed on platform-next at commit 4b825dc642cb');
  });

  it('does not call the service again when the task is retried after the step succeeded (checkpoint replay)', async () => {
    const store = checkpointStore();
    const first = service(() => json(201, { ...githubPr, status: 'created' }));
    await createOnboardAction({ config: testConfig(), fetch: first }).handler(
      actionContext({ entry: paymentProcessor() }, store),
    );
    expect(posts(first)).toHaveLength(1);
    expect([...store.values.keys()]).toEqual(['monitoring-onboard.payment-processor']);

    const retry = service(() => problem(500, 'internal', 'must not be called'));
    const ctx = actionContext({ entry: paymentProcessor() }, store);
    await createOnboardAction({ config: testConfig(), fetch: retry }).handler(ctx);

    expect(retry.calls).toHaveLength(0);
    expect(outputs(ctx)).toMatchObject({ status: 'created', number: 42, pullRequestUrl: githubPr.url });
  });

  it('calls again on a retry after a failed attempt: a failure is not stored', async () => {
    const store = checkpointStore();
    const unavailable = service(() =>
      problem(503, 'pull-request.unavailable', 'GitHub did not answer', {}, { 'Retry-After': '20' }),
    );
    await expect(
      createOnboardAction({ config: testConfig(), fetch: unavailable }).handler(actionContext({ entry: paymentProcessor() }, store)),
    ).rejects.toThrow('Retry after 20 s.');

    const back = service(() => json(201, { ...githubPr, status: 'created' }));
    const ctx = actionContext({ entry: paymentProcessor() }, store);
    await createOnboardAction({ config: testConfig(), fetch: back }).handler(ctx);

    expect(posts(back)).toHaveLength(1);
    expect(outputs(ctx).status).toBe('created');
  });

  it('says when to retry on 503', async () => {
    const fetch = service(() =>
      problem(503, 'platform-next.busy', "platform-next's main kept moving while payment-processor was being added (5 attempts); retry", {}, { 'Retry-After': '2' }),
    );

    await expect(
      createOnboardAction({ config: testConfig(), fetch }).handler(actionContext({ entry: paymentProcessor() }, checkpointStore())),
    ).rejects.toThrow(
      "The monitoring onboarding API cannot onboard payment-processor right now (platform-next.busy): platform-next's main kept moving while payment-processor was being added (5 attempts); retry. Retry after 2 s.",
    );
  });

  it('names the pull request and branch of a conflicting proposal (409)', async () => {
    const fetch = service(() =>
      problem(409, 'pull-request.conflict', 'pull request https://github.com/company/platform-next/pull/41 (branch onboard/payment-processor) already proposes a different entry for service payment-processor; update or close it, or send the same entry', {
        branch: 'onboard/payment-processor',
        pullRequest: 'https://github.com/company/platform-next/pull/41',
      }),
    );

    const failure = createOnboardAction({ config: testConfig(), fetch }).handler(
      actionContext({ entry: paymentProcessor() }, checkpointStore()),
    );

    await expect(failure).rejects.toThrow('Cannot onboard payment-processor (pull-request.conflict)');
    await expect(failure).rejects.toThrow(
      'Pull request: https://github.com/company/platform-next/pull/41 (branch onboard/payment-processor).',
    );
  });

  it('names the branch of a conflicting proposal on the local provider (409 without a pull request)', async () => {
    const fetch = service(() =>
      problem(409, 'pull-request.conflict', 'branch onboard/payment-processor already proposes a different entry for service payment-processor; update or close it, or send the same entry', {
        branch: 'onboard/payment-processor',
      }),
    );

    await expect(
      createOnboardAction({ config: testConfig(), fetch }).handler(actionContext({ entry: paymentProcessor() }, checkpointStore())),
    ).rejects.toThrow(/^Cannot onboard payment-processor \(pull-request\.conflict\): branch .* send the same entry\. Branch: onboard\/payment-processor\.$/);
  });

  it('says the service is already on platform-next (409 service.exists)', async () => {
    const fetch = service(() =>
      problem(409, 'service.exists', 'service payment-processor is already in kustomize/catalog/services.yaml on main'),
    );

    await expect(
      createOnboardAction({ config: testConfig(), fetch }).handler(actionContext({ entry: paymentProcessor() }, checkpointStore())),
    ).rejects.toThrow(
      'Cannot onboard payment-processor (service.exists): service payment-processor is already in kustomize/catalog/services.yaml on main.',
    );
  });

  it('fails with every error of an invalid entry (422)', async () => {
    const fetch = service(() =>
      problem(422, 'entry.invalid', 'the entry has 2 errors; see errors', {
        errors: [
          { pointer: '/monitoringProfile', code: 'profile.unknown', message: 'no profile "domain-apii"', severity: 'error' },
          { pointer: '/cost/costOwner', code: 'cost.owner.invalid', message: '"x" is not an email address', severity: 'error' },
        ],
      }),
    );

    const failure = createOnboardAction({ config: testConfig(), fetch }).handler(
      actionContext({ entry: paymentProcessor() }, checkpointStore()),
    );

    await expect(failure).rejects.toThrow('- /monitoringProfile: no profile "domain-apii" (profile.unknown)');
    await expect(failure).rejects.toThrow('- /cost/costOwner: "x" is not an email address (cost.owner.invalid)');
  });

  it('says the token lacks the onboarder role (403)', async () => {
    const fetch = service(() => problem(403, 'access.forbidden', 'this token lacks the onboarder role'));

    await expect(
      createOnboardAction({ config: testConfig(), fetch }).handler(actionContext({ entry: paymentProcessor() }, checkpointStore())),
    ).rejects.toThrow(
      'The token in monitoringOnboarding.token is not allowed to onboard payment-processor (this token lacks the onboarder role): it needs the onboarder role',
    );
  });

  it.each([
    ['the task is a dry run', { isDryRun: true }, {}],
    ['the input says dryRun', {}, { dryRun: true }],
  ])('only validates and previews when %s', async (_, extra, input) => {
    const fetch = service(() => problem(500, 'internal', 'must not be called'));
    const ctx = actionContext({ entry: paymentProcessor(), ...input }, { ...extra, ...checkpointStore() });

    await createOnboardAction({ config: testConfig(), fetch }).handler(ctx);

    expect(fetch.calls.map(c => c.url.pathname)).toEqual(['/services/validate', '/services/preview']);
    expect(outputs(ctx)).toMatchObject({ status: 'dry-run', pullRequestUrl: null, branch: null, number: null });
    expect(outputs(ctx).targets).toEqual([expect.objectContaining({ environment: 'prod', alertRules: 1, slos: 1 })]);
    expect(outputs(ctx).summaryMarkdown).toContain('Dry run: payment-processor is valid; no pull request was opened.');
  });

  it('fails a dry run of an invalid entry with every error', async () => {
    const errors = [{ pointer: '/regions/0', code: 'region.unknown', message: '"euw3" is not a known region', severity: 'error' }];
    const fetch = fakeFetch(() => json(200, { valid: false, errors, warnings: [], targets: [] }));

    await expect(
      createOnboardAction({ config: testConfig(), fetch }).handler(actionContext({ entry: paymentProcessor(), dryRun: true })),
    ).rejects.toThrow('- /regions/0: "euw3" is not a known region (region.unknown)');
    expect(fetch.calls.map(c => c.url.pathname)).toEqual(['/services/validate']);
  });

  it('refuses an entry without a usable name before calling anything', async () => {
    const fetch = service(() => json(201, { ...githubPr, status: 'created' }));
    const { name: _name, ...nameless } = paymentProcessor();

    await expect(
      createOnboardAction({ config: testConfig(), fetch }).handler(actionContext({ entry: nameless }, checkpointStore())),
    ).rejects.toThrow('entry.name must be the service');
    expect(fetch.calls).toHaveLength(0);
  });
});
