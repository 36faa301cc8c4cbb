import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Where the monitoring onboarding API is and how to call it (app-config `monitoringOnboarding`). */
export interface Settings {
  baseUrl: string;
  token?: string;
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_SECONDS = 60;

/**
 * Reads `monitoringOnboarding` on every call rather than once at start, so a rotated token is
 * picked up by Backstage's config reloading and a backend without the block still starts (the
 * action then fails with a message naming the missing key).
 */
export function readSettings(config: Config): Settings {
  const block = config.getOptionalConfig('monitoringOnboarding');
  const baseUrl = block?.getOptionalString('baseUrl');
  if (!baseUrl) {
    throw new InputError(
      'monitoringOnboarding.baseUrl is not set in app-config: the monitoring:* actions do not know where the monitoring onboarding API is',
    );
  }
  const timeoutSeconds = block?.getOptionalNumber('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(timeoutSeconds > 0)) {
    throw new InputError(`monitoringOnboarding.timeoutSeconds must be positive, not ${timeoutSeconds}`);
  }
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    token: block?.getOptionalString('token') || undefined,
    timeoutMs: timeoutSeconds * 1000,
  };
}
