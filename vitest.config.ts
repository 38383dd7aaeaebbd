import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { baseDatabaseUrl, withDatabase } from './scripts/embedded-pg';

// Integration tests get their own database on the same server, reset once per run.
const TEST_DATABASE_URL = withDatabase(baseDatabaseUrl(), 'ouderportaal_test');

export default defineConfig({
  resolve: {
    alias: {
      '@': import.meta.dirname,
      // The marker package throws outside React Server Components; services are plain Node here.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts'),
    },
  },
  test: {
    include: ['{lib,tests,components,scripts}/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    env: { DATABASE_URL: TEST_DATABASE_URL, MAIL_WORKER: 'off' },
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
