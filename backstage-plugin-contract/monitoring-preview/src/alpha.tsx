/**
 * The plugin for the new frontend system: `@company/plugin-monitoring-preview/alpha`.
 * Feature discovery picks it up from the app's dependencies, or add it to `createApp({ features })`.
 */
import { ApiBlueprint, createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isMonitoringPreviewAvailable } from './entity';
import { monitoringPreviewApiFactory } from './plugin';

export const monitoringPreviewApi = ApiBlueprint.make({
  params: defineParams => defineParams(monitoringPreviewApiFactory),
});

/** The Monitoring tab: `/catalog/:namespace/:kind/:name/monitoring`, on services (see isMonitoringPreviewAvailable). */
export const monitoringPreviewEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'monitoring',
    title: 'Monitoring',
    filter: isMonitoringPreviewAvailable,
    loader: () => import('./components/MonitoringPreviewContent').then(m => <m.MonitoringPreviewContent />),
  },
});

export default createFrontendPlugin({
  pluginId: 'monitoring-preview',
  extensions: [monitoringPreviewApi, monitoringPreviewEntityContent],
});
