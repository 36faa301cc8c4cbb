import type { JsonObject } from '@backstage/types';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const TEMPLATE_FILE = resolve(__dirname, '..', 'templates', 'onboard-service.yaml');
export const UPDATE_TEMPLATE_FILE = resolve(__dirname, '..', 'templates', 'update-service-monitoring.yaml');

export interface TemplateStep {
  id: string;
  name?: string;
  action: string;
  input?: Record<string, unknown>;
}

export interface ParameterPage {
  title: string;
  required?: string[];
  properties: Record<string, Record<string, unknown>>;
}

export interface Template {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: { parameters: ParameterPage[]; steps: TemplateStep[]; output: Record<string, unknown> };
}

export function loadTemplate(file: string = TEMPLATE_FILE): Template {
  return load(readFileSync(file, 'utf8')) as Template;
}

/** `${{ expression }}` occurring in a string. */
export const EXPRESSION = /\$\{\{\s*(.+?)\s*\}\}/g;

/** Every expression anywhere in a value. */
export function expressions(value: unknown): string[] {
  if (typeof value === 'string') {
    return [...value.matchAll(EXPRESSION)].map(m => m[1]);
  }
  if (value && typeof value === 'object') {
    return Object.values(value).flatMap(expressions);
  }
  return [];
}

/**
 * Renders step inputs the way the scaffolder does for the forms this template uses: a string
 * that is exactly one `${{ path }}` becomes the value at that path, keeping its type (an array
 * stays an array, an absent parameter becomes undefined). Anything richer is out of scope.
 */
export function render(value: unknown, context: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{\{\s*([^}]+?)\s*\}\}$/.exec(value);
    if (!whole) {
      if (value.includes("${{")) {
        throw new Error(`render() supports whole-value expressions only: ${value}`);
      }
      return value;
    }
    return lookup(context, whole[1]);
  }
  if (Array.isArray(value)) {
    return value.map(item => render(item, context));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v, context)]));
  }
  return value;
}

/** `parameters.name`, `user.ref`, `steps['validate'].output.entry`. */
function lookup(context: Record<string, unknown>, path: string): unknown {
  const keys = path.replace(/\[['"]([^'"]+)['"]\]/g, '.$1').split('.');
  return keys.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), context);
}

/** Form values a user would enter for the design document's payment-processor. */
export const paymentProcessorForm = {
  name: 'payment-processor',
  archetype: 'api',
  size: 'large',
  regions: ['euw1', 'euw2'],
  enabledIn: ['int-stable', 'pre-stable', 'prod'],
  costProfile: 'standard-api-cost',
  costCenter: 'COR-B',
  businessUnit: 'core-banking',
  costOwner: 'owner@company.com',
  monitoringProfile: 'domain-api',
  dynatrace: true,
  catalogRef: 'v1.2.0',
  catalogProfiles: ['payment-business-metrics', 'payment-fraud-metrics'],
  prodSloAvailability: 99.99,
  prodSloLatencyP95ms: 200,
  prodSloErrorRate: 0.05,
};

/** The parameters' defaults, as the form fills them in before the user types anything. */
export function parameterDefaults(template: Template = loadTemplate()): Record<string, unknown> {
  return Object.fromEntries(
    template.spec.parameters
      .flatMap(page => Object.entries(page.properties))
      .filter(([, property]) => property.default !== undefined)
      .map(([name, property]) => [name, property.default]),
  );
}

/** The entry the template's validate step builds from `parameters` (over the defaults), as the action sends it. */
export function templateEntry(parameters: Record<string, unknown>, template: Template = loadTemplate()): JsonObject {
  return render(template.spec.steps[0].input!.entry, { parameters: { ...parameterDefaults(template), ...parameters } }) as JsonObject;
}
