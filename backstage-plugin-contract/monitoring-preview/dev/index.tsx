/**
 * The plugin's dev app: the Monitoring tab of the embedded account-service, in a minimal
 * Backstage app (core-app-api, the Backstage theme) whose proxy is dev/server.js. Built by
 * dev/build.js; used by the browser test and by hand (`node monitoring-preview/dev/server.js`).
 */
import type { Entity } from '@backstage/catalog-model';
import {
  AlertApiForwarder,
  createSpecializedApp,
  ErrorAlerter,
  ErrorApiForwarder,
  NoOpAnalyticsApi,
  UrlPatternDiscovery,
  WebStorage,
} from '@backstage/core-app-api';
import { Content, Header, Page } from '@backstage/core-components';
import {
  alertApiRef,
  analyticsApiRef,
  createApiFactory,
  discoveryApiRef,
  errorApiRef,
  fetchApiRef,
  storageApiRef,
} from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { UnifiedThemeProvider, themes } from '@backstage/theme';
import AppsIcon from '@material-ui/icons/Apps';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { EntityMonitoringPreviewContent, monitoringPreviewPlugin } from '../src';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: new URLSearchParams(location.search).get('service') ?? 'account-service', namespace: 'default' },
  spec: { type: 'service', owner: 'team-accounts', lifecycle: 'production' },
};

const ICON_KEYS = [
  'kind:api', 'kind:component', 'kind:domain', 'kind:group', 'kind:location', 'kind:system', 'kind:user', 'kind:resource',
  'kind:template', 'brokenImage', 'catalog', 'scaffolder', 'techdocs', 'search', 'chat', 'dashboard', 'docs', 'email',
  'github', 'group', 'help', 'user', 'warning', 'star', 'unstarred',
];

const config = { app: { baseUrl: location.origin }, backend: { baseUrl: location.origin }, monitoringPreview: { proxyPath: '/monitoring-onboarding' } };

const app = createSpecializedApp({
  plugins: [monitoringPreviewPlugin],
  // The config API comes from configLoader (the app registers it itself).
  configLoader: async () => [{ context: 'dev', data: config }],
  apis: [
    createApiFactory(discoveryApiRef, UrlPatternDiscovery.compile(`${location.origin}/api/{{pluginId}}`)),
    createApiFactory(fetchApiRef, { fetch: (input, init) => window.fetch(input, init) }),
    createApiFactory(alertApiRef, new AlertApiForwarder()),
    createApiFactory(analyticsApiRef, new NoOpAnalyticsApi()),
    createApiFactory({
      api: errorApiRef,
      deps: { alertApi: alertApiRef },
      factory: ({ alertApi }) => new ErrorAlerter(alertApi, new ErrorApiForwarder()),
    }),
    createApiFactory({ api: storageApiRef, deps: { errorApi: errorApiRef }, factory: ({ errorApi }) => WebStorage.create({ errorApi }) }),
  ],
  components: {
    Progress: () => <div role="progressbar">Loading</div>,
    BootErrorPage: ({ step, error }) => <pre>{`boot failed at ${step}: ${error}`}</pre>,
    NotFoundErrorPage: () => <div>Not found</div>,
    ErrorBoundaryFallback: ({ error }) => <pre>{String(error)}</pre>,
    Router: BrowserRouter,
  },
  // One icon for every system icon key: the dev page shows none of them.
  icons: Object.fromEntries(ICON_KEYS.map(key => [key, AppsIcon])) as any,
  themes: [
    {
      id: 'light',
      title: 'Light',
      variant: 'light',
      Provider: ({ children }) => <UnifiedThemeProvider theme={themes.light}>{children}</UnifiedThemeProvider>,
    },
  ],
});

const AppProvider = app.getProvider();
const AppRouter = app.getRouter();

createRoot(document.getElementById('root')!).render(
  <AppProvider>
    <AppRouter>
      <Page themeId="service">
        <Header title={entity.metadata.name} subtitle="Monitoring (dev app of @company/plugin-monitoring-preview)" />
        <Content>
          <EntityProvider entity={entity}>
            <EntityMonitoringPreviewContent />
          </EntityProvider>
        </Content>
      </Page>
    </AppRouter>
  </AppProvider>,
);
