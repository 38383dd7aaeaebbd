import { execSync } from 'node:child_process';
import { baseDatabaseUrl, ensureDatabase, withDatabase } from '../../scripts/embedded-pg';

// A fresh schema for every run: drop everything in the test database and re-apply prisma/migrations.
export default async function setup() {
  const url = withDatabase(baseDatabaseUrl(), 'ouderportaal_test');
  const stop = await ensureDatabase([url]);
  execSync('npx prisma migrate reset --force --skip-generate --skip-seed', {
    stdio: 'pipe',
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' },
  });
  return stop;
}
