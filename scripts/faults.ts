// `npm run test:faults`: PostgreSQL dies in the middle of a booking rush and comes back. Its own
// embedded server and a fresh database, the production server, parents booking through the real
// HTTP API and retrying what failed; the postmaster is SIGKILLed mid-burst and restarted by the same
// watcher `npm start` uses. Reports what the parents saw and checks what the database kept:
// every 201 is stored (no lost bookings), nothing is double, the server process survived and
// answers again without a restart. Exits non-zero when any of that fails.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Database, DatabaseEvent } from './embedded-pg';

// Never the embedded server everyone else uses: this one gets killed.
const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? Number(process.env.PGPORT_EMBEDDED ?? 54329) + 20);
process.env.PGPORT_EMBEDDED = String(PG_PORT);
process.env.PGDATA_EMBEDDED = path.resolve(process.env.FAULTS_PGDATA ?? '.data/pg-faults');

const SCHOOLS = Number(process.env.FAULTS_SCHOOLS ?? 3);
const PARENTS = Number(process.env.FAULTS_PARENTS ?? 200);
const WINDOW_MS = Number(process.env.FAULTS_WINDOW_S ?? 8) * 1000; // parents arrive over this window
const KILL_AFTER_MS = Number(process.env.FAULTS_KILL_AFTER_S ?? 2.5) * 1000;
const RETRY_FOR_MS = 60_000; // a parent keeps trying this long after a failure
const PORT = Number(process.env.PORT ?? 3210);
const SECRET = 'faults-only-secret';
const base = `http://localhost:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Parent = { cookie: string; roundId: string; childId: string; wanted: string[] };

/** A few schools through the real import, each with an open round; sessions as a sign-in makes them. */
async function buildWorld(url: string) {
  process.env.DATABASE_URL = url;
  process.env.MAIL_WORKER = 'off';
  const { prisma } = await import('../lib/db');
  const { oneEvening, ownDemoFiles, schoolWithOpenRound } = await import('./bench-school');
  const board = await prisma.board.create({ data: { name: 'Bestuur Storingen' } });
  for (let s = 0; s < SCHOOLS; s++) {
    await schoolWithOpenRound({ boardId: board.id, name: `School ${s + 1}`, slug: `faults-${s}`, files: await ownDemoFiles(s), blocks: oneEvening() });
  }
  const children = await prisma.child.findMany({
    where: { guardianships: { some: { right: 'AUTHORITY' } } },
    orderBy: { pupilNumber: 'asc' },
    select: { id: true, schoolId: true, enrolments: { select: { groupId: true } }, guardianships: { where: { right: 'AUTHORITY' }, take: 1, select: { userId: true } } },
  });
  // One child per guardian, so a retried request can only collide with its own earlier attempt.
  const seen = new Set<string>();
  const chosen = children.filter((c) => !seen.has(c.guardianships[0].userId) && seen.add(c.guardianships[0].userId)).slice(0, PARENTS + 1);
  const rounds = await prisma.talkRound.findMany({ select: { id: true, schoolId: true } });
  const slots = await prisma.slot.findMany({ select: { id: true, groupId: true }, orderBy: { startsAt: 'asc' } });
  const sessions = chosen.map((c) => ({ id: randomUUID(), userId: c.guardianships[0].userId }));
  await prisma.userSession.createMany({ data: sessions });
  await prisma.$disconnect();
  const { encode } = await import('next-auth/jwt');
  return Promise.all(
    chosen.map(async (c, i): Promise<Parent> => ({
      cookie: `next-auth.session-token=${await encode({ token: { sub: sessions[i].userId, sid: sessions[i].id }, secret: SECRET })}`,
      roundId: rounds.find((r) => r.schoolId === c.schoolId)!.id,
      childId: c.id,
      // The rush wants the popular early evening; the one booking after the outage takes the last slot of its group.
      wanted: (i < PARENTS ? slots.filter((s) => s.groupId === c.enrolments[0].groupId).slice(10, 16) : slots.filter((s) => s.groupId === c.enrolments[0].groupId).reverse()).map((s) => s.id),
    })),
  );
}


type Seen = { at: number; status: number | 'network' };

/**
 * One parent as a well-behaved client: book the wanted slot; on "just taken" take the alternative;
 * on a server error or no answer wait and send the same request again. A retry that finds the child
 * already booked means an earlier attempt did go through (its answer was lost).
 */
async function parentBooks(p: Parent, i: number, seen: Seen[]) {
  let slotId = p.wanted[i % p.wanted.length];
  const until = () => performance.now() + RETRY_FOR_MS;
  let deadline = until();
  let failedBefore = false;
  while (performance.now() < deadline) {
    let status: number | 'network' = 'network';
    let body: { bookings?: { id: string }[]; error?: string; alternatives?: { slots: { id: string }[] }[] } = {};
    try {
      const res = await fetch(`${base}/api/bookings`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: p.cookie }, body: JSON.stringify({ roundId: p.roundId, items: [{ childId: p.childId, slotId }] }), signal: AbortSignal.timeout(15_000) });
      status = res.status;
      body = await res.json().catch(() => ({}));
    } catch {
      /* connection refused, reset or timed out */
    }
    seen.push({ at: performance.now(), status });
    if (status === 201) return { id: body.bookings![0].id, retried: failedBefore };
    if (status === 409 && body.error === 'CHILD_ALREADY_BOOKED') return { id: null, retried: failedBefore, alreadyBooked: true };
    const next = body.alternatives?.[0]?.slots[0]?.id;
    if (status === 409 && next) {
      slotId = next;
      continue;
    }
    if (status === 409 || status === 400 || status === 403 || status === 404) return { id: null, retried: failedBefore, refused: `${status} ${body.error ?? ''}`.trim(), status };
    // 5xx, 503, no answer, and 401 (a session that cannot be checked while the database is away)
    if (!failedBefore) deadline = until();
    failedBefore = true;
    await sleep(500 + Math.random() * 500);
  }
  return { id: null, retried: failedBefore, gaveUp: true };
}

async function main() {
  if (process.env.DATABASE_URL) throw new Error('test:faults kills its own embedded PostgreSQL; unset DATABASE_URL.');
  const { freshBenchDatabase, benchDatabaseUrl, startProductionServer } = await import('./bench-db');
  const url = benchDatabaseUrl('ouderportaal_faults');
  const probe = new pg.Client({ connectionString: url.replace(/\/ouderportaal_faults$/, '/postgres') });
  probe.on('error', () => {});
  if (await probe.connect().then(() => true, () => false)) {
    await probe.end();
    throw new Error(`Something already answers on port ${PG_PORT}; test:faults kills its database, so it needs a port of its own (FAULTS_PG_PORT).`);
  }
  console.log(`Fresh database on its own embedded PostgreSQL (port ${PG_PORT}); ${SCHOOLS} schools…`);
  const db: Database = await freshBenchDatabase('ouderportaal_faults');
  const parents = await buildWorld(url);
  const late = parents.pop()!; // books after the outage: proves the server recovered by itself
  // One process: whether "the server" survived is then a fact about the process, not a worker the primary replaced.
  // The mail worker and the periodic jobs stay on: they hit the database during the outage too.
  const { server, stderr } = await startProductionServer(PORT, { DATABASE_URL: url, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: base, MAIL_WORKER: 'on', WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '1' });
  let serverDied: string | null = null;
  server.on('exit', (code, signal) => (serverDied = `exit ${code ?? signal}`));

  const events: { at: number; e: DatabaseEvent }[] = [];
  const unwatch = db.watch((e) => {
    events.push({ at: performance.now(), e });
    console.log(`  [watch] PostgreSQL ${e.kind === 'down' ? 'is gone' : e.kind === 'up' ? `is back after ${(e.downForMs / 1000).toFixed(1)} s` : `did not start yet (${e.error.slice(0, 80)})`}`);
  });
  try {
    // Warm up: compile the route, fill both connection pools.
    await Promise.all(parents.slice(0, 20).map((p) => fetch(`${base}/api/rounds/${p.roundId}/slots?childId=${p.childId}`, { headers: { cookie: p.cookie } })));

    console.log(`\n${parents.length} parents book within ${WINDOW_MS / 1000} s; PostgreSQL is killed after ${KILL_AFTER_MS / 1000} s`);
    const seen: Seen[] = [];
    const t0 = performance.now();
    let killedAt = 0;
    const killer = sleep(KILL_AFTER_MS).then(() => {
      const pid = db.pid()!;
      killedAt = performance.now();
      process.kill(pid, 'SIGKILL');
      console.log(`  [fault] SIGKILL to the postmaster (pid ${pid}) at ${((killedAt - t0) / 1000).toFixed(1)} s`);
    });
    const outcomes = await Promise.all(
      parents.map(async (p, i) => {
        await sleep((i / parents.length) * WINDOW_MS);
        return parentBooks(p, i, seen);
      }),
    );
    await killer;
    const upAt = events.find((x) => x.e.kind === 'up')?.at ?? Infinity;

    // Recovered without a restart: readiness and a new booking on the same server process.
    const ready = await fetch(`${base}/api/ready`).then((r) => r.status, () => 'network');
    const lateOutcome = await parentBooks(late, 0, []);

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const stored = new Set((await c.query<{ id: string }>('SELECT id FROM "Booking"')).rows.map((r) => r.id));
    const doubleSlots = (await c.query('SELECT 1 FROM "SlotClaim" GROUP BY "slotId" HAVING count(*) > 1')).rowCount ?? 0;
    const doubleChildren = (await c.query('SELECT 1 FROM "Booking" GROUP BY "roundId", "childId" HAVING count(*) > 1')).rowCount ?? 0;
    const busyParents = (await c.query('SELECT 1 FROM "GuardianTimeClaim" GROUP BY "userId", "startsAt" HAVING count(*) > 1')).rowCount ?? 0;
    const halfWritten = (await c.query('SELECT 1 FROM "Booking" b WHERE NOT EXISTS (SELECT 1 FROM "SlotClaim" s WHERE s."bookingId" = b.id)')).rowCount ?? 0;
    await c.end();

    const acknowledged = [...outcomes, lateOutcome].map((o) => o.id).filter((x): x is string => !!x);
    const lost = acknowledged.filter((id) => !stored.has(id)).length;
    const double = doubleSlots + doubleChildren + busyParents;
    const errors = seen.filter((s) => s.status === 'network' || (typeof s.status === 'number' && s.status >= 400 && s.status !== 409));
    const byStatus = (xs: Seen[]) => Object.entries(xs.reduce<Record<string, number>>((m, s) => ((m[s.status] = (m[s.status] ?? 0) + 1), m), {})).map(([k, n]) => `${k}×${n}`).join(', ') || 'none';
    const inOutage = errors.filter((s) => s.at >= killedAt && s.at <= upAt + 5000);
    const outside = errors.filter((s) => !inOutage.includes(s));
    if (process.env.FAULTS_DEBUG) console.log(outside.map((s) => `${s.status}@${((s.at - killedAt) / 1000).toFixed(2)}s`).join(' '));
    // A booking, or a domain answer such as "just taken": either way the request went through the database.
    const lateAnswered = !!lateOutcome.id || ('status' in lateOutcome && lateOutcome.status === 409);
    const recovered = ready === 200 && lateAnswered && !serverDied;

    console.log(`\nOutage: ${Number.isFinite(upAt) ? `${((upAt - killedAt) / 1000).toFixed(1)} s from the kill until PostgreSQL answered again` : 'PostgreSQL did not come back'}`);
    console.log(`  requests            ${seen.length} (${parents.length} parents, retries included)`);
    console.log(`  answered 201        ${seen.filter((s) => s.status === 201).length}`);
    console.log(`  booked              ${outcomes.filter((o) => o.id).length} of ${parents.length} (${outcomes.filter((o) => o.id && o.retried).length} after retrying)`);
    console.log(`  booked, answer lost ${outcomes.filter((o) => 'alreadyBooked' in o).length} (a retry found the child booked: stored, never confirmed)`);
    console.log(`  gave up             ${outcomes.filter((o) => 'gaveUp' in o).length}`);
    const refused = [...outcomes, lateOutcome].flatMap((o) => ('refused' in o && o.refused ? [o.refused] : []));
    console.log(`  refused             ${Object.entries(refused.reduce<Record<string, number>>((m, r) => ((m[r] = (m[r] ?? 0) + 1), m), {})).map(([k, n]) => `${k}×${n}`).join(', ') || 'none'}`);
    console.log(`  errors in outage    ${byStatus(inOutage)}`);
    console.log(`  errors otherwise    ${byStatus(outside)}`);
    if (inOutage.some((s) => s.status === 401)) console.log('  note: 401 means the session could not be checked while the database was away; a client would send the parent to sign in (503 would be right).');
    console.log(`\nCorrectness`);
    console.log(`  lost bookings       ${lost} (a 201 the database does not have)`);
    console.log(`  double bookings     ${double}`);
    console.log(`  half-written        ${halfWritten} (a booking without its slot)`);
    console.log(`  server process      ${serverDied ? `DIED (${serverDied})` : 'kept running'}`);
    console.log(`  recovered           ${recovered ? `yes, without a restart (/api/ready 200, a new booking answered ${lateOutcome.id ? '201' : lateOutcome.refused})` : `NO (/api/ready ${ready}, new booking ${lateAnswered ? 'answered' : 'failed'})`}`);
    if (serverDied) console.log(`\nServer stderr (last lines):\n${stderr()}`);
    if (lost || double || halfWritten || serverDied || !recovered) process.exitCode = 1;
  } finally {
    unwatch();
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    await db();
  }
}

const { runBench } = await import('./bench-db');
runBench(main);
