import type { components } from '../generated/api';

/**
 * Names for the generated contract types (src/generated/api.ts, from openapi/openapi.yaml).
 * Only aliases live here: a shape that changes in the contract changes here with it.
 */
type Schemas = components['schemas'];

export type ServiceEntry = Schemas['ServiceEntry'];
export type Finding = Schemas['Finding'];
export type Target = Schemas['Target'];
export type ValidationReport = Schemas['ValidationReport'];
export type Preview = Schemas['Preview'];
export type TargetPreview = Schemas['TargetPreview'];
export type Problem = Schemas['Problem'];

/** `?environment=&track=&region=` of the preview operations. */
export interface TargetFilter {
  environment?: string;
  track?: string;
  region?: string;
}

/** `POST /services`. The entry stays a plain object: the service, not the type, checks it. */
export type OnboardingResult = Schemas['OnboardingResult'];
export type OnboardingRequestBody = Omit<Schemas['OnboardingRequest'], 'entry'> & { entry: Record<string, unknown> };

/** `POST /services/{name}/diff` and `GET /services/{name}/diff?ref=`; `PUT /services/{name}`. */
export type EntryDiff = Schemas['EntryDiff'];
export type TargetDiff = Schemas['TargetDiff'];
export type Change = Schemas['Change'];
export type UpdateResult = Schemas['UpdateResult'];
