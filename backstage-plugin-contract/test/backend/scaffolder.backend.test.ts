/**
 * The module in a real Backstage backend: scaffolder-backend 4.3 (scaffolder-node 1.x) started by
 * startTestBackend, the module loaded from its build (dist/, what npm would publish), the template
 * served by a catalog mock, and the packaged service (the jar) on a free port behind it. Templates
 * run through the scaffolder's own HTTP API, as the Backstage frontend runs them:
 * POST /api/scaffolder/v2/tasks (then the task's status and events) and POST /api/scaffolder/v2/dry-run.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PackagedService } from '../contract/packagedService';
import { loadTemplate, parameterDefaults, paymentProcessorForm, UPDATE_TEMPLATE_FILE } from '../template';

const root = resolve(__dirname, '..', '..');
const token = randomBytes(24).toString('hex');
const template = { ...loadTemplate(), metadata: { ...loadTemplate().metadata, namespace: 'default' } } as unknown as JsonObject;
const TEMPLATE_REF = 'template:default/onboard-service-monitoring';
const updateTemplate = {
  ...loadTemplate(UPDATE_TEMPLATE_FILE),
  metadata: { ...loadTemplate(UPDATE_TEMPLATE_FILE).metadata, namespace: 'default' },
} as unknown as JsonObject;
const UPDATE_TEMPLATE_REF = 'template:default/update-service-monitoring';

/**
 * What the form posts for the design document's payment-processor: the scaffolder's API does not
 * fill in the parameters' defaults (the form in the browser does), so they are sent as the form would.
 */
const form: JsonObject = { ...parameterDefaults(), ...paymentProcessorForm } as JsonObject;

