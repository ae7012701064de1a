// Test tiers are chosen by file suffix (STYLE C12): *.unit.test.ts is pure, *.int.test.ts touches a real
// SQLite file or a nock-backed client, *.e2e.test.ts runs the runner against the simulators over HTTP.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] };
// p-queue and p-timeout ship only ES modules; they are compiled to CommonJS like our own sources.
const transformIgnorePatterns = ['/node_modules/(?!(p-queue|p-timeout)/)'];
const common = {
  transform,
  transformIgnorePatterns,
  testEnvironment: 'node',
  setupFilesAfterEnv: ['<rootDir>/test/support/setup-http.ts'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.unit.test.ts', '<rootDir>/packages/*/src/**/*.unit.test.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/test/**/*.int.test.ts', '<rootDir>/packages/*/src/**/*.int.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e.test.ts'], setupFilesAfterEnv: [...common.setupFilesAfterEnv, '<rootDir>/test/support/slow-tier-timeout.ts'] },
  ],
};
