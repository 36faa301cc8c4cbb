/**
 * Names for the contract's types. They come from ../../../src/generated/api.ts, which
 * openapi-typescript generates from openapi/openapi.yaml for both packages of this directory
 * (the scaffolder module and this plugin); `npm run check:types` fails when it is stale.
 * Type-only: nothing of the scaffolder module ends up in the plugin's bundle.
 */
import type { components } from '../../../src/generated/api';

type Schemas = components['schemas'];

export type Preview = Schemas['Preview'];
export type TargetPreview = Schemas['TargetPreview'];
export type Target = Schemas['Target'];
export type Source = Schemas['Source'];
export type SourceKind = Schemas['Kind'];
export type Provenance = Schemas['Provenance'];
export type ItemProvenance = Schemas['ItemProvenance'];
export type Finding = Schemas['Finding'];
export type Problem = Schemas['Problem'];
export type EntryDiff = Schemas['EntryDiff'];
export type TargetDiff = Schemas['TargetDiff'];
export type Change = Schemas['Change'];

/** `?environment=&region=&track=` of `GET /services/{name}/preview`. */
export interface TargetFilter {
  environment?: string;
  region?: string;
  track?: string;
}
