/**
 * Stand-ins for the `POST /services` shapes while openapi/openapi.yaml does not have the
 * operation, following product.md sections 2 and 6 and the service's OnboardingResult record.
 * ./types.ts takes the generated types instead as soon as they exist; delete this file then.
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
