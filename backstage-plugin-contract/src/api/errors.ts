import type { Finding, Problem } from './types';

/**
 * A call to the monitoring onboarding API that did not succeed, with a message a template user
 * can act on. `code` is the problem's stable code (or a local one: `request.timeout`,
 * `request.failed`); `retryAfterSeconds` is set when the service said when to retry.
 */
export class OnboardingApiError extends Error {
  override readonly name = 'OnboardingApiError';

  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code: string,
    readonly retryAfterSeconds?: number,
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

/** `- /pointer: message (code)` lines, one per finding, in the service's order. */
export function describeFindings(findings: ReadonlyArray<Finding>): string {
  return findings
    .map(f => {
      const where = f.source ? `${f.source} ${f.pointer || '/'}` : f.pointer || '/';
      return `- ${where}: ${f.message}${f.code ? ` (${f.code})` : ''}`;
    })
    .join('\n');
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 section 10.2.3). */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) {
    return undefined;
  }
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Turns an error response into an OnboardingApiError whose message says what to do: fix the
 * token (401), give it the role (403), look at the pull request or branch (409), fix the entry
 * (422, every finding listed), or retry later (503, with the service's Retry-After).
 */
export function problemError(
  operation: string,
  status: number,
  problem: Problem | undefined,
  retryAfterSeconds: number | undefined,
): OnboardingApiError {
  const code = problem?.code ?? `http.${status}`;
  const detail = (problem?.detail ?? problem?.title ?? `HTTP ${status}`).replace(/\.+$/, '');
  let message: string;
  switch (status) {
    case 401:
      message = `The monitoring onboarding API rejected the token (${detail}): set a valid token in monitoringOnboarding.token.`;
      break;
    case 403:
      message = `The token in monitoringOnboarding.token is not allowed to ${operation} (${detail}): it needs the onboarder role to open pull requests and the reader role to validate and preview.`;
      break;
    case 409:
      message = `Cannot ${operation} (${code}): ${detail}.${namedPullRequest(problem)}`;
      break;
    case 422:
      message = `The entry is invalid (${code}): ${detail}\n${describeFindings(problem?.errors ?? [])}`;
      break;
    case 503:
      message = `The monitoring onboarding API cannot ${operation} right now (${code}): ${detail}. ${
        retryAfterSeconds === undefined ? 'Retry later.' : `Retry after ${retryAfterSeconds} s.`
      }`;
      break;
    default:
      message = `The monitoring onboarding API answered ${status} to ${operation} (${code}): ${detail}`;
  }
  return new OnboardingApiError(message, status, code, retryAfterSeconds, problem);
}

/** The pull request and branch a 409 problem names in its extensions (`pullRequest`, `branch`). */
function namedPullRequest(problem: Problem | undefined): string {
  const extensions = (problem ?? {}) as Record<string, unknown>;
  const url = typeof extensions.pullRequest === 'string' ? extensions.pullRequest : undefined;
  const branch = typeof extensions.branch === 'string' ? extensions.branch : undefined;
  if (url) {
    return branch ? ` Pull request: ${url} (branch ${branch}).` : ` Pull request: ${url}.`;
  }
  return branch ? ` Branch: ${branch}.` : '';
}
