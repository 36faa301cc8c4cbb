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
  // A backend does not check config.d.ts at start (only `backstage-cli config:check` does), so
  // the block is checked here, where a mistake would otherwise surface as an obscure failure.
  const block = config.getOptionalConfig('monitoringOnboarding');
  const baseUrl = block?.getOptionalString('baseUrl');
  if (!baseUrl) {
    throw new InputError(
      'monitoringOnboarding.baseUrl is not set in app-config: the monitoring:* actions do not know where the monitoring onboarding API is',
    );
  }
  if (!isHttpUrl(baseUrl)) {
    throw new InputError(
      `monitoringOnboarding.baseUrl must be an http(s) URL such as https://monitoring-onboarding.platform.company.com, not ${JSON.stringify(baseUrl)}`,
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

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.search && !url.hash;
  } catch {
    return false;
  }
}
