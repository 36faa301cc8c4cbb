export interface Config {
  /** The Monitoring tab (@company/plugin-monitoring-preview). */
  monitoringPreview?: {
    /**
     * The Backstage proxy endpoint in front of the monitoring onboarding API, as configured
     * under proxy.endpoints (default /monitoring-onboarding, i.e. /api/proxy/monitoring-onboarding).
     * @visibility frontend
     */
    proxyPath?: string;
    /**
     * Where the "not on platform-next" state links to onboard the service: the onboarding
     * template's page (default /create/templates/default/onboard-service-monitoring).
     * @visibility frontend
     */
    onboardingTemplatePath?: string;
  };
}
