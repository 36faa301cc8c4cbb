import { createApiRef, type ConfigApi, type DiscoveryApi, type FetchApi } from '@backstage/core-plugin-api';
import type { EntryDiff, Preview, Problem, TargetFilter } from './types';

/** What the Monitoring tab asks the monitoring onboarding API (through Backstage's proxy). */
export interface MonitoringPreviewApi {
  /** `GET /services/{name}/preview` as JSON: every target with its config, sources and provenance. */
  getPreview(service: string): Promise<Preview>;
  /** The same as YAML, filtered to one target: the ConfigMap exactly as CI writes it. */
  getConfigMapYaml(service: string, target: TargetFilter): Promise<string>;
  /** `GET /services/{name}/diff?ref=`: what moving the service to another metrics-catalog ref changes, per target. */
  getCatalogDiff(service: string, ref: string): Promise<EntryDiff>;
}

export const monitoringPreviewApiRef = createApiRef<MonitoringPreviewApi>({ id: 'plugin.monitoring-preview.api' });

export const DEFAULT_PROXY_PATH = '/monitoring-onboarding';

/**
 * A call that did not succeed. `status` is the HTTP status (undefined when nothing answered);
 * `problem` is the service's RFC 9457 document when the answer was one (a proxy's own error
 * page is not).
 */
export class MonitoringPreviewError extends Error {
  override readonly name = 'MonitoringPreviewError';

  constructor(
    message: string,
    readonly status: number | undefined,
    readonly problem?: Problem,
  ) {
    super(message);
  }

  /** The service, or the proxy in front of it, cannot answer now: retrying later may help. */
  get unavailable(): boolean {
    return this.status === undefined || this.status === 502 || this.status === 503 || this.status === 504;
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

/** The client: `discoveryApi` finds the proxy, `fetchApi` adds the user's Backstage token. */
export class MonitoringPreviewClient implements MonitoringPreviewApi {
  constructor(
    private readonly options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi; configApi?: ConfigApi },
  ) {}

  async getPreview(service: string): Promise<Preview> {
    const response = await this.get(service, {}, 'application/json');
    return JSON.parse(await response.text()) as Preview;
  }

  async getConfigMapYaml(service: string, target: TargetFilter): Promise<string> {
    const response = await this.get(service, target, 'application/yaml');
    return response.text();
  }

  async getCatalogDiff(service: string, ref: string): Promise<EntryDiff> {
    const response = await this.request(`/services/${encodeURIComponent(service)}/diff`, { ref }, 'application/json');
    return JSON.parse(await response.text()) as EntryDiff;
  }

  private get(service: string, filter: TargetFilter, accept: string): Promise<Response> {
    return this.request(`/services/${encodeURIComponent(service)}/preview`, filter, accept);
  }

  private async request(path: string, filter: TargetFilter | { ref: string }, accept: string): Promise<Response> {
    const proxyPath = this.options.configApi?.getOptionalString('monitoringPreview.proxyPath') ?? DEFAULT_PROXY_PATH;
    const base = (await this.options.discoveryApi.getBaseUrl('proxy')) + `/${proxyPath.replace(/^\/+|\/+$/g, '')}`;
    const query = new URLSearchParams(
      Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
    ).toString();
    const url = `${base}${path}${query ? `?${query}` : ''}`;
    let response: Response;
    try {
      response = await this.options.fetchApi.fetch(url, { headers: { Accept: `${accept}, application/problem+json` } });
    } catch (error) {
      throw new MonitoringPreviewError(
        `The monitoring onboarding API could not be reached (${error instanceof Error ? error.message : String(error)}).`,
        undefined,
      );
    }
    if (!response.ok) {
      throw await failure(response);
    }
    return response;
  }
}

async function failure(response: Response): Promise<MonitoringPreviewError> {
  const text = await response.text().catch(() => '');
  let problem: Problem | undefined;
  if (/json/i.test(response.headers.get('content-type') ?? '')) {
    try {
      const parsed = JSON.parse(text);
      problem = parsed && typeof parsed === 'object' && typeof parsed.code === 'string' ? (parsed as Problem) : undefined;
    } catch {
      problem = undefined;
    }
  }
  const message =
    problem?.detail ??
    (response.status === 502 || response.status === 504
      ? `The proxy could not reach the monitoring onboarding API (HTTP ${response.status}).`
      : `The monitoring onboarding API answered HTTP ${response.status}.`);
  return new MonitoringPreviewError(message, response.status, problem);
}
