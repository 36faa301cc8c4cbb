import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionContext, BASE_URL, fakeFetch, json, outputs, paymentProcessor, problem, testConfig, yaml } from '../../test/helpers';
import { createPreviewAction } from './preview';

const COMMIT = '75e3808b9f0d93f70bdfb05795cc681b4369fac0';

function target(environment: string, region: string) {
  const namespace = `${environment}-payment-processor-${region}-stable`;
  return {
    target: { environment, track: 'stable', region, namespace },
    configMap: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'payment-processor-dynatrace-config',
        namespace,
        annotations: {
          'monitoring.company.com/metrics-catalog-ref': 'v1.2.0',
          'monitoring.company.com/metrics-catalog-commit': COMMIT,
        },
      },
      data: { 'application.json': '{}' },
    },
    application: {
      slos: { availability: 99.9, latencyP95Ms: 300, latencyP99Ms: 1000, errorRate: null },
      alertRules: [{ name: 'ErrorRateAnomaly' }, { name: 'PaymentSuccessRateLow' }, { name: 'Crash', enabled: false }],
      customMetrics: [{ name: 'payment_transactions_total' }, { name: 'payment_amount_total' }],
      dashboards: [{ name: 'Payments' }],
    },
    sources: [],
    provenance: {},
    warnings: [],
  };
}

const configMaps = `apiVersion: v1
kind: ConfigMap
metadata:
  name: payment-processor-dynatrace-config
  namespace: prod-payment-processor-euw1-stable
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: payment-processor-dynatrace-config
  namespace: prod-payment-processor-euw2-stable
`;

/** Answers the JSON and the YAML form of POST /services/preview as the service does. */
function previewService(body: object = { service: 'payment-processor', targets: [target('prod', 'euw1'), target('prod', 'euw2')], warnings: [] }) {
  return fakeFetch(call => (call.headers.Accept.startsWith('application/yaml') ? yaml(configMaps) : json(200, body)));
}

