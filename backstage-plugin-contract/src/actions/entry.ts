import { InputError } from '@backstage/errors';

/**
 * Drops blank strings, nulls and objects left empty, recursively: a template renders an
 * optional field the user left blank as "" (or null), which the service would report as
 * invalid. Empty arrays stay: `profiles: []` says something.
 */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(pruneEmpty).filter(item => item !== undefined);
  }
  if (value && typeof value === 'object') {
    const kept = Object.entries(value)
      .map(([key, item]) => [key, pruneEmpty(item)] as const)
      .filter(([, item]) => item !== undefined);
    return kept.length ? Object.fromEntries(kept) : undefined;
  }
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return undefined;
  }
  return value;
}

/** The entry as sent to the service: pruned, and always an object. */
export function entryBody(entry: Record<string, unknown>): Record<string, unknown> {
  return (pruneEmpty(entry) as Record<string, unknown> | undefined) ?? {};
}

/** The entry's `name`, which names the checkpoint, the preview file and the branch. */
export function serviceName(entry: Record<string, unknown>): string {
  const name = entry.name;
  if (typeof name !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
    throw new InputError(
      `entry.name must be the service's name (a DNS-1123 label such as payment-processor), not ${JSON.stringify(name)}`,
    );
  }
  return name;
}
