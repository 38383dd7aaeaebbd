// `npm start`: the whole portal on a fresh machine. Database (embedded unless DATABASE_URL is set),
// migrations, demo school on an empty database, production build when the sources changed,
// then `next start` on http://localhost:3000. Ctrl-C stops the server and the database cleanly.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DemoSettingError, firstRunPlan } from '../lib/setup/first-run';
import { baseDatabaseUrl, DatabaseSetupError, ensureDatabase } from './embedded-pg';
import { sourceStamp, STAMP_FILE } from './source-stamp';

const dev = process.argv.includes('--dev');
const PORT = Number(process.env.PORT ?? 3000);
const url = baseDatabaseUrl();
const log = (msg: string) => console.log(`[ouderportaal] ${msg}`);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

/** A secret for session tokens that survives restarts, kept out of the repository. */
function authSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve('.data/auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

let server: ChildProcess | undefined;
let stopDb: () => Promise<void> = async () => {};
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  await stopDb();
  log('stopped; the data is kept for the next start.');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main() {
  const t0 = Date.now();
  log(process.env.DATABASE_URL ? `using the database at ${new URL(url).host}` : 'starting the embedded PostgreSQL…');
  const db = await ensureDatabase([url]);
  stopDb = db;
  if (db.dataDir) {
    log(`PostgreSQL data in ${db.dataDir}`);
    // The portal keeps answering ("briefly out of reach") while the database is gone; bring it back.
    db.watch((e) =>
      log(e.kind === 'down' ? 'PostgreSQL stopped unexpectedly; starting it again…' : e.kind === 'up' ? `PostgreSQL is back after ${(e.downForMs / 1000).toFixed(1)} s.` : `PostgreSQL did not start yet: ${e.error}`),
    );
  }
  const env = { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' };

  log('applying migrations…');
  run('npx', ['prisma', 'migrate', 'deploy'], env);

  // The demo school is for the newcomer on the embedded database; a real installation (DATABASE_URL,
  // or DEMO=0) starts empty and gets a one-time setup link instead (lib/setup/first-run.ts).
  const asGiven = { DATABASE_URL: process.env.DATABASE_URL, DEMO: process.env.DEMO };
  process.env.DATABASE_URL = url;
  const { prisma } = await import('../lib/db');
  const first = firstRunPlan(asGiven, (await prisma.school.count()) > 0);
  let setupToken: string | null = null;
  if (first.kind === 'demo') {
    const { seedDemoSchool } = await import('../prisma/seed');
    const t1 = Date.now();
    await seedDemoSchool();
    log(`demo school created in ${((Date.now() - t1) / 1000).toFixed(1)} s.`);
  } else if (first.kind === 'setup') {
    const { issueSetupToken } = await import('../lib/setup/service');
    setupToken = await issueSetupToken();
    log('no school yet and no demo: the setup link is printed when the portal is ready.');
  } else {
    log(asGiven.DEMO === '1' ? 'DEMO=1, but the database already has schools; not seeding.' : 'database already has data; not seeding.');
  }
  // The demo logins are shown only when the demo school is what this database serves.
  const demoServed = (await prisma.school.count({ where: { slug: 'distelvlinder' } })) > 0;
  await prisma.$disconnect();
  delete process.env.MAIL_WORKER;

  const appEnv = {
    ...env,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${PORT}`,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  if (!dev) {
    const stamp = sourceStamp();
    if (!existsSync('.next/BUILD_ID') || !existsSync(STAMP_FILE) || readFileSync(STAMP_FILE, 'utf8') !== stamp) {
      log('building the production app (first start or changed sources)…');
      run('npx', ['next', 'build'], appEnv);
      writeFileSync(STAMP_FILE, stamp);
    }
  }

  // Next itself, not through npx: on Ctrl-C we wait for the server to have exited before the
  // database stops (through npx the server outlived its wrapper and its mail worker lost the database).
  // Production: our own server (scripts/server.mjs), WEB_CONCURRENCY processes behind one port.
  // Development serves this machine only: next dev has no edge in front that sets the client's address.
  const args = dev ? [path.resolve('node_modules/next/dist/bin/next'), 'dev', '-H', '127.0.0.1', '-p', String(PORT)] : [path.resolve('scripts/server.mjs')];
  server = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...appEnv, PORT: String(PORT) } });
  server.on('exit', (code) => void shutdown(code ?? 0));
  await waitFor(`http://localhost:${PORT}/api/health`);
  const logins = demoServed ? (await import('../lib/school/demo-school')).DEMO_LOGINS : null;
  console.log(banner(appEnv.NEXTAUTH_URL, logins, setupToken, Date.now() - t0));
}

async function waitFor(target: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(target)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${target} did not answer`);
}

type Login = { email: string; password?: string };
function banner(base: string, logins: Record<string, Login> | null, setupToken: string | null, ms: number) {
  const rows = Object.entries(logins ?? {}).map(([who, l]) => `   ${who.padEnd(24)} ${l.email.padEnd(32)} ${l.password ? `password: ${l.password}` : 'e-mail sign-in link'}`);
  const origin = base.replace(/\/$/, '');
  return [
    '',
    `  Ouderportaal is running at ${base}  (ready in ${(ms / 1000).toFixed(1)} s; Ctrl-C stops it)`,
    '',
    ...(logins ? ['  Demo logins (De Distelvlinder):', ...rows, ''] : []),
    ...(setupToken
      ? [
          '  No school yet. Set up the first school (board, school, director) with this one-time link,',
          '  valid for 24 hours; a new start prints a new one:',
          '',
          `   ${origin}/setup?token=${setupToken}`,
          '',
          '  Without a browser: npm run school -- create --help',
          '',
        ]
      : []),
    process.env.SMTP_URL
      ? '  Mail is sent over SMTP_URL.'
      : `  No SMTP_URL: sign-in links are printed here and shown at ${base}/demo/mail`,
    '',
  ].join('\n');
}

main().catch(async (e) => {
  // A setup problem the newcomer can fix is one sentence, not a stack trace.
  console.error(e instanceof DatabaseSetupError || e instanceof DemoSettingError ? `[ouderportaal] ${e.message}` : e);
  await shutdown(1);
});
