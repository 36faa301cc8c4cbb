/**
 * `POST /services` is not in openapi/openapi.yaml yet (the operation is being added to the
 * service). Until it is, these two shapes follow product.md sections 2 and 6 and the service's
 * OnboardingResult record. When the contract has them, `npm run generate:types` and make these
 * aliases of the generated types in ./types.ts.
 */
export interface OnboardingRequestBody {
  entry: Record<string, unknown>;
  requestedBy?: string;
  draft?: boolean;
}

export interface OnboardingResult {
  /** `github` or `local`. */
  provider?: string;
  /** null on the local provider. */
  number?: number | null;
  /** null on the local provider. */
  url?: string | null;
  branch?: string;
  commit?: string;
  /** `created` (201) or `existing` (200). */
  status?: 'created' | 'existing';
}
