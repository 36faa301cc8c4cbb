import type { Config } from '@backstage/config';
import { OnboardingApiError, parseRetryAfter, problemError } from './errors';
import { readSettings, type Settings } from './settings';
import type {
  EntryDiff,
  OnboardingRequestBody,
  OnboardingResult,
  Preview,
  Problem,
  TargetFilter,
  UpdateResult,
  ValidationReport,
} from './types';

/** The part of `fetch` the client uses; tests pass their own. */
export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

const JSON_TYPE = 'application/json';
const YAML_TYPE = 'application/yaml';

/** What `POST /services` answered: the pull request and whether this call opened it (201) or found it (200). */
export interface Onboarded {
  result: OnboardingResult;
  httpStatus: number;
}

/** What `PUT /services/{name}` answered: the pull request, and 201 (opened now) or 200 (existing, unchanged). */
export interface Updated {
  result: UpdateResult;
  httpStatus: number;
}

/**
 * A small typed client of the monitoring onboarding API: the four calls the scaffolder actions
 * make, with the service's problem documents turned into {@link OnboardingApiError}s.
 */
export class OnboardingApi {
  constructor(
    private readonly settings: Settings,
    private readonly fetchFn: FetchFn,
  ) {}

  static fromConfig(config: Config, fetchFn: FetchFn = globalThis.fetch): OnboardingApi {
    return new OnboardingApi(readSettings(config), fetchFn);
  }

  /** `POST /services/validate`: 200 whether the entry is valid or not. */
  async validate(entry: object, signal?: AbortSignal): Promise<ValidationReport> {
    const response = await this.post('validate the entry', '/services/validate', entry, JSON_TYPE, undefined, signal);
    return this.json<ValidationReport>(response, 'validate the entry');
  }

  /** `POST /services/preview` as JSON: per target the ConfigMap, the parsed application, sources and provenance. */
  async preview(entry: object, filter: TargetFilter = {}, signal?: AbortSignal): Promise<Preview> {
    const response = await this.post('preview the entry', '/services/preview', entry, JSON_TYPE, filter, signal);
    return this.json<Preview>(response, 'preview the entry');
  }

  /** `POST /services/preview` as YAML: the ConfigMaps exactly as CI writes them, one document per target. */
  async previewYaml(entry: object, filter: TargetFilter = {}, signal?: AbortSignal): Promise<string> {
    const response = await this.post('preview the entry', '/services/preview', entry, YAML_TYPE, filter, signal);
    return response.text();
  }

  /** `POST /services`: opens the pull request (201) or answers with the one already open for this entry (200). */
  async onboard(body: OnboardingRequestBody, signal?: AbortSignal): Promise<Onboarded> {
    const name = typeof body.entry.name === 'string' ? body.entry.name : 'the service';
    const operation = `onboard ${name}`;
    const response = await this.post(operation, '/services', body, JSON_TYPE, undefined, signal);
    return { result: await this.json<OnboardingResult>(response, operation), httpStatus: response.status };
  }

  /** `GET /services/{name}`: the entry as it stands on platform-next's base branch. */
  async getService(name: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const operation = `read ${name}`;
    const response = await this.send('GET', operation, `/services/${encodeURIComponent(name)}`, undefined, JSON_TYPE, undefined, signal);
    return this.json<Record<string, unknown>>(response, operation);
  }

  /** `POST /services/{name}/diff`: what replacing the service's entry by `entry` changes, per target. Writes nothing. */
  async diff(name: string, entry: object, signal?: AbortSignal): Promise<EntryDiff> {
    const operation = `compare ${name}`;
    const response = await this.post(operation, `/services/${encodeURIComponent(name)}/diff`, entry, JSON_TYPE, undefined, signal);
    return this.json<EntryDiff>(response, operation);
  }

  /** `PUT /services/{name}`: opens the pull request that replaces the entry (201), or answers with the existing one or `unchanged` (200). */
  async update(name: string, body: OnboardingRequestBody, signal?: AbortSignal): Promise<Updated> {
    const operation = `update ${name}`;
    const response = await this.send('PUT', operation, `/services/${encodeURIComponent(name)}`, body, JSON_TYPE, undefined, signal);
    return { result: await this.json<UpdateResult>(response, operation), httpStatus: response.status };
  }

  private post(
    operation: string,
    path: string,
    body: object,
    accept: string,
    filter: TargetFilter | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    return this.send('POST', operation, path, body, accept, filter, signal);
  }

  private async send(
    method: 'GET' | 'POST' | 'PUT',
    operation: string,
    path: string,
    body: object | undefined,
    accept: string,
    filter: TargetFilter | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const { baseUrl, token, timeoutMs } = this.settings;
    const timeout = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> = { Accept: `${accept}, application/problem+json` };
    if (body !== undefined) {
      headers['Content-Type'] = JSON_TYPE;
    }
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    let response: Response;
    try {
      response = await this.fetchFn(baseUrl + path + query(filter), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      throw this.failure(operation, error, timeout, signal);
    }
    if (!response.ok) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      throw problemError(operation, response.status, await readProblem(response), retryAfter);
    }
    return response;
  }

  private async json<T>(response: Response, operation: string): Promise<T> {
    try {
      return parseJson(await response.text()) as T;
    } catch {
      throw new OnboardingApiError(
        `The monitoring onboarding API at ${this.settings.baseUrl} answered ${operation} with something that is not JSON: check monitoringOnboarding.baseUrl.`,
        response.status,
        'response.invalid',
      );
    }
  }

  /** A cancelled task stays a cancellation; a timeout or an unreachable host says which. */
  private failure(operation: string, error: unknown, timeout: AbortSignal, signal?: AbortSignal): unknown {
    if (signal?.aborted) {
      return error;
    }
    const { baseUrl, timeoutMs } = this.settings;
    if (timeout.aborted) {
      return new OnboardingApiError(
        `The monitoring onboarding API at ${baseUrl} did not answer within ${timeoutMs / 1000} s when asked to ${operation}: retry, or raise monitoringOnboarding.timeoutSeconds.`,
        undefined,
        'request.timeout',
      );
    }
    return new OnboardingApiError(
      `The monitoring onboarding API at ${baseUrl} could not be reached to ${operation}: ${reason(error)}. Check monitoringOnboarding.baseUrl, or retry.`,
      undefined,
      'request.failed',
    );
  }
}

function query(filter: TargetFilter | undefined): string {
  const params = new URLSearchParams();
  for (const key of ['environment', 'track', 'region'] as const) {
    const value = filter?.[key];
    if (value) {
      params.set(key, value);
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * JSON parsed by this module's realm rather than by fetch's: `Response.json()` builds its arrays
 * in the realm that owns fetch, and the scaffolder's templating (nunjitsu) refuses step outputs
 * whose arrays have another realm's prototype. A backend runs in one realm, but a backend under
 * Jest (which runs tests in a vm context while fetch stays Node's) has two.
 */
function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** The problem document of an error response, or undefined when the body is not one (a proxy's HTML page). */
async function readProblem(response: Response): Promise<Problem | undefined> {
  if (!/json/i.test(response.headers.get('content-type') ?? '')) {
    return undefined;
  }
  try {
    const body: unknown = parseJson(await response.text());
    return body && typeof body === 'object' ? (body as Problem) : undefined;
  } catch {
    return undefined;
  }
}

/** fetch wraps the network error (ECONNREFUSED, ENOTFOUND) in `cause`. */
function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
