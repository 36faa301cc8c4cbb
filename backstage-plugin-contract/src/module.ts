import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createDiffAction } from './actions/diff';
import { createOnboardAction } from './actions/onboard';
import { createPreviewAction } from './actions/preview';
import { createUpdateAction } from './actions/update';
import { createValidateAction } from './actions/validate';

/**
 * The scaffolder module: adds monitoring:validate, monitoring:preview, monitoring:onboard,
 * monitoring:diff and monitoring:update.
 * `backend.add(import('@company/plugin-scaffolder-backend-module-monitoring-onboarding'))`.
 */
export const scaffolderModuleMonitoringOnboarding = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'monitoring-onboarding',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        scaffolder.addActions(
          createValidateAction({ config }),
          createPreviewAction({ config }),
          createOnboardAction({ config }),
          createDiffAction({ config }),
          createUpdateAction({ config }),
        );
      },
    });
  },
});
