/** Jest with ts-jest (transpile only: `npm run typecheck` checks the types once for all files). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // The contract tests start the packaged service; give them room on a busy 2-core machine.
  testTimeout: 120000,
};
