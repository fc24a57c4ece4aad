import { defineConfig } from 'vitest/config';

// Every project fails a test that writes an unexpected console.error or console.warn.
const failOnConsole = 'tests/helpers/fail-on-console.ts';
// Migrates one PGlite and one PostgreSQL template per run; test apps start from copies of them.
const databaseTemplates = 'tests/helpers/database-templates.ts';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'sandbox/**/*.test.ts'], setupFiles: [failOnConsole] } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: [failOnConsole],
          globalSetup: [databaseTemplates],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          setupFiles: [failOnConsole],
          globalSetup: [databaseTemplates],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
