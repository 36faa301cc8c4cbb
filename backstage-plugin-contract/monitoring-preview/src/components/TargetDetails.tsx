import { InfoCard, StructuredMetadataTable, Table, type TableColumn } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import type { ReactNode } from 'react';
import type { TargetPreview } from '../api/types';
import { SourceTags } from './SourceTags';
import { CATALOG_COMMIT_ANNOTATION, CATALOG_REF_ANNOTATION, itemSources, provenanceFor, sourcesOf, type SourceTag } from './sources';

type Json = Record<string, unknown>;

interface Row {
  id: string;
  disabled?: boolean;
  sources: SourceTag[];
  [column: string]: unknown;
}

const text = (value: unknown): string =>
  value === undefined || value === null ? '-' : Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);

function Section({ title, rows, columns, empty }: { title: string; rows: Row[]; columns: Array<[string, string]>; empty: string }) {
  const tableColumns: TableColumn<Row>[] = [
    ...columns.map(([field, label]) => ({
      title: label,
      field,
      render: (row: Row) => <span style={row.disabled ? { opacity: 0.55 } : undefined}>{text(row[field])}</span>,
    })),
    { title: 'Source', field: 'sources', render: (row: Row) => <SourceTags tags={row.sources} /> },
  ];
  return (
    <Table<Row>
      title={`${title} (${rows.length})`}
      options={{ paging: false, search: false, padding: 'dense', sorting: false, draggable: false }}
      columns={tableColumns}
      data={rows}
      emptyContent={<div style={{ padding: 16 }}>{empty}</div>}
    />
  );
}

/** One target's merged config: the catalog it was read at, then a table per part, every value with its source. */
export function TargetDetails({ target }: { target: TargetPreview }) {
  const sources = target.sources ?? [];
  const provenance = target.provenance ?? {};
  const application = (target.application ?? {}) as Json;
  const monitoring = (application.monitoring ?? {}) as Json;
  const annotations = target.configMap?.metadata?.annotations ?? {};

  const slos: Row[] = Object.entries((application.slos ?? {}) as Json).map(([name, value]) => ({
    id: name,
    name,
    value,
    sources: sourcesOf(provenance.slos?.[name], sources),
  }));
  const alertRules: Row[] = ((application.alertRules ?? []) as Json[]).map((rule, i) => ({
    id: `${rule.name ?? i}`,
    name: rule.name,
    status: rule.enabled === false ? 'disabled' : 'enabled',
    disabled: rule.enabled === false,
    condition: rule.condition,
    severity: rule.severity,
    sources: itemSources(provenanceFor(provenance.alertRules, rule.name, i), sources),
  }));
  const metrics: Row[] = ((application.customMetrics ?? []) as Json[]).map((metric, i) => ({
    id: `${metric.name ?? i}`,
    name: metric.name,
    type: metric.type,
    unit: metric.unit,
    aggregation: metric.aggregation,
    dimensions: metric.dimensions,
    disabled: metric.enabled === false,
    sources: itemSources(provenanceFor(provenance.customMetrics, metric.name, i), sources),
  }));
  const attributes: Row[] = ((monitoring.requestAttributes ?? []) as Json[]).map((attribute, i) => ({
    id: `${attribute.name ?? i}`,
    name: attribute.name,
    source: attribute.source,
    sources: itemSources(provenanceFor(provenance.requestAttributes, attribute.name, i), sources),
  }));
  const dashboards: Row[] = ((application.dashboards ?? []) as Json[]).map((dashboard, i) => ({
    id: `${dashboard.name ?? i}`,
    name: dashboard.name ?? dashboard.title ?? `#${i + 1}`,
    definition: Object.fromEntries(Object.entries(dashboard).filter(([k]) => k !== 'name')),
    sources: itemSources(provenanceFor(provenance.dashboards, dashboard.name, i), sources),
  }));

  const commit = annotations[CATALOG_COMMIT_ANNOTATION];
  const metadata: Record<string, ReactNode> = {
    namespace: target.target?.namespace ?? target.configMap?.metadata?.namespace ?? '-',
    'metrics-catalog': annotations[CATALOG_REF_ANNOTATION] ? (
      <span data-testid="catalog-ref">
        {annotations[CATALOG_REF_ANNOTATION]}
        {commit ? <> at commit <code title={commit}>{commit.slice(0, 12)}</code></> : null}
      </span>
    ) : (
      'none (no catalog in the entry)'
    ),
    technologies: text(monitoring.technologies),
    'request naming': text(monitoring.requestNaming),
    sources: <SourceTags tags={sources.map(s => sourcesOf(s.label, sources)[0]).filter(Boolean)} />,
  };

  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <InfoCard title="Target" variant="gridItem">
          <StructuredMetadataTable metadata={metadata} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Section title="SLOs" rows={slos} columns={[['name', 'SLO'], ['value', 'Value']]} empty="No SLOs." />
      </Grid>
      <Grid item xs={12}>
        <Section
          title="Alert rules"
          rows={alertRules}
          columns={[['name', 'Rule'], ['status', 'Status'], ['condition', 'Condition'], ['severity', 'Severity']]}
          empty="No alert rules."
        />
      </Grid>
      <Grid item xs={12}>
        <Section
          title="Custom metrics"
          rows={metrics}
          columns={[['name', 'Metric'], ['type', 'Type'], ['unit', 'Unit'], ['aggregation', 'Aggregation'], ['dimensions', 'Dimensions']]}
          empty="No custom metrics."
        />
      </Grid>
      <Grid item xs={12}>
        <Section title="Request attributes" rows={attributes} columns={[['name', 'Attribute'], ['source', 'Read from']]} empty="No request attributes." />
      </Grid>
      <Grid item xs={12}>
        <Section title="Dashboards" rows={dashboards} columns={[['name', 'Dashboard'], ['definition', 'Definition']]} empty="No dashboards." />
      </Grid>
    </Grid>
  );
}
