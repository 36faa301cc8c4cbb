import { ConfigReader } from '@backstage/config';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDiffAction } from '../src/actions/diff';
import { createOnboardAction } from '../src/actions/onboard';
import { createPreviewAction } from '../src/actions/preview';
import { createUpdateAction } from '../src/actions/update';
import { createValidateAction } from '../src/actions/validate';
import { entryBody } from '../src/actions/entry';
import { paymentProcessor } from './helpers';
import { expressions, loadTemplate, paymentProcessorForm, templateEntry, UPDATE_TEMPLATE_FILE, type Template, type TemplateStep } from './template';

type JsonSchema = { properties?: Record<string, JsonSchema>; required?: string[]; $ref?: string; additionalProperties?: unknown };

const config = new ConfigReader({ monitoringOnboarding: { baseUrl: 'http://localhost' } });
const actions = new Map(
  [
    createValidateAction({ config }),
    createPreviewAction({ config }),
    createOnboardAction({ config }),
    createDiffAction({ config }),
    createUpdateAction({ config }),
  ].map(a => [a.id, a]),
);
const inputSchema = (id: string) => actions.get(id)!.schema!.input as JsonSchema;
const outputSchema = (id: string) => actions.get(id)!.schema!.output as JsonSchema;

const template = loadTemplate();
const steps = template.spec.steps;
const properties: Record<string, Record<string, unknown>> = Object.assign({}, ...template.spec.parameters.map(page => page.properties));

/** The contract's schemas, to check the entry the template builds against ServiceEntry. */
const contract = load(readFileSync(resolve(__dirname, '..', '..', 'openapi', 'openapi.yaml'), 'utf8')) as {
  components: { schemas: Record<string, JsonSchema> };
};

/** Paths of `value` whose key the contract schema does not have. */
function unknownKeys(value: unknown, schema: JsonSchema, at = ''): string[] {
  const resolved = schema.$ref ? contract.components.schemas[schema.$ref.split('/').pop()!] : schema;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return [];
  }
  return Object.entries(value).flatMap(([key, item]) => {
    const property =
      resolved.properties?.[key] ??
      (typeof resolved.additionalProperties === 'object' ? (resolved.additionalProperties as JsonSchema) : undefined);
    return property ? unknownKeys(item, property, `${at}/${key}`) : [`${at}/${key}`];
  });
}

/** What every template here must satisfy: the scaffolder's schema, and steps, inputs and expressions that match the actions. */
describe.each([
  ['templates/onboard-service.yaml', loadTemplate()],
  ['templates/update-service-monitoring.yaml', loadTemplate(UPDATE_TEMPLATE_FILE)],
] as [string, Template][])('%s', (_, template) => {
  const parameterNames = template.spec.parameters.flatMap(page => Object.keys(page.properties));

  it("passes the scaffolder's own Template schema (what the catalog and /v2/dry-run check)", async () => {
    await expect(templateEntityV1beta3Validator.check(template as never)).resolves.toBe(true);
  });

  it.each(template.spec.steps.map(s => [s.id, s] as [string, TemplateStep]))(
    'step %s names an action that exists, with input names its schema has and every required input',
    (_, step) => {
      expect(actions.has(step.action)).toBe(true);
      const schema = inputSchema(step.action);
      const given = Object.keys(step.input ?? {});
      expect(given.filter(name => !(name in (schema.properties ?? {})))).toEqual([]);
      expect((schema.required ?? []).filter(name => !given.includes(name))).toEqual([]);
    },
  );

  it('refers only to parameters it defines, to earlier steps, and to outputs those steps have', () => {
    const problems: string[] = [];
    const check = (expression: string, earlier: TemplateStep[]) => {
      const parameter = /^parameters\.(\w+)$/.exec(expression);
      const output = /^steps\['([\w-]+)'\]\.output\.(\w+)$/.exec(expression);
      if (parameter) {
        if (!parameterNames.includes(parameter[1])) problems.push(`unknown parameter: ${expression}`);
      } else if (output) {
        const step = earlier.find(s => s.id === output[1]);
        if (!step) problems.push(`no earlier step: ${expression}`);
        else if (!(output[2] in (outputSchema(step.action).properties ?? {}))) problems.push(`no such output: ${expression}`);
      } else if (expression !== 'user.ref') {
        problems.push(`unexpected expression: ${expression}`);
      }
    };
    template.spec.steps.forEach((step, i) => expressions(step.input).forEach(e => check(e, template.spec.steps.slice(0, i))));
    expressions(template.spec.output).forEach(e => check(e, template.spec.steps));
    expect(problems).toEqual([]);
  });

  it('lists as required only properties of the same page', () => {
    for (const page of template.spec.parameters) {
      expect((page.required ?? []).filter(name => !(name in page.properties))).toEqual([]);
    }
  });
});

