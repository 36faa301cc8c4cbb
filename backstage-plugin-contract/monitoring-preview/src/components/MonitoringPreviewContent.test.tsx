import type { Entity } from '@backstage/catalog-model';
import { configApiRef, discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MonitoringPreviewClient, monitoringPreviewApiRef } from '../api/MonitoringPreviewApi';
import { fixture, PROXY, replay, response, type Fixture } from '../../test/fixtures';
import { MonitoringPreviewContent } from './MonitoringPreviewContent';

const accountService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'account-service', namespace: 'default' },
  spec: { type: 'service', owner: 'team-accounts', lifecycle: 'production' },
};

const preview = fixture('account-service.preview');
const prodEuw1 = fixture('account-service.prod-euw1.configmap');

async function render(entity: Entity, answers: Record<string, Array<Fixture | Response>>, config: object = {}) {
  const fetchApi = replay(answers);
  const configApi = mockApis.config({ data: config });
  const discoveryApi = { getBaseUrl: async (pluginId: string) => `http://backstage.test/api/${pluginId}` };
  const client = new MonitoringPreviewClient({ discoveryApi, fetchApi, configApi });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [monitoringPreviewApiRef, client],
        [fetchApiRef, fetchApi],
        [discoveryApiRef, discoveryApi],
        [configApiRef, configApi],
      ]}
    >
      <EntityProvider entity={entity}>
        <MonitoringPreviewContent />
      </EntityProvider>
    </TestApiProvider>,
  );
  return fetchApi;
}

/** The table whose title starts with `title`, as rows of cell texts. */
function table(title: string): string[][] {
  const heading = screen.getByRole('heading', { name: new RegExp(`^${title} \\(`) });
  const container = heading.closest('.MuiPaper-root') as HTMLElement;
  return within(container)
    .getAllByRole('row')
    .map(row => within(row).queryAllByRole('cell').map(cell => cell.textContent ?? ''))
    .filter(cells => cells.length > 0);
}

