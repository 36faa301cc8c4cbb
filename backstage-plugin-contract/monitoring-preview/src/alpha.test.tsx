import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import plugin, { monitoringPreviewEntityContent } from './alpha';

describe('the new frontend system', () => {
  it('adds a Monitoring entity content at /monitoring, on services and annotated entities only', () => {
    const tester = createExtensionTester(monitoringPreviewEntityContent);

    expect(tester.get(coreExtensionData.routePath)).toBe('monitoring');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Monitoring');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    const component = (type: string, annotations?: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x', annotations },
      spec: { type },
    });
    expect(filter(component('service'))).toBe(true);
    expect(filter(component('website'))).toBe(false);
    expect(filter(component('website', { 'monitoring.company.com/service': 'account-service' }))).toBe(true);
  });

  it('is the plugin monitoring-preview, with its API and its entity content', () => {
    expect(plugin.pluginId).toBe('monitoring-preview');
    expect(plugin.getExtension('api:monitoring-preview')).toBeDefined();
    expect(plugin.getExtension('entity-content:monitoring-preview')).toBeDefined();
  });
});
