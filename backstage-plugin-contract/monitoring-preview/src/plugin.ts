import {
  configApiRef,
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { MonitoringPreviewClient, monitoringPreviewApiRef } from './api/MonitoringPreviewApi';

export const monitoringPreviewApiFactory = createApiFactory({
  api: monitoringPreviewApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef, configApi: configApiRef },
  factory: ({ discoveryApi, fetchApi, configApi }) => new MonitoringPreviewClient({ discoveryApi, fetchApi, configApi }),
});

/** The plugin for the legacy frontend system (`@backstage/core-plugin-api`). */
export const monitoringPreviewPlugin = createPlugin({
  id: 'monitoring-preview',
  apis: [monitoringPreviewApiFactory],
});

/** The Monitoring tab's content for the legacy entity page: `<EntityLayout.Route path="/monitoring" title="Monitoring">`. */
export const EntityMonitoringPreviewContent = monitoringPreviewPlugin.provide(
  createComponentExtension({
    name: 'EntityMonitoringPreviewContent',
    component: { lazy: () => import('./components/MonitoringPreviewContent').then(m => m.MonitoringPreviewContent) },
  }),
);
