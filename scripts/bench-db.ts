// Shared by the benchmarks: a new, migrated database on the embedded server (started when nothing
// answers), so every run starts from the same empty state.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
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

/**
 * The production server as `npm start` runs it (scripts/server.mjs: WEB_CONCURRENCY processes behind one
 * port, the edge rules included), built first when there is no build; resolves once /api/health answers.
 * `stderr()` keeps its last 4 KB, for a script that reports why it died.
 */
export async function startProductionServer(port: number, env: Record<string, string>) {
  if (!existsSync('.next/BUILD_ID')) spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  // Node itself rather than npx, so killing it really stops the server.
  const server = spawn(process.execPath, [path.resolve('scripts/server.mjs')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(port), ...env, NODE_ENV: 'production' },
  });
  let stderr = '';
  server.stderr!.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited at start: ${stderr}`);
    try {
      if ((await fetch(`http://localhost:${port}/api/health`)).ok) return { server, stderr: () => stderr };
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
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
