/**
 * config.d.ts as `backstage-cli config:check` reads it: the CLI loads the schemas of the packages
 * (each package.json's configSchema) with @backstage/config-loader and validates app-config
 * against them. A running backend does not (it reads schemas only to find secrets), which is why
 * the actions check the block themselves (src/api/settings.ts).
 */
import { loadConfigSchema } from '@backstage/config-loader';
import type { JsonObject } from '@backstage/types';
import { resolve } from 'node:path';

const schema = loadConfigSchema({
  dependencies: [],
  packagePaths: [resolve(__dirname, '..', 'package.json')],
  excludePackageDependencies: true,
});

async function check(data: JsonObject) {
  return (await schema).process([{ data, context: 'app-config.yaml' }]);
}

describe('config.d.ts, as backstage-cli config:check applies it', () => {
  it('accepts the documented block', async () => {
    await expect(
      check({ monitoringOnboarding: { baseUrl: 'https://monitoring-onboarding.platform.company.com', token: 'secret', timeoutSeconds: 60 } }),
    ).resolves.toHaveLength(1);
  });

  it('refuses a block without baseUrl, and a timeout that is not a number', async () => {
    await expect(check({ monitoringOnboarding: { token: 'secret' } })).rejects.toThrow(/must have required property 'baseUrl'.* at \/monitoringOnboarding/);
    await expect(
      check({ monitoringOnboarding: { baseUrl: 'https://x.test', timeoutSeconds: 'soon' } as unknown as JsonObject }),
    ).rejects.toThrow(/must be number.* at \/monitoringOnboarding\/timeoutSeconds/);
  });

  it('keeps the token out of what the frontend receives', async () => {
    const [frontend] = (await schema).process(
      [{ data: { monitoringOnboarding: { baseUrl: 'https://x.test', token: 'secret' } }, context: 'app-config.yaml' }],
      { visibility: ['frontend'] },
    );
    expect(JSON.stringify(frontend.data)).not.toContain('secret');
  });
});