describe('the Monitoring tab, on answers the real service gave', () => {
  it('shows a tab per target, and for prod / euw1 the SLOs, rules and metrics with the source of each value', async () => {
    const { calls } = await render(accountService, { '/services/account-service/preview': [preview] });

    expect(await screen.findByText('Monitoring of account-service')).toBeInTheDocument();
    expect(calls[0].url.href).toBe(`${PROXY}/monitoring-onboarding/services/account-service/preview`);
    expect(calls[0].accept).toMatch(/^application\/json/);
    expect(screen.getAllByRole('tab').map(t => t.textContent)).toEqual([
      'int / euw1',
      'int / euw2',
      'pre / euw1',
      'pre / euw2',
      'prod / euw1',
      'prod / euw2',
    ]);

    fireEvent.click(screen.getByRole('tab', { name: 'prod / euw1' }));

    expect(screen.getByText('prod-account-service-euw1-stable')).toBeInTheDocument();
    expect(screen.getByTestId('catalog-ref')).toHaveTextContent(/^v1\.2\.0 at commit 75e3808b9f0d$/);
    expect(table('SLOs')).toContainEqual(['availability', '99.99', 'profile override prod']);
    expect(table('SLOs')).toContainEqual(['latencyP99Ms', '1000', 'profile domain-api']);
    expect(table('Custom metrics')).toContainEqual([
      'accounts_opened_total',
      'counter',
      'count',
      'sum',
      'product, environment',
      'services/account-service/account-metrics.yaml@v1.2.0',
    ]);
    expect(table('Alert rules')).toContainEqual([
      'BalanceQuerySlow',
      'enabled',
      'balance_query_duration > 300',
      'warning',
      'services/account-service/account-metrics.yaml@v1.2.0',
    ]);
    expect(table('Request attributes')[0]).toEqual(['service', '{"kubernetesLabel":"app"}', 'profile domain-api']);
    expect(screen.getByText('No dashboards.')).toBeInTheDocument();
    expect(screen.queryByTestId('warnings')).not.toBeInTheDocument();
  });

  it('shows the ConfigMap of the selected target exactly as CI writes it, with a copy button', async () => {
    const { calls } = await render(accountService, {
      '/services/account-service/preview': [preview],
      '/services/account-service/preview?environment=prod&region=euw1&track=stable': [prodEuw1],
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'prod / euw1' }));

    fireEvent.click(screen.getByRole('button', { name: 'ConfigMap' }));

    const yaml = await screen.findByTestId('configmap-yaml');
    expect(calls[1].accept).toMatch(/^application\/yaml/);
    expect(yaml.textContent).toBe(prodEuw1.body);
    expect(yaml.textContent).toContain('namespace: prod-account-service-euw1-stable');
    expect(screen.getByRole('button', { name: /copy/i })).toBeInTheDocument();
  });

  it('marks a disabled rule as disabled, and inline metrics and entry overrides as such', async () => {
    const proposed = fixture('payment-processor.proposed.preview');
    const entity = { ...accountService, metadata: { name: 'payment-processor' } };
    await render(entity, { '/services/payment-processor/preview': [{ ...proposed, request: { ...proposed.request, accept: 'application/json' } }] });
    fireEvent.click(await screen.findByRole('tab', { name: 'prod / euw1' }));

    const rule = table('Alert rules').find(row => row[0] === 'PaymentSuccessRateLow');
    expect(rule?.slice(0, 2)).toEqual(['PaymentSuccessRateLow', 'disabled']);
    expect(rule?.at(-1)).toBe('services/payment-processor/payment-business-metrics.yaml@v1.2.0entry override prod');
    expect(table('SLOs')).toContainEqual(['availability', '99.99', 'entry override prod']);
    const metric = table('Custom metrics').find(row => row[0] === 'payment_transactions_total');
    expect(metric?.at(-1)).toMatch(/^profiles\/payment-business-metrics\/metrics\.yaml@v1\.2\.0.*inline$/);
  });

  it('explains how to onboard a service that is not on platform-next (404), linking the template', async () => {
    const entity = { ...accountService, metadata: { name: 'payment-processor' } };
    await render(entity, { '/services/payment-processor/preview': [fixture('payment-processor.not-found')] }, {
      monitoringPreview: { onboardingTemplatePath: '/create/templates/default/onboard-service-monitoring' },
    });

    expect(await screen.findByText('payment-processor is not on platform-next')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Onboard payment-processor' })).toHaveAttribute(
      'href',
      '/create/templates/default/onboard-service-monitoring',
    );
  });

  it("shows the service's 503 detail and retries on demand", async () => {
    await render(accountService, {
      '/services/account-service/preview': [fixture('account-service.unavailable'), preview],
    });

    expect(await screen.findByText(/The monitoring onboarding API is unavailable/)).toBeInTheDocument();
    expect(screen.getByTestId('failure-detail')).toHaveTextContent('cannot list refs of platform-next');

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('Monitoring of account-service')).toBeInTheDocument();
  });

  it("says the proxy cannot reach the service when the proxy answers with its own error (504, not a problem)", async () => {
    await render(accountService, {
      '/services/account-service/preview': [response(504, 'text/plain', 'Error occurred while trying to proxy: connect ECONNREFUSED')],
    });

    expect(await screen.findByText(/The monitoring onboarding API is unavailable/)).toBeInTheDocument();
    expect(screen.getByTestId('failure-detail')).toHaveTextContent('The proxy could not reach the monitoring onboarding API (HTTP 504).');
  });

  it('asks for the service the annotation names, through the configured proxy path', async () => {
    const entity = {
      ...accountService,
      metadata: { name: 'accounts', annotations: { 'monitoring.company.com/service': 'account-service' } },
    };
    const fetchApi = replay({ '/services/account-service/preview': [preview] }, '/dynatrace-onboarding');
    const configApi = mockApis.config({ data: { monitoringPreview: { proxyPath: '/dynatrace-onboarding' } } });
    const discoveryApi = { getBaseUrl: async (pluginId: string) => `http://backstage.test/api/${pluginId}` };
    await renderInTestApp(
      <TestApiProvider apis={[[monitoringPreviewApiRef, new MonitoringPreviewClient({ discoveryApi, fetchApi, configApi })], [configApiRef, configApi]]}>
        <EntityProvider entity={entity}>
          <MonitoringPreviewContent />
        </EntityProvider>
      </TestApiProvider>,
    );

    expect(await screen.findByText('Monitoring of account-service')).toBeInTheDocument();
    await waitFor(() => expect(fetchApi.calls[0].url.pathname).toBe('/api/proxy/dynatrace-onboarding/services/account-service/preview'));
  });
});

