import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { OnboardingApi } from '../api/client';
import { describeFindings } from '../api/errors';
import type { ValidationReport } from '../api/types';
import type { ActionDependencies } from './dependencies';
import { entryBody } from './entry';
import { EXAMPLE_ENTRY, entryInput, findingsOutput, targetsOutput } from './schemas';

export const VALIDATE_ACTION_ID = 'monitoring:validate';

const examples = [
  {
    description: 'Validate the entry a template built from its parameters; the step fails listing every problem',
    example: `steps:
  - id: validate
    name: Validate the services.yaml entry
    action: monitoring:validate
    input:
      entry:
        name: \${{ parameters.name }}
        archetype: \${{ parameters.archetype }}
        size: \${{ parameters.size }}
        regions: \${{ parameters.regions }}
        enabledIn: \${{ parameters.enabledIn }}
        costProfile: \${{ parameters.costProfile }}
        cost:
          costCenter: \${{ parameters.costCenter }}
          businessUnit: \${{ parameters.businessUnit }}
          costOwner: \${{ parameters.costOwner }}
        monitoringProfile: \${{ parameters.monitoringProfile }}
        monitoring:
          dynatrace: true
          customMetrics:
            repository:
              url: https://github.com/company/metrics-catalog
              ref: \${{ parameters.catalogRef }}
            profiles: \${{ parameters.catalogProfiles }}
`,
  },
  {
    description: 'Validate a literal entry',
    example: `steps:
  - id: validate
    action: monitoring:validate
    input:
${EXAMPLE_ENTRY}`,
  },
];

/**
 * `monitoring:validate`: posts the entry to `POST /services/validate` and outputs the report.
 * An invalid entry fails the step with every error (`pointer: message (code)`), so the user
 * sees all of them at once; warnings are logged and output but do not fail it.
 */
export function createValidateAction({ config, fetch }: ActionDependencies) {
  return createTemplateAction({
    id: VALIDATE_ACTION_ID,
    description:
      'Validates a services.yaml entry with the monitoring onboarding API (POST /services/validate). Fails the step listing every error when the entry is invalid.',
    examples,
    supportsDryRun: true,
    schema: {
      input: { entry: entryInput },
      output: {
        valid: z => z.boolean().describe('true when the entry has no error'),
        errors: findingsOutput('Every error, each with a JSON pointer into the entry and a stable code'),
        warnings: findingsOutput('Warnings: they do not block onboarding'),
        targets: targetsOutput,
        entry: z =>
          z
            .record(z.unknown())
            .describe("The entry as validated (blank values left out): later steps take it as ${{ steps['validate'].output.entry }}"),
      },
    },
    async handler(ctx) {
      const api = OnboardingApi.fromConfig(config, fetch);
      const entry = entryBody(ctx.input.entry);
      const report = await api.validate(entry, ctx.signal);
      const errors = report.errors ?? [];
      const warnings = report.warnings ?? [];
      ctx.output('valid', report.valid === true);
      ctx.output('errors', errors);
      ctx.output('warnings', warnings);
      ctx.output('targets', report.targets ?? []);
      ctx.output('entry', entry);
      if (warnings.length) {
        ctx.logger.warn(`The entry has ${warnings.length} warning(s):\n${describeFindings(warnings)}`);
      }
      requireValid(report);
      ctx.logger.info(`The entry is valid; it expands to ${report.targets?.length ?? 0} target(s)`);
    },
  });
}

/** Fails with every error of an invalid entry, `pointer: message (code)` one per line. */
export function requireValid(report: ValidationReport): void {
  if (report.valid !== true) {
    const errors = report.errors ?? [];
    throw new InputError(`The entry is invalid (${errors.length} error(s)):\n${describeFindings(errors)}`);
  }
}