describe('templates/onboard-service.yaml', () => {
  it('is a scaffolder.backstage.io/v1beta3 Template with validate, preview and onboard steps', () => {
    expect(template.apiVersion).toBe('scaffolder.backstage.io/v1beta3');
    expect(template.kind).toBe('Template');
    expect(steps.map(s => [s.id, s.action])).toEqual([
      ['validate', 'monitoring:validate'],
      ['preview', 'monitoring:preview'],
      ['onboard', 'monitoring:onboard'],
    ]);
  });

  it("builds an entry whose every key is in the contract's ServiceEntry", () => {
    const entry = steps[0].input!.entry;
    expect(unknownKeys(entry, contract.components.schemas.ServiceEntry)).toEqual([]);
  });

  it("filled in with the design document's values, builds the design document's entry (less its inline metrics and alert rules)", () => {
    const entry = entryBody(templateEntry(paymentProcessorForm));

    const expected = paymentProcessor() as any;
    delete expected.monitoring.customMetrics.metrics;
    delete expected.monitoring.overrides.prod.dynatrace;
    expect(entry).toEqual(expected);
  });

  it('offers the values the form uses in the tests (enums and patterns of the parameters)', () => {
    for (const [name, value] of Object.entries(paymentProcessorForm)) {
      const property = properties[name] as { enum?: unknown[]; pattern?: string; items?: { enum?: unknown[]; pattern?: string } };
      expect(property).toBeDefined();
      const values = Array.isArray(value) ? value : [value];
      const allowed = property.enum ?? property.items?.enum;
      if (allowed) {
        expect(values.filter(v => !allowed.includes(v))).toEqual([]);
      }
      const pattern = property.pattern ?? property.items?.pattern;
      if (pattern) {
        expect(values.filter(v => !new RegExp(pattern).test(String(v)))).toEqual([]);
      }
    }
  });

  it("takes environments as services.yaml writes them: an environment, or an environment and a track", () => {
    const item = new RegExp((properties.enabledIn as { items: { pattern: string } }).items.pattern);
    for (const accepted of ['int', 'pre', 'prod', 'int-stable', 'prod-stable', 'pre-canary']) {
      expect([accepted, item.test(accepted)]).toEqual([accepted, true]);
    }
    for (const refused of ['qa', 'int-', 'Int', 'prod-Stable', 'int stable', '-int', 'int--stable-']) {
      expect([refused, item.test(refused)]).toEqual([refused, false]);
    }
  });

  it("defaults the metrics-catalog repository to the service's default metrics-catalog.url, and puts it in the entry", () => {
    const java = readFileSync(
      resolve(__dirname, '..', '..', 'src', 'main', 'java', 'com', 'company', 'onboarding', 'config', 'MetricsCatalogConfig.java'),
      'utf8',
    );
    const serviceDefault = /DEFAULT_URL\s*=\s*"([^"]+)"/.exec(java)?.[1];
    expect(serviceDefault).toBeDefined();
    expect((properties.catalogUrl as { default: string }).default).toBe(serviceDefault);

    const entry = entryBody(templateEntry({ ...paymentProcessorForm, catalogUrl: 'https://git.example.com/observability/catalog' })) as any;
    expect(entry.monitoring.customMetrics.repository.url).toBe('https://git.example.com/observability/catalog');
  });

  it('leaves out what the user left blank', () => {
    const { costProfile: _c, catalogRef: _r, catalogProfiles: _p, prodSloAvailability: _a, prodSloLatencyP95ms: _l, prodSloErrorRate: _e, ...form } =
      paymentProcessorForm;

    const entry = entryBody(templateEntry(form)) as any;

    expect(entry).not.toHaveProperty('costProfile');
    expect(entry.monitoring).toEqual({
      dynatrace: true,
      customMetrics: { repository: { url: 'https://github.com/company/metrics-catalog' } },
    });
  });
});

describe('templates/update-service-monitoring.yaml', () => {
  const update = loadTemplate(UPDATE_TEMPLATE_FILE);

  it('is a Template with a diff step and an update step that takes the entry the diff compared', () => {
    expect(update.metadata.name).toBe('update-service-monitoring');
    expect(update.spec.steps.map(s => [s.id, s.action])).toEqual([
      ['diff', 'monitoring:diff'],
      ['update', 'monitoring:update'],
    ]);
    expect(update.spec.steps[1].input).toMatchObject({ service: '${{ parameters.service }}', entry: "${{ steps['diff'].output.entry }}" });
  });

  it("sets only override keys of the contract's EnvironmentOverride", () => {
    const overrides = update.spec.steps[0].input!.overrides as Record<string, unknown>;
    const monitoring = contract.components.schemas.Monitoring;
    expect(unknownKeys(overrides, monitoring.properties!.overrides)).toEqual([]);
  });

  it('picks the service from GET /services through the proxy, like the profile picker', () => {
    const service = update.spec.parameters[0].properties.service as { 'ui:options': Record<string, string> };
    expect(service['ui:options']).toEqual({
      path: 'proxy/monitoring-onboarding/services',
      arrayPath: 'services',
      valueSelector: 'name',
      labelSelector: 'name',
    });
    expect(Object.keys(contract.components.schemas.ServiceSummary.properties!)).toContain('name');
  });
});

describe('the actions’ examples', () => {
  it.each([...actions.values()].flatMap(a => (a.examples ?? []).map(e => [a.id, e.description, e.example] as const)))(
    '%s: "%s" is YAML whose steps use the action with inputs it has',
    (id, _, example) => {
      const parsed = load(example) as { steps: TemplateStep[] };
      const mine = parsed.steps.filter(s => s.action === id);
      expect(mine.length).toBeGreaterThan(0);
      for (const step of mine) {
        const schema = inputSchema(id);
        expect(Object.keys(step.input ?? {}).filter(name => !(name in (schema.properties ?? {})))).toEqual([]);
        expect((schema.required ?? []).filter(name => !(name in (step.input ?? {})))).toEqual([]);
      }
    },
  );
});
