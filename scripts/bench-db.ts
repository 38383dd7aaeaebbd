// Shared by the benchmarks: a new, migrated database on the embedded server (started when nothing
// answers), so every run starts from the same empty state.
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { baseDatabaseUrl, ensureDatabase, withDatabase } from './embedded-pg';

export function benchDatabaseUrl(name: string) {
  return withDatabase(baseDatabaseUrl(), name);
}

/** Drop and re-create `name`, apply the migrations; returns the function that stops a server it started. */
export async function freshBenchDatabase(name: string) {
  const url = benchDatabaseUrl(name);
  const stop = await ensureDatabase([withDatabase(url, 'postgres')]);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const r = spawnSync('npx', ['prisma', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' }, stdio: 'pipe' });
  if (r.status !== 0) throw new Error(r.stderr.toString());
  return stop;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Run a benchmark's main and exit with its outcome (open pools and servers would keep node alive). */
export function runBench(main: () => Promise<void>) {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
