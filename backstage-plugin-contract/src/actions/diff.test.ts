import { accountService, refBumpDiff } from '../../test/diffFixtures';
import { actionContext, BASE_URL, fakeFetch, json, outputs, problem, testConfig, TOKEN } from '../../test/helpers';
import { createDiffAction } from './diff';

/** The service as far as diffing goes: the current entry, and POST .../diff answering `diffed`. */
function service(diffed: () => Response = () => json(200, refBumpDiff)) {
  return fakeFetch(call => {
    switch (`${call.method} ${call.url.pathname}`) {
      case 'GET /services/account-service':
        return json(200, accountService());
      case 'POST /services/account-service/diff':
        return diffed();
      default:
        return problem(404, 'service.not-found', `no ${call.url.pathname}`);
    }
  });
}

describe('monitoring:diff', () => {
  it("reads the current entry, bumps its catalog ref, and posts it to the service's diff", async () => {
    const fetch = service();
    const ctx = actionContext({ service: 'account-service', catalogRef: 'v1.3.0' });

    await createDiffAction({ config: testConfig(), fetch }).handler(ctx);

    expect(fetch.calls.map(c => `${c.method} ${c.url.href}`)).toEqual([
      `GET ${BASE_URL}/services/account-service`,
      `POST ${BASE_URL}/services/account-service/diff`,
    ]);
    expect(fetch.calls[0].headers.Authorization).toBe(`Bearer ${TOKEN}`);
    expect(fetch.calls[0].headers['Content-Type']).toBeUndefined();
    const expected = accountService() as any;
    expected.monitoring.customMetrics.repository.ref = 'v1.3.0';
    expect(fetch.calls[1].body).toEqual(expected);
    expect(outputs(ctx)).toMatchObject({
      service: 'account-service',
      status: 'changed',
      catalogRefBefore: 'v1.2.0',
      catalogRefAfter: 'v1.3.0',
      entry: expected,
      targets: [
        { environment: 'prod', track: 'stable', region: 'euw1', namespace: 'prod-account-service-euw1-stable', status: 'changed', added: 1, removed: 0, changed: 2 },
        { environment: 'prod', track: 'stable', region: 'euw2', status: 'unchanged', added: 0, removed: 0, changed: 0 },
      ],
    });
    expect(outputs(ctx).summaryMarkdown).toContain('account-service: 1 of 2 target(s) change.');
    expect(outputs(ctx).summaryMarkdown).toContain('metrics-catalog: v1.2.0 -> v1.3.0');
    expect(outputs(ctx).summaryMarkdown).toContain('| prod/stable/euw1 | prod-account-service-euw1-stable | changed | 1 | 0 | 2 |');
  });

  it('replaces the catalog profiles, sets the override values given, and keeps what is left blank', async () => {
    const overrides = { prod: { sloAvailability: 99.95, sloErrorRate: '' } };

    const current = accountService() as any;
    current.monitoring.overrides = { prod: { sloLatencyP95ms: 200 }, int: { dynatrace: false } };
    const withOverrides = fakeFetch(call => (call.method === 'GET' ? json(200, current) : json(200, refBumpDiff)));

    await createDiffAction({ config: testConfig(), fetch: withOverrides }).handler(
      actionContext({ service: 'account-service', catalogRef: ' ', catalogProfiles: ['account-metrics', 'ledger-metrics'], overrides }),
    );

    const body = withOverrides.calls[1].body as any;
    expect(body.monitoring.customMetrics).toEqual({
      repository: { url: 'https://github.com/company/metrics-catalog', ref: 'v1.2.0' },
      profiles: ['account-metrics', 'ledger-metrics'],
    });
    expect(body.monitoring.overrides).toEqual({ prod: { sloLatencyP95ms: 200, sloAvailability: 99.95 }, int: { dynatrace: false } });
  });

  it('sends a whole entry as given, without reading the current one', async () => {
    const fetch = service();
    const entry = { ...accountService(), size: 'large', costProfile: '' };

    await createDiffAction({ config: testConfig(), fetch }).handler(actionContext({ service: 'account-service', entry }));

    expect(fetch.calls.map(c => c.method)).toEqual(['POST']);
    expect(fetch.calls[0].body).toEqual({ ...accountService(), size: 'large' });
  });

  it('refuses an entry of another service before calling anything', async () => {
    const fetch = service();

    await expect(
      createDiffAction({ config: testConfig(), fetch }).handler(
        actionContext({ service: 'account-service', entry: { ...accountService(), name: 'payment-processor' } }),
      ),
    ).rejects.toThrow('entry.name is "payment-processor", not the service account-service this step changes');
    expect(fetch.calls).toHaveLength(0);
  });

  it('fails with every error of a proposal that is invalid at the new ref (422)', async () => {
    const fetch = service(() =>
      problem(422, 'entry.invalid', 'the entry has 2 errors; see errors', {
        errors: [
          { pointer: '/monitoring/customMetrics/profiles/0', code: 'catalog.profile.unknown', message: 'no catalog profile "account-metrics" at v9.0.0', severity: 'error' },
          { pointer: '/monitoringProfile', code: 'profile.unknown', message: 'no profile "domain-apii"', severity: 'error' },
        ],
      }),
    );

    const failure = createDiffAction({ config: testConfig(), fetch }).handler(actionContext({ service: 'account-service', catalogRef: 'v9.0.0' }));

    await expect(failure).rejects.toThrow('- /monitoring/customMetrics/profiles/0: no catalog profile "account-metrics" at v9.0.0 (catalog.profile.unknown)');
    await expect(failure).rejects.toThrow('- /monitoringProfile: no profile "domain-apii" (profile.unknown)');
  });

  it('says the service is not on platform-next (404 on the current entry)', async () => {
    const fetch = fakeFetch(() => problem(404, 'service.not-found', 'no service ghost-service in services.yaml'));

    await expect(
      createDiffAction({ config: testConfig(), fetch }).handler(actionContext({ service: 'ghost-service', catalogRef: 'v1.3.0' })),
    ).rejects.toThrow('The monitoring onboarding API answered 404 to read ghost-service (service.not-found): no service ghost-service in services.yaml');
  });

  it('names the missing config key before calling anything', async () => {
    const fetch = service();

    await expect(
      createDiffAction({ config: testConfig({}), fetch }).handler(actionContext({ service: 'account-service', catalogRef: 'v1.3.0' })),
    ).rejects.toThrow('monitoringOnboarding.baseUrl is not set in app-config');
    expect(fetch.calls).toHaveLength(0);
  });
});
