export interface Config {
  /**
   * The monitoring onboarding API that the monitoring:validate, monitoring:preview and
   * monitoring:onboard scaffolder actions call.
   */
  monitoringOnboarding?: {
    /**
     * Base URL of the service, e.g. https://monitoring-onboarding.platform.company.com
     * @visibility backend
     */
    baseUrl: string;
    /**
     * Bearer token of the service (its access.tokens.<name>.token). Needs the onboarder role
     * for monitoring:onboard; reader is enough for validate and preview. Leave it out only
     * when the service runs open (no access.tokens configured).
     * @visibility secret
     */
    token?: string;
    /**
     * Seconds one request may take before the step fails (default 60).
     * @visibility backend
     */
    timeoutSeconds?: number;
  };
}
