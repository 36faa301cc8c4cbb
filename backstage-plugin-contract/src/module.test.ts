import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint, type TemplateAction } from '@backstage/plugin-scaffolder-node';
import { BASE_URL } from '../test/helpers';
import { scaffolderModuleMonitoringOnboarding } from './module';

describe('the scaffolder module', () => {
  it('adds the five monitoring actions to the scaffolder, each with a description, examples and schemas', async () => {
    const added: TemplateAction<any, any, any>[] = [];
    const backend = await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions: (...actions: TemplateAction<any, any, any>[]) => added.push(...actions) }]],
      features: [
        scaffolderModuleMonitoringOnboarding,
        mockServices.rootConfig.factory({ data: { monitoringOnboarding: { baseUrl: BASE_URL } } }),
      ],
    });
    try {
      expect(added.map(a => a.id)).toEqual([
        'monitoring:validate',
        'monitoring:preview',
        'monitoring:onboard',
        'monitoring:diff',
        'monitoring:update',
      ]);
      for (const action of added) {
        expect(action.description).toBeTruthy();
        expect(action.examples?.length).toBeGreaterThan(0);
        expect(action.supportsDryRun).toBe(true);
        expect(action.schema?.input).toMatchObject({
          type: 'object',
          required: action.id === 'monitoring:diff' || action.id === 'monitoring:update' ? ['service'] : ['entry'],
        });
        expect(action.schema?.output).toMatchObject({ type: 'object' });
      }
    } finally {
      await backend.stop();
    }
  });
});
