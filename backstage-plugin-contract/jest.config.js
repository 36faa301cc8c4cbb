/**
 * Jest with ts-jest (transpile only: `npm run typecheck` checks the types once for all files).
 * Projects:
 * - unit: the actions with createMockActionContext, the template, the package's contents;
 *   against the scaffolder-node that resolves first (1.x, what scaffolder-backend 4.3 needs);
 * - unit-scaffolder-node-0.13: the same unit tests of src/ against scaffolder-node 0.13.7
 *   (installed under the alias scaffolder-node-0.13), the line of Backstage 1.53 to 1.55;
 * - contract: the actions against the packaged service (the jar);
 * - backend: a real Backstage backend (scaffolder-backend 4.3) running the template against the jar;
 * - frontend: the Monitoring tab's components (monitoring-preview/) in jsdom, against answers the
 *   real service gave (monitoring-preview/fixtures/).
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
    {
      displayName: 'frontend',
      testEnvironment: 'jsdom',
      // Node builds of dependencies: some (the Azure SDK that @backstage/integration brings) publish ESM-only browser builds.
      testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
      roots: ['<rootDir>/monitoring-preview/src'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/monitoring-preview/jest/setup.ts'],
      transform: { '\\.(tsx?|jsx?|mjs)$': '<rootDir>/monitoring-preview/jest/esbuildTransform.js' },
      // Backstage's frontend packages (and a few of their dependencies) publish ES modules only.
      transformIgnorePatterns: ['/node_modules/(?!(@backstage|@react-hookz|@remixicon|react-use/esm)/)'],
      moduleNameMapper: { '\\.(css|svg|png)$': '<rootDir>/monitoring-preview/jest/styleStub.js' },
    },
  ],
};
