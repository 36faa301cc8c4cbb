import { InfoCard, Progress, Table, WarningPanel, type TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState, type FormEvent } from 'react';
import { monitoringPreviewApiRef } from '../api/MonitoringPreviewApi';
import type { Change, EntryDiff } from '../api/types';
import { targetLabel } from './sources';

type Load = { state: 'idle' } | { state: 'loading'; ref: string } | { state: 'loaded'; diff: EntryDiff } | { state: 'failed'; ref: string; error: Error };

/**
 * "What changes if I bump the catalog": the service's entry moved to another metrics-catalog ref
 * (`GET /services/{name}/diff?ref=`), per target its status, each changed value and the ConfigMap's
 * unified diff. Asked only when the user submits a ref: a diff resolves a catalog ref, which is
 * slow when cold.
 */
export function CatalogDiffPanel({ service, currentRef }: { service: string; currentRef?: string }) {
  const api = useApi(monitoringPreviewApiRef);
  const [ref, setRef] = useState('');
  const [load, setLoad] = useState<Load>({ state: 'idle' });

  const compare = (event: FormEvent) => {
    event.preventDefault();
    const wanted = ref.trim();
    if (!wanted) return;
    setLoad({ state: 'loading', ref: wanted });
    api
      .getCatalogDiff(service, wanted)
      .then(diff => setLoad(now => (now.state === 'loading' && now.ref === wanted ? { state: 'loaded', diff } : now)))
      .catch(error => setLoad(now => (now.state === 'loading' && now.ref === wanted ? { state: 'failed', ref: wanted, error } : now)));
  };

  return (
    <InfoCard
      title="What changes if I bump the catalog"
      subheader={`The Dynatrace config of ${service} if its metrics-catalog moved${currentRef ? ` from ${currentRef}` : ''} to another tag, branch or commit`}
    >
      <form onSubmit={compare} aria-label="catalog ref">
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <TextField
            label="metrics-catalog ref"
            placeholder="v1.3.0"
            value={ref}
            onChange={event => setRef(event.target.value)}
            size="small"
            variant="outlined"
            inputProps={{ 'aria-label': 'metrics-catalog ref' }}
          />
          <Button type="submit" variant="outlined" color="primary" disabled={!ref.trim() || load.state === 'loading'}>
            Compare
          </Button>
        </Box>
      </form>
      <Box marginTop={2}>
        {load.state === 'loading' && <Progress />}
        {load.state === 'failed' && (
          <WarningPanel severity="error" title={`The comparison with ${load.ref} failed`} defaultExpanded>
            <Typography data-testid="diff-failure">{load.error.message}</Typography>
          </WarningPanel>
        )}
        {load.state === 'loaded' && <DiffView diff={load.diff} />}
      </Box>
    </InfoCard>
  );
}

function DiffView({ diff }: { diff: EntryDiff }) {
  const targets = diff.targets ?? [];
  const [selected, setSelected] = useState(0);
  const target = targets[Math.min(selected, targets.length - 1)];
  const summary = diff.summary ?? {};
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      <Typography data-testid="diff-summary">
        {diff.status === 'unchanged'
          ? `Nothing changes: ${diff.before?.catalogRef ?? '-'} and ${diff.after?.catalogRef ?? '-'} give the same config.`
          : `${diff.before?.catalogRef ?? '-'} -> ${diff.after?.catalogRef ?? '-'}: ${summary.changed ?? 0} changed, ${summary.added ?? 0} added, ${summary.removed ?? 0} removed, ${summary.unchanged ?? 0} unchanged target(s).`}
      </Typography>
      {target && (
        <>
          <Tabs value={Math.min(selected, targets.length - 1)} onChange={(_, value: number) => setSelected(value)} indicatorColor="primary" variant="scrollable" aria-label="diff targets">
            {targets.map((t, i) => (
              <Tab key={t.target?.namespace ?? i} label={`${targetLabel(t.target)}: ${t.status}`} value={i} />
            ))}
          </Tabs>
          {(target.changes ?? []).length > 0 && (
            <Table<ChangeRow>
              title={`Changes (${target.changes!.length})`}
              options={{ paging: false, search: false, padding: 'dense' }}
              columns={changeColumns}
              data={target.changes!.map((c, i) => ({ ...c, id: i }))}
            />
          )}
          {target.yamlDiff ? (
            <pre data-testid="yaml-diff" style={{ margin: 0, padding: 16, overflow: 'auto', maxHeight: 480, fontSize: 13, background: 'rgba(127,127,127,0.08)', borderRadius: 4 }}>
              {target.yamlDiff}
            </pre>
          ) : (
            <Typography color="textSecondary">The ConfigMap of this target does not change.</Typography>
          )}
        </>
      )}
    </Box>
  );
}

type ChangeRow = Change & { id: number };

/** A value as one line: strings as they are, anything else as JSON. */
function show(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const changeColumns: TableColumn<ChangeRow>[] = [
  { title: 'Pointer', field: 'pointer', render: row => <code>{row.pointer}</code> },
  { title: 'Kind', field: 'kind' },
  { title: 'Before', render: row => show(row.before) },
  { title: 'After', render: row => show(row.after) },
  { title: 'Source', render: row => row.source ?? '' },
];
