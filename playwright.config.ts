import { defineConfig, devices } from '@playwright/test';
import { baseDatabaseUrl, withDatabase } from './scripts/embedded-pg';

import { E2E_AUTH_SECRET, E2E_BASE_URL, E2E_PORT as PORT } from './tests/e2e/env';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000, // multi-actor flows (teacher, parents, director) take 20-30 s on a 2-core runner
  reporter: [['list']],
  use: {
    baseURL: E2E_BASE_URL,
    browserName: 'chromium',
    locale: 'nl-NL',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', // Debian's chromium; `playwright install` cannot download here
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } }, grepInvert: /@phone|@zone/ },
    { name: 'phone', use: { ...devices['Pixel 7'], browserName: 'chromium' }, grep: /@phone/ },
    // A browser far from the school's zone: the portal shows Amsterdam times regardless.
    { name: 'far-zone', use: { viewport: { width: 1280, height: 800 }, timezoneId: 'Asia/Tokyo' }, grep: /@zone/ },
  ],
  // Web servers start before globalSetup and one after another: database (reset + seed) first.
  webServer: [
    {
      command: 'npx tsx --conditions=react-server scripts/e2e-db.ts',
      url: `http://localhost:${process.env.E2E_DB_READY_PORT ?? 3199}`, // the port scripts/e2e-db.ts answers on
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
    {
      // The production server as `npm start` runs it: two processes behind one port, edge rules included.
      command: 'node scripts/server.mjs',
      url: `${E2E_BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: withDatabase(baseDatabaseUrl(), 'ouderportaal_e2e'),
        NEXTAUTH_URL: E2E_BASE_URL,
        NEXTAUTH_SECRET: E2E_AUTH_SECRET,
        SMTP_URL: '',
        PORT: String(PORT),
        WEB_CONCURRENCY: '2',
      },
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
