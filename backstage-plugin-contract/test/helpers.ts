import { ConfigReader } from '@backstage/config';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject, JsonValue } from '@backstage/types';
import { load } from 'js-yaml';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FetchFn } from '../src/api/client';

export const BASE_URL = 'https://monitoring-onboarding.test';
export const TOKEN = 'test-onboarder-token';

export function testConfig(block: JsonObject = { baseUrl: BASE_URL, token: TOKEN }): ConfigReader {
  return new ConfigReader({ monitoringOnboarding: block });
}

/** One request the fake fetch received. */
export interface Call {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that records each call and answers with `respond`; `calls` lists what was asked. */
export function fakeFetch(respond: (call: Call) => Response | Promise<Response>): FetchFn & { calls: Call[] } {
  const calls: Call[] = [];
  const fn = async (url: string, init: RequestInit) => {
    const call: Call = {
      method: init.method ?? 'GET',
      url: new URL(url),
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    return respond(call);
  };
  return Object.assign(fn, { calls });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function yaml(body: string): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/yaml;charset=utf-8' } });
}

/** An RFC 9457 problem as the service writes it. */
export function problem(
  status: number,
  code: string,
  detail: string,
  extra: JsonObject = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ type: `urn:monitoring-onboarding:problem:${code}`, title: 'Problem', status, detail, code, ...extra }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

/**
 * Checkpoints as the scaffolder keeps them for a task: a key that succeeded before answers with
 * its stored value without running `fn` again; a failure is not stored, so a retry runs it.
 */
export function checkpointStore() {
  const values = new Map<string, JsonValue | void>();
  return {
    values,
    async checkpoint<T extends JsonValue | void>({ key, fn }: { key: string; fn: () => Promise<T> | T }): Promise<T> {
      if (values.has(key)) {
        return values.get(key) as T;
      }
      const value = await fn();
      values.set(key, value);
      return value;
    },
  };
}

const workspaces: string[] = [];
afterAll(() => workspaces.splice(0).forEach(dir => rmSync(dir, { recursive: true, force: true })));

/** A fresh workspace directory, removed after the test file (also under CI=true, unlike createMockDirectory). */
export function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'monitoring-onboarding-workspace-'));
  workspaces.push(dir);
  return dir;
}

/** createMockActionContext with the input, plus what it does not take as options (isDryRun, checkpoint). */
export function actionContext<I extends JsonObject>(
  input: I,
  extra: Partial<ActionContext<I, JsonObject>> = {},
): ActionContext<I, JsonObject> & { output: jest.Mock } {
  const ctx = createMockActionContext<I, JsonObject>({ input, workspacePath: workspace(), ...extra });
  return { ...ctx, ...extra, input } as ActionContext<I, JsonObject> & { output: jest.Mock };
}

/** What the action passed to ctx.output, by name. */
export function outputs(ctx: { output: jest.Mock }): Record<string, unknown> {
  return Object.fromEntries(ctx.output.mock.calls.map(([name, value]) => [name, value]));
}

/** The design document's payment-processor entry, as the service's own tests hold it. */
export const PAYMENT_PROCESSOR_FILE = resolve(__dirname, '..', '..', 'src', 'test', 'resources', 'merge', 'payment-processor.yaml');

export function paymentProcessor(): JsonObject {
  return load(readFileSync(PAYMENT_PROCESSOR_FILE, 'utf8')) as JsonObject;
}