describe('the "what changes if I bump the catalog" panel, on answers the real service gave', () => {
  const diff = fixture('account-service.diff-v1.3.0');
  const unknownRef = fixture('account-service.diff-unknown-ref');

  async function compare(ref: string) {
    fireEvent.change(screen.getByRole('textbox', { name: 'metrics-catalog ref' }), { target: { value: ref } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
  }

  it('asks GET /services/{name}/diff?ref= for the ref typed, and shows per target the status, the changes and the YAML diff', async () => {
    const { calls } = await render(accountService, {
      '/services/account-service/preview': [preview],
      '/services/account-service/diff?ref=v1.3.0': [diff],
    });
    expect(await screen.findByText('What changes if I bump the catalog')).toBeInTheDocument();
    expect(calls).toHaveLength(1);

    await compare(' v1.3.0 ');

    expect(await screen.findByTestId('diff-summary')).toHaveTextContent('v1.2.0 -> v1.3.0: 6 changed, 0 added, 0 removed, 0 unchanged target(s).');
    expect(calls[1].url.href).toBe(`${PROXY}/monitoring-onboarding/services/account-service/diff?ref=v1.3.0`);
    expect(calls[1].accept).toMatch(/^application\/json/);
    const tabs = within(screen.getByRole('tablist', { name: 'diff targets' })).getAllByRole('tab');
    expect(tabs.map(t => t.textContent)).toContain('prod / euw1: changed');

    fireEvent.click(within(screen.getByRole('tablist', { name: 'diff targets' })).getByRole('tab', { name: 'prod / euw1: changed' }));

    expect(table('Changes')).toContainEqual([
      '/configMap/metadata/annotations/monitoring.company.com~1metrics-catalog-ref',
      'changed',
      'v1.2.0',
      'v1.3.0',
      'entry',
    ]);
    const yamlDiff = screen.getByTestId('yaml-diff').textContent ?? '';
    expect(yamlDiff).toContain('+++ b/generated/account-service/prod/euw1/monitoring/dynatrace-app-config.yaml');
    expect(yamlDiff).toContain('\n-    monitoring.company.com/metrics-catalog-ref: v1.2.0\n');
    expect(yamlDiff).toContain('\n+    monitoring.company.com/metrics-catalog-ref: v1.3.0\n');
  });

  it("says what the service answered for a ref the catalog does not have, and keeps the rest of the tab", async () => {
    await render(accountService, {
      '/services/account-service/preview': [preview],
      '/services/account-service/diff?ref=v9.9.9': [unknownRef],
    });
    await screen.findByText('What changes if I bump the catalog');

    await compare('v9.9.9');

    expect(await screen.findByText(/The comparison with v9\.9\.9 failed/)).toBeInTheDocument();
    expect(screen.getByTestId('diff-failure')).toHaveTextContent('the metrics-catalog has no tag or branch named "v9.9.9"');
    expect(screen.getByText('Monitoring of account-service')).toBeInTheDocument();
  });
});
