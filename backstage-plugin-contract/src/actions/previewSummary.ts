import { describeFindings } from '../api/errors';
import type { Finding, Preview, TargetPreview } from '../api/types';

/** Annotations the service writes on each ConfigMap (docs/spec.md#output). */
export const CATALOG_REF_ANNOTATION = 'monitoring.company.com/metrics-catalog-ref';
export const CATALOG_COMMIT_ANNOTATION = 'monitoring.company.com/metrics-catalog-commit';

/** What one target's merged config holds, in numbers a template can show. */
export interface TargetSummary {
  environment: string;
  track: string;
  region: string;
  namespace: string;
  customMetrics: number;
  alertRules: number;
  slos: number;
  dashboards: number;
  catalogRef: string | null;
  catalogCommit: string | null;
}

export function summarize(target: TargetPreview): TargetSummary {
  const application = (target.application ?? {}) as Record<string, unknown>;
  const annotations = target.configMap?.metadata?.annotations ?? {};
  return {
    environment: target.target?.environment ?? '',
    track: target.target?.track ?? '',
    region: target.target?.region ?? '',
    namespace: target.target?.namespace ?? target.configMap?.metadata?.namespace ?? '',
    customMetrics: count(application.customMetrics),
    alertRules: count(application.alertRules),
    slos: count(application.slos),
    dashboards: count(application.dashboards),
    catalogRef: annotations[CATALOG_REF_ANNOTATION] ?? null,
    catalogCommit: annotations[CATALOG_COMMIT_ANNOTATION] ?? null,
  };
}

/** Items of a list, or the values set in an object (`slos: {availability, latencyP95Ms, ...}`). */
function count(value: unknown): number {
  if (Array.isArray(value)) {
    return value.length;
  }
  if (value && typeof value === 'object') {
    return Object.values(value).filter(v => v !== null && v !== undefined).length;
  }
  return 0;
}

/** A Markdown table of the summaries, the warnings and the service's message, for a template's output text. */
export function summaryMarkdown(preview: Preview, summaries: TargetSummary[]): string {
  const lines: string[] = [];
  if (preview.message) {
    lines.push(preview.message, '');
  }
  if (summaries.length) {
    lines.push(
      '| Target | Namespace | Custom metrics | Alert rules | SLOs | Dashboards | metrics-catalog |',
      '|---|---|---|---|---|---|---|',
      ...summaries.map(
        s =>
          `| ${s.environment}/${s.track}/${s.region} | ${s.namespace} | ${s.customMetrics} | ${s.alertRules} | ${s.slos} | ${s.dashboards} | ${catalog(s)} |`,
      ),
    );
  }
  const warnings = allWarnings(preview);
  if (warnings.length) {
    lines.push('', 'Warnings:', describeFindings(warnings));
  }
  return lines.join('\n');
}

function catalog(summary: TargetSummary): string {
  if (!summary.catalogRef) {
    return '-';
  }
  return summary.catalogCommit ? `${summary.catalogRef} (${summary.catalogCommit.slice(0, 12)})` : summary.catalogRef;
}

/** The preview's warnings and each target's, once each (the same warning often applies to every target). */
export function allWarnings(preview: Preview): Finding[] {
  const seen = new Set<string>();
  const result: Finding[] = [];
  for (const warning of [...(preview.warnings ?? []), ...(preview.targets ?? []).flatMap(t => t.warnings ?? [])]) {
    const key = `${warning.code}\u0000${warning.pointer}\u0000${warning.source ?? ''}\u0000${warning.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.push(warning);
    }
  }
  return result;
}
