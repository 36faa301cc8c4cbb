import type { Finding, ItemProvenance, Source, SourceKind, TargetPreview } from '../api/types';

/** The annotations the service writes on every ConfigMap. */
export const CATALOG_REF_ANNOTATION = 'monitoring.company.com/metrics-catalog-ref';
export const CATALOG_COMMIT_ANNOTATION = 'monitoring.company.com/metrics-catalog-commit';

/** Where a value came from, short enough for a table cell; `title` is the service's full label. */
export interface SourceTag {
  kind: SourceKind | 'unknown';
  text: string;
  title: string;
}

const PRECEDENCE: Array<SourceKind | 'unknown'> = [
  'profile',
  'profile-override',
  'catalog-profile',
  'catalog-service',
  'inline',
  'entry-override',
  'unknown',
];

/** `profile domain-api`, `profile override prod`, `services/x/metrics.yaml@v1.2.0`, `inline`, `entry override prod`. */
export function describeSource(source: Source): SourceTag {
  const title = source.label ?? source.name ?? '';
  switch (source.kind) {
    case 'profile':
      return { kind: 'profile', text: `profile ${source.name}`, title };
    case 'profile-override':
      return { kind: 'profile-override', text: `profile override ${source.environment}`, title };
    case 'catalog-profile':
    case 'catalog-service':
      return { kind: source.kind, text: `${source.path}@${source.ref}`, title };
    case 'inline':
      return { kind: 'inline', text: 'inline', title };
    case 'entry-override':
      return { kind: 'entry-override', text: `entry override ${source.environment}`, title };
    default:
      return { kind: 'unknown', text: title, title };
  }
}

/**
 * The sources named in one provenance value. The service writes the labels of the sources that
 * set the value, joined by ", "; labels contain ", " themselves, so the value is read left to
 * right taking the longest label of the target's sources that starts there.
 */
export function sourcesOf(provenance: string | undefined, sources: ReadonlyArray<Source>): SourceTag[] {
  if (!provenance) {
    return [];
  }
  const labelled = [...sources].filter(s => s.label).sort((a, b) => b.label!.length - a.label!.length);
  const tags: SourceTag[] = [];
  let rest = provenance;
  while (rest) {
    const match = labelled.find(s => rest.startsWith(s.label!));
    if (match) {
      tags.push(describeSource(match));
      rest = rest.slice(match.label!.length);
    } else {
      const next = rest.indexOf(', ');
      const text = next < 0 ? rest : rest.slice(0, next);
      tags.push({ kind: 'unknown', text, title: text });
      rest = next < 0 ? '' : rest.slice(next);
    }
    rest = rest.replace(/^, /, '');
  }
  return unique(tags);
}

/** Every source that set some field of a named item (an alert rule, a metric), lowest precedence first. */
export function itemSources(item: ItemProvenance | undefined, sources: ReadonlyArray<Source>): SourceTag[] {
  return unique(Object.values(item?.fields ?? {}).flatMap(value => sourcesOf(value, sources)));
}

function unique(tags: SourceTag[]): SourceTag[] {
  const seen = new Map<string, SourceTag>();
  for (const tag of tags) {
    seen.set(`${tag.kind}\u0000${tag.text}`, tag);
  }
  return [...seen.values()].sort((a, b) => PRECEDENCE.indexOf(a.kind) - PRECEDENCE.indexOf(b.kind));
}

/** The provenance entry of the item called `name`, or of the item at `index` when names repeat or lack. */
export function provenanceFor(list: ReadonlyArray<ItemProvenance> | undefined, name: unknown, index: number): ItemProvenance | undefined {
  return list?.find(p => p.name === name) ?? list?.[index];
}

/** `prod / euw1`, with the track when it is not the default one. */
export function targetLabel(target: TargetPreview['target']): string {
  const track = target?.track && target.track !== 'stable' ? ` (${target.track})` : '';
  return `${target?.environment ?? '?'} / ${target?.region ?? '?'}${track}`;
}

/** The preview's warnings and each target's, each once. */
export function allWarnings(warnings: ReadonlyArray<Finding> | undefined, targets: ReadonlyArray<TargetPreview>): Finding[] {
  const seen = new Set<string>();
  return [...(warnings ?? []), ...targets.flatMap(t => t.warnings ?? [])].filter(w => {
    const key = `${w.code}\u0000${w.pointer}\u0000${w.source ?? ''}\u0000${w.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
