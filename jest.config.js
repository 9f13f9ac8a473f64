/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // Type checking is done once by `npm run typecheck`; here ts-jest only transpiles (fast on 2 cores).
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: {
    '\\.(css|png|svg)$': '<rootDir>/tests/support/file-stub.js',
  },
  testTimeout: 120000,
};
