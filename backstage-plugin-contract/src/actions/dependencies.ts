import type { Config } from '@backstage/config';
import type { FetchFn } from '../api/client';

/** What every action factory takes: Backstage's root config, and the fetch to call the service with (tests inject one). */
export interface ActionDependencies {
  config: Config;
  fetch?: FetchFn;
}
