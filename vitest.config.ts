import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Node resolves `graphql` to its CommonJS build (the package has no exports map), as Apollo does;
// Vite would pick the ES build from "module", and two copies of graphql refuse each other's
// schema objects. Tests resolve it as production does.
const graphqlAsNodeResolvesIt = createRequire(import.meta.url).resolve('graphql');

// One runner for every level: unit specs beside the code, service/integration specs under test/,
// end-to-end specs under e2e/. Files run in parallel; each integration file makes its own
// databases and topics, so they share no state.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlAsNodeResolvesIt }] },
  test: {
    include: ['apps/*/src/**/*.spec.ts', 'apps/*/test/**/*.spec.ts', 'libs/*/src/**/*.spec.ts', 'libs/*/test/**/*.spec.ts', 'tools/**/*.spec.ts', 'e2e/**/*.spec.ts'],
    exclude: ['**/node_modules/**', 'tools/node/.runtime/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './tools/test/summary-reporter.ts'],
  },
});
