// `npm run db:migrate -- --name <what_changed>`: create and apply a migration after a schema change.
// Works offline: starts the embedded database if needed and runs Prisma's JS schema engine (prisma.config.ts).
import { spawnSync } from 'node:child_process';
import { baseDatabaseUrl, ensureDatabase } from './embedded-pg';

const url = baseDatabaseUrl();
const stop = await ensureDatabase([url]);
const r = spawnSync('npx', ['prisma', 'migrate', 'dev', '--skip-seed', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' },
});
await stop();
process.exit(r.status ?? 1);
