/**
 * The Monitoring tab: what the monitoring onboarding API previews for a catalog entity's service.
 * Legacy frontend system: `monitoringPreviewPlugin` and `EntityMonitoringPreviewContent` (this
 * entry); new frontend system: the default export of `@company/plugin-monitoring-preview/alpha`.
 */
export { monitoringPreviewPlugin, EntityMonitoringPreviewContent, monitoringPreviewApiFactory } from './plugin';
export {
  monitoringPreviewApiRef,
  MonitoringPreviewClient,
  MonitoringPreviewError,
  DEFAULT_PROXY_PATH,
  type MonitoringPreviewApi,
} from './api/MonitoringPreviewApi';
export { isMonitoringPreviewAvailable, serviceNameOf, MONITORING_SERVICE_ANNOTATION } from './entity';
