/**
 * Answers the real service gave (fixtures/*.json, written by scripts/record-fixtures.js from the
 * packaged jar), replayed by a FetchApi the way Backstage's proxy would pass them through.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Fixture {
  request: { method?: string; path: string; accept: string };
  status: number;
  contentType: string;
  body: string;
}

export function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', `${name}.json`), 'utf8')) as Fixture;
}

export const PROXY = 'http://backstage.test/api/proxy';

/** What a Response needs to be for the client (jsdom has no fetch of its own). */
export function response(status: number, contentType: string | null, body: string): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? contentType : null) },
    text: async () => body,
  } as unknown as Response;
}

export interface Call {
  url: URL;
  accept: string;
}

/**
 * A fetchApi that answers each request with the next of `answers` for its path (after the proxy
 * endpoint), query included; it fails the test on a request it has no answer for.
 */
export function replay(answers: Record<string, Array<Fixture | Response>>, proxyPath = '/monitoring-onboarding') {
  const calls: Call[] = [];
  const queues = new Map(Object.entries(answers).map(([k, v]) => [k, [...v]]));
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const accept = new Headers(init?.headers).get('accept') ?? '';
    calls.push({ url, accept });
    const prefix = new URL(PROXY + proxyPath).pathname;
    if (!url.pathname.startsWith(prefix)) throw new Error(`unexpected request outside the proxy endpoint: ${input}`);
    const key = url.pathname.slice(prefix.length) + url.search;
    const queue = queues.get(key);
    const next = queue && (queue.length > 1 ? queue.shift() : queue[0]);
    if (!next) throw new Error(`no recorded answer for ${key}`);
    if ('request' in next) {
      if (!accept.startsWith(next.request.accept)) throw new Error(`${key} was recorded for ${next.request.accept}, asked with ${accept}`);
      return response(next.status, next.contentType, next.body);
    }
    return next;
  };
  return { fetch, calls };
}