describe('monitoring:preview', () => {
  it('outputs a summary per target and writes the ConfigMaps into the workspace', async () => {
    const fetch = previewService();
    const ctx = actionContext({ entry: paymentProcessor() });

    await createPreviewAction({ config: testConfig(), fetch }).handler(ctx);

    expect(fetch.calls.map(c => [c.url.pathname, c.headers.Accept])).toEqual([
      ['/services/preview', 'application/json, application/problem+json'],
      ['/services/preview', 'application/yaml, application/problem+json'],
    ]);
    const out = outputs(ctx);
    expect(out.service).toBe('payment-processor');
    expect(out.targets).toEqual([
      {
        environment: 'prod', track: 'stable', region: 'euw1', namespace: 'prod-payment-processor-euw1-stable',
        customMetrics: 2, alertRules: 3, slos: 3, dashboards: 1, catalogRef: 'v1.2.0', catalogCommit: COMMIT,
      },
      {
        environment: 'prod', track: 'stable', region: 'euw2', namespace: 'prod-payment-processor-euw2-stable',
        customMetrics: 2, alertRules: 3, slos: 3, dashboards: 1, catalogRef: 'v1.2.0', catalogCommit: COMMIT,
      },
    ]);
    expect(out.path).toBe('monitoring-preview/payment-processor.yaml');
    expect(readFileSync(join(ctx.workspacePath, 'monitoring-preview/payment-processor.yaml'), 'utf8')).toBe(configMaps);
    expect(out.summaryMarkdown).toContain(
      '| prod/stable/euw1 | prod-payment-processor-euw1-stable | 2 | 3 | 3 | 1 | v1.2.0 (75e3808b9f0d) |',
    );
  });

  it('asks for the selected targets only and writes where outputPath says', async () => {
    const fetch = previewService();
    const ctx = actionContext({ entry: paymentProcessor(), environment: 'prod', region: 'euw1', outputPath: 'out/prod.yaml' });

    await createPreviewAction({ config: testConfig(), fetch }).handler(ctx);

    expect(fetch.calls.map(c => c.url.href)).toEqual([
      `${BASE_URL}/services/preview?environment=prod&region=euw1`,
      `${BASE_URL}/services/preview?environment=prod&region=euw1`,
    ]);
    expect(existsSync(join(ctx.workspacePath, 'out/prod.yaml'))).toBe(true);
    expect(outputs(ctx).path).toBe('out/prod.yaml');
  });

  it('refuses an outputPath outside the workspace', async () => {
    const ctx = actionContext({ entry: paymentProcessor(), outputPath: '../escaped.yaml' });
    const fetch = previewService();

    await expect(createPreviewAction({ config: testConfig(), fetch }).handler(ctx)).rejects.toThrow(/outside/i);
    expect(fetch.calls).toHaveLength(0);
    expect(existsSync(join(ctx.workspacePath, '..', 'escaped.yaml'))).toBe(false);
  });

  it('outputs the reason when the entry has no Dynatrace targets', async () => {
    const message = 'monitoring.dynatrace is false: Dynatrace is turned off for payment-processor, so it has no Dynatrace config and no targets';
    const ctx = actionContext({ entry: paymentProcessor() });

    await createPreviewAction({ config: testConfig(), fetch: previewService({ service: 'payment-processor', targets: [], warnings: [], message }) }).handler(ctx);

    expect(outputs(ctx)).toMatchObject({ targets: [], message });
    expect(outputs(ctx).summaryMarkdown).toContain(message);
  });

  it('outputs each warning once, though every target repeats it', async () => {
    const warning = { pointer: '/monitoring/customMetrics/repository/ref', code: 'catalog.pinned-to-branch', message: 'main is a branch', severity: 'warning' };
    const withWarning = (t: ReturnType<typeof target>) => ({ ...t, warnings: [warning] });
    const ctx = actionContext({ entry: paymentProcessor() });

    await createPreviewAction({
      config: testConfig(),
      fetch: previewService({ service: 'payment-processor', targets: [withWarning(target('prod', 'euw1')), withWarning(target('prod', 'euw2'))], warnings: [] }),
    }).handler(ctx);

    expect(outputs(ctx).warnings).toEqual([warning]);
  });

  it('fails with every error of an invalid entry (422)', async () => {
    const fetch = fakeFetch(() =>
      problem(422, 'entry.invalid', 'the entry has 2 errors; see errors', {
        errors: [
          { pointer: '/size', code: 'size.unknown', message: '"huge" is not a known size', severity: 'error' },
          { pointer: '/enabledIn/0', code: 'environment.unknown', message: '"qa" is not a known environment', severity: 'error' },
        ],
      }),
    );
    const ctx = actionContext({ entry: { ...paymentProcessor(), size: 'huge' } });

    const failure = createPreviewAction({ config: testConfig(), fetch }).handler(ctx);

    await expect(failure).rejects.toThrow('- /size: "huge" is not a known size (size.unknown)');
    await expect(failure).rejects.toThrow('- /enabledIn/0: "qa" is not a known environment (environment.unknown)');
    expect(fetch.calls).toHaveLength(1);
    expect(existsSync(join(ctx.workspacePath, 'monitoring-preview'))).toBe(false);
  });

  it('says when to retry on 503, from Retry-After', async () => {
    const fetch = fakeFetch(() =>
      problem(503, 'metrics-catalog.unavailable', 'the metrics-catalog did not answer', {}, { 'Retry-After': '15' }),
    );

    await expect(
      createPreviewAction({ config: testConfig(), fetch }).handler(actionContext({ entry: paymentProcessor() })),
    ).rejects.toThrow('Retry after 15 s.');
  });

  it('runs in a dry run too, writing into the dry run workspace', async () => {
    const ctx = actionContext({ entry: paymentProcessor() }, { isDryRun: true });

    await createPreviewAction({ config: testConfig(), fetch: previewService() }).handler(ctx);

    expect(existsSync(join(ctx.workspacePath, 'monitoring-preview/payment-processor.yaml'))).toBe(true);
  });
});
