// Playwright's first web server: a fresh e2e database with the demo school (and a second school,
// to prove a director cannot look into it). Playwright starts web servers before globalSetup and
// in order, so doing the reset here guarantees the app never sees a half-built database.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { baseDatabaseUrl, ensureDatabase, withDatabase } from './embedded-pg';

const url = withDatabase(baseDatabaseUrl(), 'ouderportaal_e2e');
const READY_PORT = Number(process.env.E2E_DB_READY_PORT ?? 3199);

const stop = await ensureDatabase([url]);
const r = spawnSync('npx', ['prisma', 'migrate', 'reset', '--force', '--skip-generate', '--skip-seed'], {
  stdio: 'pipe',
  env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' },
});
if (r.status !== 0) {
  console.error(r.stderr.toString());
  process.exit(1);
}
process.env.DATABASE_URL = url;
const { seedDemoSchool, seedOtherSchool } = await import('../prisma/seed');
const { prisma } = await import('../lib/db');
await seedDemoSchool();
await seedOtherSchool();
await prisma.$disconnect();

const ready = createServer((_req, res) => res.end('ok')).listen(READY_PORT);
const bye = async () => {
  ready.close();
  await stop();
  process.exit(0);
};
process.on('SIGINT', bye);
process.on('SIGTERM', bye);
