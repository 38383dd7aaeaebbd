import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as ready } from '@/app/api/ready/route';
import { createPrisma, type Db } from '@/lib/db';
import { poolExec } from '@/lib/db-raw';
import { ensureDatabase, type Database, type DatabaseEvent } from '@/scripts/embedded-pg';

// Its own embedded server (killing the shared test server would pull it from under other suites),
// in a private temporary folder: run as root, that is the "clone in /root" case.
let db: Database;
let prisma: Db;
let tmp: string;
let url: string;

async function freePort() {
  const s = createServer().listen(0);
  await new Promise((r) => s.once('listening', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 20_000) {
  for (const t0 = Date.now(); Date.now() - t0 < ms; await new Promise((r) => setTimeout(r, 100))) if (await ok()) return;
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ouderportaal-restart-'));
  url = `postgresql://postgres:postgres@localhost:${await freePort()}/ouderportaal_restart`;
  db = await ensureDatabase([url], { dataDir: path.join(tmp, 'pg') });
  vi.stubEnv('DATABASE_URL', url);
  // Two connections: both are in a transaction when the server dies, so a leaked one shows at once.
  vi.stubEnv('DB_POOL_SIZE', '2');
  prisma = createPrisma(url);
  await poolExec('create table t (id int primary key)', []);
}, 60_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await (globalThis as unknown as { rawPool?: { end(): Promise<void> } }).rawPool?.end();
  await db?.();
  rmSync(tmp, { recursive: true, force: true });
  if (db?.dataDir?.startsWith('/var/lib/ouderportaal/')) rmSync(path.dirname(db.dataDir), { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('the embedded PostgreSQL dies while the portal runs', () => {
  it('as root in a private folder, the data lives where user postgres can enter', () => {
    if (process.getuid?.() === 0) expect(db.dataDir).toMatch(/^\/var\/lib\/ouderportaal\/[0-9a-f]{12}\/pg$/);
    else expect(db.dataDir).toBe(path.join(tmp, 'pg'));
    expect(db.pid()).toBeGreaterThan(0);
  });

  it('readiness follows the database; pools and the half-done transaction recover; the watcher restarts it', async () => {
    const res = await ready();
    expect([res.status, await res.json()]).toEqual([200, { ok: true }]);
    // Idle connections in both pools: these are the ones that error when the server goes.
    await Promise.all(Array.from({ length: 5 }, () => poolExec('select pg_sleep(0.05)', [])));
    await prisma.$queryRaw`select 1`;

    const pid = db.pid()!;
    let inside = 0;
    let release!: () => void;
    const killed = new Promise<void>((r) => (release = r));
    const halfDone = [1, 2].map((id) =>
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`insert into t values (${id})`;
        inside++;
        await killed;
        await tx.$executeRaw`insert into t values (${id + 10})`;
      }),
    );
    await until('both transactions to be half-way', () => inside === 2);
    process.kill(pid, 'SIGKILL');
    await until('the postmaster to be gone', () => !db.pid());
    release();
    for (const r of await Promise.allSettled(halfDone)) expect(r.status).toBe('rejected');

    const down = await ready();
    expect([down.status, await down.json()]).toEqual([503, { ok: false }]);
    await expect(prisma.$queryRaw`select 1`).rejects.toThrow();

    const events: DatabaseEvent['kind'][] = [];
    const unwatch = db.watch((e) => events.push(e.kind));
    await until('the restart', () => events.includes('up'));
    unwatch();
    expect(events[0]).toBe('down');
    expect(db.pid()).not.toBe(pid);

    const up = await ready();
    expect([up.status, await up.json()]).toEqual([200, { ok: true }]);
    // Nothing of the interrupted transaction survived, and both pools work again without a restart.
    expect(await poolExec('select count(*)::int as n from t', [])).toEqual([{ n: 0 }]);
    // Both connections that died inside a transaction went back to the pool (a leak would hang here).
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('pool exhausted')), 5000));
    await Promise.race([
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`insert into t values (3)`;
      }),
      timeout,
    ]);
    expect(await prisma.$queryRaw`select id from t`).toEqual([{ id: 3 }]);
  }, 60_000);
});