/** The module as published: the package's main (dist/index.cjs.js), not the TypeScript sources. */
function builtModule() {
  const main = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main as string;
  if (!existsSync(join(root, main))) {
    throw new Error(`${main} is missing: run \`npm run build\` first (npm test does)`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(root, main)).default;
}

type Backend = Awaited<ReturnType<typeof startTestBackend>>;

async function startBackend(config: JsonObject): Promise<Backend> {
  return startTestBackend({
    features: [
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@backstage/plugin-scaffolder-backend').default,
      builtModule(),
      catalogServiceMock.factory({ entities: [template as any, updateTemplate as any] }),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
}

interface TaskEvent {
  type: string;
  body: { message?: string; status?: string; stepId?: string; output?: JsonObject; error?: { message?: string } };
}

interface Run {
  status: string;
  events: TaskEvent[];
  output: JsonObject & { links?: Array<{ title: string; url: string }>; text?: Array<{ title: string; content: string }> };
  log: string;
}

class Scaffolder {
  constructor(private readonly backend: Backend) {}

  private url(path: string): string {
    return `http://localhost:${this.backend.server.port()}/api/scaffolder${path}`;
  }

  private async call(path: string, init?: { method: string; body: unknown }): Promise<{ status: number; body: any }> {
    const response = await fetch(this.url(path), {
      method: init?.method ?? 'GET',
      headers: init ? { 'Content-Type': 'application/json' } : undefined,
      body: init ? JSON.stringify(init.body) : undefined,
    });
    return { status: response.status, body: await response.json() };
  }

  /** POST /v2/tasks, then the task's status until it is done, then its events. */
  async run(values: JsonObject, templateRef: string = TEMPLATE_REF): Promise<Run> {
    const created = await this.call('/v2/tasks', { method: 'POST', body: { templateRef, values } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const deadline = Date.now() + 100_000;
    let status = 'open';
    while (!['completed', 'failed', 'cancelled'].includes(status)) {
      if (Date.now() > deadline) throw new Error(`task ${id} still ${status} after 100 s`);
      await new Promise(done => setTimeout(done, 200));
      status = (await this.call(`/v2/tasks/${id}`)).body.status;
    }
    const events = (await this.call(`/v2/tasks/${id}/events`)).body as TaskEvent[];
    const completion = events.find(e => e.type === 'completion');
    return {
      status,
      events,
      output: (completion?.body.output ?? {}) as Run['output'],
      log: events.map(e => e.body.message ?? '').join('\n'),
    };
  }

  /** POST /v2/dry-run, as the template editor's "Try it" does. */
  async dryRun(values: JsonObject, of: JsonObject = template): Promise<{ status: number; body: any; log: string }> {
    const answer = await this.call('/v2/dry-run', { method: 'POST', body: { template: of, values, directoryContents: [] } });
    const log = ((answer.body.log ?? []) as Array<{ body: { message?: string } }>).map(l => l.body.message ?? '').join('\n');
    return { ...answer, log };
  }
}

let service: PackagedService;
let backend: Backend;
let scaffolder: Scaffolder;

beforeAll(async () => {
  service = await PackagedService.start({
    'access.tokens.scaffolder.token': token,
    'access.tokens.scaffolder.subject': 'backstage-scaffolder',
    'access.tokens.scaffolder.roles': 'onboarder',
  });
  backend = await startBackend({ monitoringOnboarding: { baseUrl: service.baseUrl, token } });
  scaffolder = new Scaffolder(backend);
});

afterAll(async () => {
  await backend?.stop();
  await service?.stop();
});

function branches(): Map<string, string> {
  const listing = execFileSync('git', ['ls-remote', '--heads', service.platformNext], { encoding: 'utf8' });
  return new Map(
    listing
      .split('\n')
      .filter(Boolean)
      .map(line => line.split('\t'))
      .map(([commit, ref]) => [ref.replace('refs/heads/', ''), commit]),
  );
}

const text = (run: { output: Run['output'] }, title: string) => run.output.text?.find(t => t.title === title)?.content ?? '';

describe('the template in a real scaffolder backend, against the service', () => {
  it('onboards: validates, previews every target and pushes the branch (local provider: no link, the branch named)', async () => {
    const run = await scaffolder.run({ ...form });

    expect(run.log).toContain('The entry is valid; it expands to 6 target(s)');
    expect([run.status, run.log]).toEqual(['completed', expect.stringContaining('Run completed with status: completed')]);
    const commit = branches().get('onboard/payment-processor');
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect(run.output.links).toEqual([]);
    expect(text(run, 'Pull request')).toContain(
      `Branch \`onboard/payment-processor\` was pushed on platform-next at commit ${commit!.slice(0, 12)}`,
    );
    expect(text(run, 'Preview')).toContain('| prod/stable/euw1 | prod-payment-processor-euw1-stable |');
    expect(text(run, 'Preview')).toMatch(/v1\.2\.0 \([0-9a-f]{12}\)/);
  });

  it('run again with the same values, answers with the same branch and commit (idempotent)', async () => {
    const before = branches().get('onboard/payment-processor');
    expect(before).toBeDefined();

    const run = await scaffolder.run({ ...form });

    expect(run.status).toBe('completed');
    expect(text(run, 'Pull request')).toContain(`Branch \`onboard/payment-processor\` was already there on platform-next at commit ${before!.slice(0, 12)}`);
    expect(branches().get('onboard/payment-processor')).toBe(before);
  });

  it('fails an invalid entry at the validate step, listing every error, and pushes nothing', async () => {
    const run = await scaffolder.run({
      ...form,
      name: 'ledger-service',
      enabledIn: ['int-canary', 'prod'],
      costOwner: 'nobody',
      monitoringProfile: 'no-such-profile',
    });

    expect(run.status).toBe('failed');
    expect(run.log).toMatch(/The entry is invalid \(3 error\(s\)\)/);
    expect(run.log).toMatch(/- \/enabledIn\/0: .*canary.* \(track\.unknown\)/);
    expect(run.log).toMatch(/- \/cost\/costOwner: .*nobody.* \(cost\.owner\.invalid\)/);
    expect(run.log).toMatch(/- \/monitoringProfile: .*no-such-profile.* \(profile\.unknown\)/);
    const failed = run.events.filter(e => e.body.status === 'failed').map(e => e.body.stepId);
    expect(failed).toContain('validate');
    expect(branches().has('onboard/ledger-service')).toBe(false);
  });

  it('in a dry run (the template editor) validates and previews, and pushes nothing', async () => {
    const answer = await scaffolder.dryRun({ ...form, name: 'ledger-service', enabledIn: ['prod-stable'] });

    expect([answer.status, answer.body.error]).toEqual([200, undefined]);
    expect(answer.log).toContain('Dry run: ledger-service is valid and previews to 2 target(s); nothing opened');
    expect(answer.body.output.links).toEqual([]);
    expect(text(answer.body, 'Pull request')).toContain('Dry run: ledger-service is valid; no pull request was opened.');
    expect(branches().has('onboard/ledger-service')).toBe(false);
  });
});

describe('the update template in a real scaffolder backend, against the service', () => {
  /** The form for a catalog ref bump of the embedded account-service, every value sent as the form would. */
  const bump: JsonObject = { service: 'account-service', catalogRef: 'v1.3.0', catalogProfiles: [], dryRun: false, draft: false };

  it('in a dry run compares and pushes nothing (catalog profiles left out, as a form whose list was never touched sends it)', async () => {
    const { catalogProfiles: _untouched, ...form } = bump;
    const answer = await scaffolder.dryRun(form, updateTemplate);

    expect([answer.status, answer.body.error]).toEqual([200, undefined]);
    expect(text(answer.body, 'What changes')).toContain('-> v1.3.0');
    expect(text(answer.body, 'Pull request')).toContain('Dry run: updating account-service would open a pull request on branch update/account-service.');
    expect(branches().has('update/account-service')).toBe(false);
  });

  it('bumps account-service to metrics-catalog v1.3.0: shows the diff per target and pushes update/account-service', async () => {
    const run = await scaffolder.run({ ...bump }, UPDATE_TEMPLATE_REF);

    expect([run.status, run.log]).toEqual(['completed', expect.stringContaining('Run completed with status: completed')]);
    const commit = branches().get('update/account-service');
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect(run.output.links).toEqual([]);
    expect(text(run, 'Pull request')).toContain(`Branch \`update/account-service\` was pushed on platform-next at commit ${commit!.slice(0, 12)}`);
    expect(text(run, 'What changes')).toMatch(/metrics-catalog: \S+ -> v1\.3\.0/);
    expect(text(run, 'What changes')).toMatch(/\| prod\/stable\/euw1 \| prod-account-service-euw1-stable \| changed \|/);

    const diff = execFileSync('git', ['--git-dir', service.platformNext, 'diff', '--numstat', `${commit}~1`, commit!], { encoding: 'utf8' });
    expect(diff.trim()).toMatch(/^1\t1\t/);
  });
});

describe('a backend without the monitoringOnboarding block', () => {
  it('starts (a backend does not check config.d.ts), and the first step fails naming the missing key', async () => {
    const bare = await startBackend({});
    try {
      const answer = await new Scaffolder(bare).dryRun({ ...form });
      expect([answer.status, answer.body.error?.name, answer.body.error?.message]).toEqual([
        400,
        'InputError',
        expect.stringContaining('monitoringOnboarding.baseUrl is not set in app-config'),
      ]);
    } finally {
      await bare.stop();
    }
  });
});
