import { actionContext, BASE_URL, fakeFetch, json, outputs, paymentProcessor, problem, testConfig, TOKEN } from '../../test/helpers';
import { createValidateAction } from './validate';

const targets = [
  { environment: 'int', track: 'stable', region: 'euw1', namespace: 'int-payment-processor-euw1-stable' },
  { environment: 'prod', track: 'stable', region: 'euw1', namespace: 'prod-payment-processor-euw1-stable' },
];

describe('monitoring:validate', () => {
  it('posts the entry with the configured token and outputs the report of a valid entry', async () => {
    const fetch = fakeFetch(() => json(200, { valid: true, errors: [], warnings: [], targets }));
    const ctx = actionContext({ entry: paymentProcessor() });

    await createValidateAction({ config: testConfig(), fetch }).handler(ctx);

    expect(fetch.calls).toHaveLength(1);
    const [call] = fetch.calls;
    expect(call.method).toBe('POST');
    expect(call.url.href).toBe(`${BASE_URL}/services/validate`);
    expect(call.headers.Authorization).toBe(`Bearer ${TOKEN}`);
    expect(call.headers['Content-Type']).toBe('application/json');
    expect(call.body).toEqual(paymentProcessor());
    expect(outputs(ctx)).toEqual({ valid: true, errors: [], warnings: [], targets, entry: paymentProcessor() });
  });

  it('fails the step with every error, pointer and message, after outputting the report', async () => {
    const errors = [
      { pointer: '/archetype', code: 'archetype.unknown', message: '"apii" is not a known archetype', severity: 'error' },
      { pointer: '/regions/0', code: 'region.unknown', message: '"euw3" is not a known region', severity: 'error' },
      { pointer: '/cost/costOwner', code: 'cost.owner.invalid', message: '"nobody" is not an email address', severity: 'error' },
    ];
    const fetch = fakeFetch(() => json(200, { valid: false, errors, warnings: [], targets: [] }));
    const ctx = actionContext({ entry: { ...paymentProcessor(), archetype: 'apii' } });

    const failure = createValidateAction({ config: testConfig(), fetch }).handler(ctx);

    await expect(failure).rejects.toThrow('The entry is invalid (3 error(s))');
    await expect(failure).rejects.toThrow('- /archetype: "apii" is not a known archetype (archetype.unknown)');
    await expect(failure).rejects.toThrow('- /regions/0: "euw3" is not a known region (region.unknown)');
    await expect(failure).rejects.toThrow('- /cost/costOwner: "nobody" is not an email address (cost.owner.invalid)');
    expect(outputs(ctx)).toMatchObject({ valid: false, errors });
  });

  it('passes a valid entry with warnings, and outputs them', async () => {
    const warnings = [
      { pointer: '/monitoring/customMetrics/repository/ref', code: 'catalog.pinned-to-branch', message: 'main is a branch', severity: 'warning' },
    ];
    const fetch = fakeFetch(() => json(200, { valid: true, errors: [], warnings, targets }));
    const ctx = actionContext({ entry: paymentProcessor() });

    await createValidateAction({ config: testConfig(), fetch }).handler(ctx);

    expect(outputs(ctx).warnings).toEqual(warnings);
  });

  it('leaves out fields a template rendered blank, so they are not reported as invalid', async () => {
    const fetch = fakeFetch(() => json(200, { valid: true, errors: [], warnings: [], targets }));
    const entry = { ...paymentProcessor(), costProfile: '', monitoring: { dynatrace: true, overrides: { prod: { sloAvailability: null } } } };

    const ctx = actionContext({ entry });
    await createValidateAction({ config: testConfig(), fetch }).handler(ctx);

    const body = fetch.calls[0].body as Record<string, unknown>;
    expect(body).not.toHaveProperty('costProfile');
    expect(body.monitoring).toEqual({ dynatrace: true });
    expect(outputs(ctx).entry).toEqual(body);
  });

  it('says to retry after the seconds of Retry-After when the service answers 503', async () => {
    const fetch = fakeFetch(() =>
      problem(503, 'platform-next.unavailable', 'platform-next did not answer in 30s', {}, { 'Retry-After': '30' }),
    );

    const failure = createValidateAction({ config: testConfig(), fetch }).handler(actionContext({ entry: paymentProcessor() }));

    await expect(failure).rejects.toThrow(
      'The monitoring onboarding API cannot validate the entry right now (platform-next.unavailable): platform-next did not answer in 30s. Retry after 30 s.',
    );
  });

  it('says the token is wrong on 401 and lacks the role on 403', async () => {
    const unauthenticated = fakeFetch(() => problem(401, 'access.unauthenticated', 'the bearer token is not valid'));
    const forbidden = fakeFetch(() => problem(403, 'access.forbidden', 'this token lacks the reader role'));

    await expect(
      createValidateAction({ config: testConfig(), fetch: unauthenticated }).handler(actionContext({ entry: paymentProcessor() })),
    ).rejects.toThrow('rejected the token (the bearer token is not valid): set a valid token in monitoringOnboarding.token');
    await expect(
      createValidateAction({ config: testConfig(), fetch: forbidden }).handler(actionContext({ entry: paymentProcessor() })),
    ).rejects.toThrow('is not allowed to validate the entry (this token lacks the reader role)');
  });

  it('sends no Authorization header when no token is configured (the service runs open)', async () => {
    const fetch = fakeFetch(() => json(200, { valid: true, errors: [], warnings: [], targets }));

    await createValidateAction({ config: testConfig({ baseUrl: `${BASE_URL}/` }), fetch }).handler(
      actionContext({ entry: paymentProcessor() }),
    );

    expect(fetch.calls[0].headers).not.toHaveProperty('Authorization');
    expect(fetch.calls[0].url.href).toBe(`${BASE_URL}/services/validate`);
  });

  it('runs in a dry run too: validating changes nothing', async () => {
    const fetch = fakeFetch(() => json(200, { valid: true, errors: [], warnings: [], targets }));
    const ctx = actionContext({ entry: paymentProcessor() }, { isDryRun: true });
    const action = createValidateAction({ config: testConfig(), fetch });

    await action.handler(ctx);

    expect(action.supportsDryRun).toBe(true);
    expect(outputs(ctx).valid).toBe(true);
  });

  it('names the missing config key, and an unreachable service, instead of failing obscurely', async () => {
    const fetch = fakeFetch(() => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    });

    await expect(
      createValidateAction({ config: testConfig({}), fetch }).handler(actionContext({ entry: paymentProcessor() })),
    ).rejects.toThrow('monitoringOnboarding.baseUrl is not set in app-config');
    for (const [block, message] of [
      [{ baseUrl: 'monitoring-onboarding:8080' }, 'monitoringOnboarding.baseUrl must be an http(s) URL'],
      [{ baseUrl: BASE_URL, timeoutSeconds: 0 }, 'monitoringOnboarding.timeoutSeconds must be positive, not 0'],
      [{ baseUrl: BASE_URL, timeoutSeconds: 'soon' }, "config value for key 'monitoringOnboarding.timeoutSeconds'"],
    ] as const) {
      await expect(
        createValidateAction({ config: testConfig(block), fetch }).handler(actionContext({ entry: paymentProcessor() })),
      ).rejects.toThrow(message);
    }
    expect(fetch.calls).toEqual([]);
    await expect(
      createValidateAction({ config: testConfig(), fetch }).handler(actionContext({ entry: paymentProcessor() })),
    ).rejects.toThrow(`The monitoring onboarding API at ${BASE_URL} could not be reached to validate the entry: ECONNREFUSED`);
  });
});
