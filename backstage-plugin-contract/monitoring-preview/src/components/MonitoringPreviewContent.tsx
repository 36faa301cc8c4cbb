import { EmptyState, InfoCard, LinkButton, Progress, WarningPanel } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { useCallback, useEffect, useState } from 'react';
import { MonitoringPreviewError, monitoringPreviewApiRef } from '../api/MonitoringPreviewApi';
import type { Preview } from '../api/types';
import { serviceNameOf } from '../entity';
import { CatalogDiffPanel } from './CatalogDiffPanel';
import { ConfigMapView } from './ConfigMapView';
import { TargetDetails } from './TargetDetails';
import { allWarnings, targetLabel } from './sources';

export const DEFAULT_ONBOARDING_TEMPLATE_PATH = '/create/templates/default/onboard-service-monitoring';

type Load = { state: 'loading' } | { state: 'loaded'; preview: Preview } | { state: 'failed'; error: Error };

/** The Monitoring tab of a catalog entity: the entity's service as platform-next previews it. */
export function MonitoringPreviewContent() {
  const { entity } = useEntity();
  const service = serviceNameOf(entity);
  const api = useApi(monitoringPreviewApiRef);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt(n => n + 1), []);

  useEffect(() => {
    let current = true;
    setLoad({ state: 'loading' });
    api
      .getPreview(service)
      .then(preview => current && setLoad({ state: 'loaded', preview }))
      .catch(error => current && setLoad({ state: 'failed', error }));
    return () => {
      current = false;
    };
  }, [api, service, attempt]);

  if (load.state === 'loading') {
    return <Progress />;
  }
  if (load.state === 'failed') {
    return <Failure service={service} error={load.error} onRetry={retry} />;
  }
  return <Loaded service={service} preview={load.preview} />;
}

function Loaded({ service, preview }: { service: string; preview: Preview }) {
  const targets = preview.targets ?? [];
  const [selected, setSelected] = useState(0);
  const [showConfigMap, setShowConfigMap] = useState(false);
  const warnings = allWarnings(preview.warnings, targets);
  const target = targets[Math.min(selected, targets.length - 1)];

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      {warnings.length > 0 && (
        <WarningPanel severity="warning" title={`${warnings.length} warning(s) in the merged config`} defaultExpanded>
          <ul data-testid="warnings" style={{ margin: 0 }}>
            {warnings.map(w => (
              <li key={`${w.code}:${w.pointer}:${w.message}`}>
                {w.message} <code>{w.code}</code>
                {w.source ? ` (${w.source})` : ''}
              </li>
            ))}
          </ul>
        </WarningPanel>
      )}
      <CatalogDiffPanel
        service={service}
        currentRef={targets[0]?.configMap?.metadata?.annotations?.['monitoring.company.com/metrics-catalog-ref']}
      />
      {!target ? (
        <EmptyState missing="content" title={`${service} has no monitoring targets`} description={preview.message ?? 'The entry selects no environment, track and region.'} />
      ) : (
        <InfoCard title={`Monitoring of ${service}`} subheader="The Dynatrace config CI generates for each target, and where each value comes from">
          <Tabs
            value={Math.min(selected, targets.length - 1)}
            onChange={(_, value: number) => setSelected(value)}
            indicatorColor="primary"
            variant="scrollable"
            aria-label="targets"
          >
            {targets.map((t, i) => (
              <Tab key={t.target?.namespace ?? i} label={targetLabel(t.target)} value={i} />
            ))}
          </Tabs>
          <Box display="flex" justifyContent="flex-end" marginY={2}>
            <Button variant="outlined" color="primary" onClick={() => setShowConfigMap(shown => !shown)} aria-pressed={showConfigMap}>
              {showConfigMap ? 'Show tables' : 'ConfigMap'}
            </Button>
          </Box>
          {showConfigMap ? <ConfigMapView service={service} target={target.target ?? {}} /> : <TargetDetails target={target} />}
        </InfoCard>
      )}
    </Box>
  );
}

function Failure({ service, error, onRetry }: { service: string; error: Error; onRetry: () => void }) {
  const config = useApi(configApiRef);
  const failure = error instanceof MonitoringPreviewError ? error : undefined;
  if (failure?.notFound) {
    const template = config.getOptionalString('monitoringPreview.onboardingTemplatePath') ?? DEFAULT_ONBOARDING_TEMPLATE_PATH;
    return (
      <EmptyState
        missing="data"
        title={`${service} is not on platform-next`}
        description={
          <>
            <Typography paragraph>
              platform-next's services.yaml has no entry named <code>{service}</code>, so there is no Dynatrace config to
              preview. Onboard the service with the template: it validates the entry, previews the config and opens the
              pull request. If the service is on platform-next under another name, set the annotation{' '}
              <code>monitoring.company.com/service</code> on this entity.
            </Typography>
          </>
        }
        action={
          <LinkButton to={template} variant="contained" color="primary">
            Onboard {service}
          </LinkButton>
        }
      />
    );
  }
  const retry = (
    <Button variant="outlined" onClick={onRetry}>
      Retry
    </Button>
  );
  if (failure?.unavailable) {
    return (
      <WarningPanel severity="error" title="The monitoring onboarding API is unavailable" defaultExpanded>
        <Typography paragraph data-testid="failure-detail">
          {failure.message}
        </Typography>
        {retry}
      </WarningPanel>
    );
  }
  return (
    <WarningPanel severity="error" title={`The preview of ${service} failed`} defaultExpanded>
      <Typography paragraph data-testid="failure-detail">
        {error.message}
      </Typography>
      {failure?.problem?.errors?.length ? (
        <ul>
          {failure.problem.errors.map(e => (
            <li key={`${e.pointer}:${e.code}`}>
              <code>{e.pointer}</code>: {e.message} ({e.code})
            </li>
          ))}
        </ul>
      ) : null}
      {retry}
    </WarningPanel>
  );
}
