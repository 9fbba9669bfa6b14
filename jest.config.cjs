// Integration-first test suite: specs boot real Nest apps against the real Postgres and Redis
// prepared by tools/scripts/test.sh (a database and a Redis key prefix of their own per run).
module.exports = {
  // jest's node environment; a failed test also gets what its suite recorded about it (the file says what).
  testEnvironment: '<rootDir>/tools/testing/jest-environment.cjs',
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts'],
  // NestJS 12 and some of its dependencies ship ESM only; see tools/testing/jest-transform.cjs.
  transform: { '^.+\\.(t|j|mj|cj)s$': '<rootDir>/tools/testing/jest-transform.cjs' },
  transformIgnorePatterns: [],
  moduleNameMapper: { '^@nastavnik/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2' },
  globalSetup: '<rootDir>/tools/testing/global-setup.ts',
  globalTeardown: '<rootDir>/tools/testing/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
