/**
 * Scaffolder actions for the monitoring onboarding API: monitoring:validate, monitoring:preview,
 * monitoring:onboard, monitoring:diff and monitoring:update, as a module of the scaffolder backend (new backend system).
 */
export { scaffolderModuleMonitoringOnboarding as default } from './module';
export { createValidateAction, VALIDATE_ACTION_ID } from './actions/validate';
export { createPreviewAction, PREVIEW_ACTION_ID } from './actions/preview';
export { createOnboardAction, ONBOARD_ACTION_ID } from './actions/onboard';
export { createDiffAction, DIFF_ACTION_ID } from './actions/diff';
export { createUpdateAction, UPDATE_ACTION_ID } from './actions/update';
export type { ActionDependencies } from './actions/dependencies';
export { OnboardingApi, type FetchFn } from './api/client';
export { OnboardingApiError } from './api/errors';
