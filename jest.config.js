// Jest runs the ESM build of the project (NestJS 12 is ESM only), hence --experimental-vm-modules in
// the npm script, ts-jest in ESM mode, and a mapper that drops the `.js` of relative imports.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|file-type|cookie)/)'],
  testTimeout: 60000,
  maxWorkers: 2,
};
