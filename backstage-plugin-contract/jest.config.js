/**
 * Jest with ts-jest (transpile only: `npm run typecheck` checks the types once for all files).
 * Projects:
 * - unit: the actions with createMockActionContext, the template, the package's contents;
 *   against the scaffolder-node that resolves first (1.x, what scaffolder-backend 4.3 needs);
 * - unit-scaffolder-node-0.13: the same unit tests of src/ against scaffolder-node 0.13.7
 *   (installed under the alias scaffolder-node-0.13), the line of Backstage 1.53 to 1.55;
 * - contract: the actions against the packaged service (the jar);
 * - backend: a real Backstage backend (scaffolder-backend 4.3) running the template against the jar.
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const common = { testEnvironment: 'node', transform };

module.exports = {
  // The contract and backend tests start the packaged service; give them room on a busy 2-core machine.
  testTimeout: 120000,
  // A scaffolder backend leaves timers behind after stop() (its task workers poll): end the run when the tests are done.
  forceExit: true,
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/src', '<rootDir>/test'], testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/*.test.ts'] },
    {
      ...common,
      displayName: 'unit-scaffolder-node-0.13',
      roots: ['<rootDir>/src'],
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      moduleNameMapper: { '^@backstage/plugin-scaffolder-node$': '<rootDir>/node_modules/scaffolder-node-0.13' },
    },
    { ...common, displayName: 'contract', roots: ['<rootDir>/test/contract'], testMatch: ['**/*.test.ts'] },
    { ...common, displayName: 'backend', roots: ['<rootDir>/test/backend'], testMatch: ['**/*.test.ts'] },
  ],
};
