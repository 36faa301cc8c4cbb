/**
 * The actions against the real service: the packaged jar on its embedded default (fresh data
 * directory, free port), with bearer tokens configured as an operator would, and the design
 * document's payment-processor entry. Onboarding is checked in the embedded platform-next
 * repository with git itself.
 */
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { load, loadAll } from 'js-yaml';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createOnboardAction } from '../../src/actions/onboard';
import { createPreviewAction } from '../../src/actions/preview';
import { createValidateAction } from '../../src/actions/validate';
import { actionContext, checkpointStore, outputs, paymentProcessor } from '../helpers';
import { paymentProcessorForm, templateEntry } from '../template';
import { PackagedService } from './packagedService';

const onboarderToken = randomBytes(24).toString('hex');
const readerToken = randomBytes(24).toString('hex');

/** POST /services is coming to the service; until the contract has it, the onboarding test is skipped. */
const contract = load(readFileSync(resolve(__dirname, '..', '..', '..', 'openapi', 'openapi.yaml'), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
};
const onboardingInContract = Boolean(contract.paths['/services']?.post);
const itOnboards = onboardingInContract ? it : it.skip;
const skippedUntilOnboarding = onboardingInContract ? '' : ' [skipped: POST /services is not in openapi/openapi.yaml yet]';

let service: PackagedService;

beforeAll(async () => {
  service = await PackagedService.start({
    'access.tokens.scaffolder.token': onboarderToken,
    'access.tokens.scaffolder.subject': 'backstage-scaffolder',
    'access.tokens.scaffolder.roles': 'onboarder',
    'access.tokens.proxy.token': readerToken,
    'access.tokens.proxy.subject': 'backstage-proxy',
    'access.tokens.proxy.roles': 'reader',
  });
});

afterAll(async () => {
  await service?.stop();
});

function config(token: string | null = onboarderToken) {
  return new ConfigReader({ monitoringOnboarding: { baseUrl: service.baseUrl, ...(token ? { token } : {}) } });
}

/** Branches on the embedded platform-next, by name, as `git ls-remote` lists them. */
function branches(): Map<string, string> {
  const listing = execFileSync('git', ['ls-remote', '--heads', service.platformNext], { encoding: 'utf8' });
  return new Map(
    listing
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const [commit, ref] = line.split('\t');
        return [ref.replace('refs/heads/', ''), commit];
      }),
  );
}

const sixTargets = ['int', 'pre', 'prod'].flatMap(env =>
  ['euw1', 'euw2'].map(region => `${env}-payment-processor-${region}-stable`),
);

describe('monitoring:validate against the service', () => {
  it("passes the design document's payment-processor entry and outputs its six targets", async () => {
    const ctx = actionContext({ entry: paymentProcessor() });

    await createValidateAction({ config: config() }).handler(ctx);

    const out = outputs(ctx);
    expect(out.valid).toBe(true);
    expect(out.errors).toEqual([]);
    expect((out.targets as { namespace: string }[]).map(t => t.namespace)).toEqual(sixTargets);
  });

  it('fails an invalid entry with every error the service found', async () => {
    const entry = { ...paymentProcessor(), archetype: 'apii', regions: ['euw3'], cost: { costCenter: 'COR-B', businessUnit: 'core-banking', costOwner: 'nobody' } };
    const ctx = actionContext({ entry });

    const failure = createValidateAction({ config: config() }).handler(ctx);

    await expect(failure).rejects.toThrow(/^The entry is invalid \(3 error\(s\)\)/);
    await expect(failure).rejects.toThrow(/- \/archetype: .*apii.* \(archetype\.unknown\)/);
    await expect(failure).rejects.toThrow(/- \/regions\/0: .*euw3.* \(region\.unknown\)/);
    await expect(failure).rejects.toThrow(/- \/cost\/costOwner: .*nobody.* \(cost\.owner\.invalid\)/);
    expect(outputs(ctx).valid).toBe(false);
  });

  it('passes the entry the template builds from the form', async () => {
    const ctx = actionContext({ entry: templateEntry(paymentProcessorForm) });

    await createValidateAction({ config: config() }).handler(ctx);

    expect(outputs(ctx).valid).toBe(true);
    expect(outputs(ctx).targets).toHaveLength(6);
  });

  it("passes the literal entries of the actions' examples", async () => {
    const literal = [createValidateAction, createPreviewAction, createOnboardAction]
      .flatMap(create => create({ config: config() }).examples ?? [])
      .flatMap(e => (load(e.example) as { steps: Array<{ input: { entry: unknown } }> }).steps)
      .map(step => step.input.entry)
      .filter(entry => typeof entry === 'object' && !JSON.stringify(entry).includes('${{'));
    expect(literal.length).toBeGreaterThan(0);

    for (const entry of literal) {
      const ctx = actionContext({ entry: entry as JsonObject });
      await createValidateAction({ config: config() }).handler(ctx);
      expect(outputs(ctx).valid).toBe(true);
    }
  });

  it('says the token is wrong (401) when it is', async () => {
    await expect(
      createValidateAction({ config: config('not-the-token') }).handler(actionContext({ entry: paymentProcessor() })),
    ).rejects.toThrow('The monitoring onboarding API rejected the token (the bearer token is not valid)');
    await expect(
      createValidateAction({ config: config(null) }).handler(actionContext({ entry: paymentProcessor() })),
    ).rejects.toThrow('The monitoring onboarding API rejected the token (a bearer token is required)');
  });
});

