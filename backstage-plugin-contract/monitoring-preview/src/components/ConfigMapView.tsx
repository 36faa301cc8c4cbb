import { CopyTextButton, Progress, WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useState } from 'react';
import { monitoringPreviewApiRef } from '../api/MonitoringPreviewApi';
import type { Target } from '../api/types';

/**
 * The target's ConfigMap exactly as CI writes it: the service's YAML answer
 * (`Accept: application/yaml`, `?environment=&region=&track=`), not a rendering of the JSON.
 */
export function ConfigMapView({ service, target }: { service: string; target: Target }) {
  const api = useApi(monitoringPreviewApiRef);
  const [state, setState] = useState<{ yaml?: string; error?: Error }>({});
  useEffect(() => {
    let current = true;
    setState({});
    api
      .getConfigMapYaml(service, { environment: target.environment, region: target.region, track: target.track })
      .then(yaml => current && setState({ yaml }))
      .catch(error => current && setState({ error }));
    return () => {
      current = false;
    };
  }, [api, service, target.environment, target.region, target.track]);

  if (state.error) {
    return <WarningPanel severity="error" title="The ConfigMap could not be loaded" message={state.error.message} />;
  }
  if (state.yaml === undefined) {
    return <Progress />;
  }
  // A plain <pre>: the bytes as the service sent them, nothing re-rendered, nothing lazy-loaded.
  return (
    <Box position="relative">
      <Box position="absolute" top={4} right={4}>
        <CopyTextButton text={state.yaml} aria-label="Copy the ConfigMap" />
      </Box>
      <pre
        data-testid="configmap-yaml"
        style={{ margin: 0, padding: 16, overflow: 'auto', maxHeight: 640, fontSize: 13, background: 'rgba(127,127,127,0.08)', borderRadius: 4 }}
      >
        {state.yaml}
      </pre>
    </Box>
  );
}