describe('monitoring:preview against the service', () => {
  it('summarizes every target, with the catalog commit v1.2.0 resolves to, and writes the ConfigMaps CI would write', async () => {
    const ctx = actionContext({ entry: paymentProcessor() });

    await createPreviewAction({ config: config(readerToken) }).handler(ctx);

    const catalog = (await (
      await fetch(`${service.baseUrl}/metrics-catalog/refs/v1.2.0`, { headers: { Authorization: `Bearer ${readerToken}` } })
    ).json()) as { commit: string };
    expect(catalog.commit).toMatch(/^[0-9a-f]{40}$/);
    const out = outputs(ctx);
    const targets = out.targets as Array<Record<string, unknown>>;
    expect(targets.map(t => t.namespace)).toEqual(sixTargets);
    for (const target of targets) {
      expect(target).toMatchObject({ catalogRef: 'v1.2.0', catalogCommit: catalog.commit, slos: expect.any(Number) });
      expect(target.customMetrics).toBeGreaterThan(0);
      expect(target.alertRules).toBeGreaterThan(0);
    }
    // The prod override adds PaymentSuccessRateLow: prod has one alert rule more than int.
    const rules = (environment: string) => targets.find(t => t.environment === environment)!.alertRules as number;
    expect(rules('prod')).toBe(rules('int') + 1);

    expect(out.path).toBe('monitoring-preview/payment-processor.yaml');
    const written = readFileSync(join(ctx.workspacePath, 'monitoring-preview/payment-processor.yaml'), 'utf8');
    const documents = loadAll(written) as Array<{ kind: string; metadata: { namespace: string; annotations: Record<string, string> } }>;
    expect(documents.map(d => [d.kind, d.metadata.namespace])).toEqual(sixTargets.map(ns => ['ConfigMap', ns]));
    expect(documents[0].metadata.annotations['monitoring.company.com/metrics-catalog-commit']).toBe(catalog.commit);
  });

  it('previews the targets a filter selects', async () => {
    const ctx = actionContext({ entry: paymentProcessor(), environment: 'prod', region: 'euw2' });

    await createPreviewAction({ config: config(readerToken) }).handler(ctx);

    expect((outputs(ctx).targets as Array<{ namespace: string }>).map(t => t.namespace)).toEqual([
      'prod-payment-processor-euw2-stable',
    ]);
  });

  it('fails an invalid entry with every error (422)', async () => {
    const entry = { ...paymentProcessor(), size: 'huge', enabledIn: ['qa'] };

    const failure = createPreviewAction({ config: config(readerToken) }).handler(actionContext({ entry }));

    await expect(failure).rejects.toThrow(/- \/size: .*huge.* \(size\.unknown\)/);
    await expect(failure).rejects.toThrow(/- \/enabledIn\/0: .*qa.* \(environment\.unknown\)/);
  });
});

describe('monitoring:onboard against the service', () => {
  it('in a dry run validates and previews with a reader token and pushes nothing', async () => {
    const ctx = actionContext({ entry: paymentProcessor(), dryRun: true }, checkpointStore());

    await createOnboardAction({ config: config(readerToken) }).handler(ctx);

    expect(outputs(ctx)).toMatchObject({ status: 'dry-run', branch: null });
    expect(outputs(ctx).targets).toHaveLength(6);
    expect([...branches().keys()].filter(b => b.startsWith('onboard/'))).toEqual([]);
  });

  it('says a reader token lacks the onboarder role (403)', async () => {
    await expect(
      createOnboardAction({ config: config(readerToken) }).handler(actionContext({ entry: paymentProcessor() }, checkpointStore())),
    ).rejects.toThrow('is not allowed to onboard payment-processor (this token lacks the onboarder role)');
    expect(branches().has('onboard/payment-processor')).toBe(false);
  });

  itOnboards(
    `pushes branch onboard/payment-processor, answers existing for the same entry and 409 for another${skippedUntilOnboarding}`,
    async () => {
      const first = actionContext({ entry: paymentProcessor(), requestedBy: 'jane.doe' }, checkpointStore());
      await createOnboardAction({ config: config() }).handler(first);

      const created = outputs(first);
      expect(created).toMatchObject({ status: 'created', provider: 'local', pullRequestUrl: null, branch: 'onboard/payment-processor' });
      expect(branches().get('onboard/payment-processor')).toBe(created.commit);

      const again = actionContext({ entry: paymentProcessor() }, checkpointStore());
      await createOnboardAction({ config: config() }).handler(again);
      expect(outputs(again)).toMatchObject({ status: 'existing', branch: 'onboard/payment-processor', commit: created.commit });

      const different = { ...paymentProcessor(), size: 'medium' };
      await expect(
        createOnboardAction({ config: config() }).handler(actionContext({ entry: different }, checkpointStore())),
      ).rejects.toThrow(/Cannot onboard payment-processor \(pull-request\.conflict\):.*Branch: onboard\/payment-processor\.$/s);
      expect(branches().get('onboard/payment-processor')).toBe(created.commit);
    },
  );
});
