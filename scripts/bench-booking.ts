// `npm run bench:booking`: a board of 30 schools like De Distelvlinder, the production server, and a
// burst of 500 parents booking at the same moment. Prints throughput, latency percentiles, lost
// bookings and children booked twice, and the raw PostgreSQL ceiling (the same number of plain
// unique inserts via pg).
//
// What it times is the booking JSON API alone (POST /api/bookings with a session cookie): the
// parents do not sign in, their session rows and cookies are minted here directly, and no page or
// server action is loaded. It is the booking write path under contention, not what a parent's
// browser goes through at the opening minute: `npm run bench:opening` measures that real path
// (sign-in link, pages, booking) from one address.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { benchDatabaseUrl, freshBenchDatabase, runBench, startProductionServer } from './bench-db';
import { oneEvening, ownDemoFiles, schoolWithOpenRound } from './bench-school';

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 30);
const PARENTS = Number(process.env.BENCH_PARENTS ?? 500);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 5); // second run: the same number arriving within this window
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SECRET = 'bench-only-secret';
const url = benchDatabaseUrl('ouderportaal_bench');
const base = `http://localhost:${PORT}`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** 30 schools through the real import, each with an open well-being round for all groups. */
async function buildBoard() {
  process.env.DATABASE_URL = url;
  process.env.MAIL_WORKER = 'off';
  const { prisma } = await import('../lib/db');
  const board = await prisma.board.create({ data: { name: 'Bestuur Benchmark' } });
  for (let s = 0; s < SCHOOLS; s++) {
    // Same families, other people: every school gets its own addresses and pupil numbers.
    await schoolWithOpenRound({ boardId: board.id, name: `School ${s + 1}`, slug: `bench-${s}`, files: await ownDemoFiles(s), blocks: oneEvening() });
  }
  // 500 parents spread over the board, each booking one child: the rush of an opening evening.
  const children = await prisma.child.findMany({
    where: { guardianships: { some: { right: 'AUTHORITY' } } },
    orderBy: { pupilNumber: 'asc' },
    select: { id: true, schoolId: true, enrolments: { select: { groupId: true } }, guardianships: { where: { right: 'AUTHORITY' }, take: 1, select: { userId: true } } },
  });
  const step = Math.max(1, Math.floor(children.length / (2 * PARENTS)));
  const chosen = children.filter((_, i) => i % step === 0).slice(0, 2 * PARENTS);
  const rounds = await prisma.talkRound.findMany({ select: { id: true, schoolId: true } });
  const slots = await prisma.slot.findMany({ select: { id: true, groupId: true }, orderBy: { startsAt: 'asc' } });
  const counts = { schools: SCHOOLS, children: await prisma.child.count(), guardians: await prisma.membership.count({ where: { role: 'GUARDIAN' } }), slots: slots.length };
  // Sessions as a sign-in makes them (a row per browser, its id in the cookie): this bench measures
  // booking; bench:opening measures the sign-in that comes before it.
  const sessions = chosen.map((c) => ({ id: randomUUID(), userId: c.guardianships[0].userId }));
  await prisma.userSession.createMany({ data: sessions });
  await prisma.$disconnect();
  const { encode } = await import('next-auth/jwt');
  const parents = await Promise.all(
    chosen.map(async (c, i) => ({
      cookie: `next-auth.session-token=${await encode({ token: { sub: sessions[i].userId, sid: sessions[i].id }, secret: SECRET })}`,
      roundId: rounds.find((r) => r.schoolId === c.schoolId)!.id,
      childId: c.id,
      // Everyone wants the popular early evening: the first few slots of their group.
      wanted: slots.filter((s) => s.groupId === c.enrolments[0].groupId).slice(10, 16).map((s) => s.id),
    })),
  );
  return { parents, counts };
}


type Parent = Awaited<ReturnType<typeof buildBoard>>['parents'][number];

/** One parent: try the wanted slot; on "just taken" take the first alternative offered (up to 3 tries). */
async function parentBooks(p: Parent, i: number, latencies: number[]) {
  let slotId = p.wanted[i % p.wanted.length];
  for (let attempt = 0; attempt < 3; attempt++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/bookings`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: p.cookie }, body: JSON.stringify({ roundId: p.roundId, items: [{ childId: p.childId, slotId }] }) });
    const body = (await res.json()) as { bookings?: { id: string }[]; alternatives?: { slots: { id: string }[] }[] };
    latencies.push(performance.now() - t0);
    if (res.status === 201) return body.bookings![0].id;
    const next = body.alternatives?.[0]?.slots[0]?.id;
    if (res.status !== 409 || !next) return null;
    slotId = next;
  }
  return null;
}

async function run(title: string, group: Parent[], windowMs: number) {
  const latencies: number[] = [];
  const start = performance.now();
  const acknowledged = await Promise.all(
    group.map(async (p, i) => {
      if (windowMs) await new Promise((r) => setTimeout(r, (i / group.length) * windowMs));
      return parentBooks(p, i, latencies);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const ok = acknowledged.filter((x): x is string => !!x);
  console.log(`\n${title}: ${group.length} parents (${latencies.length} requests incl. retries after "just taken")`);
  console.log(`  booked            ${ok.length} of ${group.length} in ${seconds.toFixed(2)} s`);
  console.log(`  bookings/s        ${(ok.length / seconds).toFixed(0)}   (requests/s ${(latencies.length / seconds).toFixed(0)})`);
  console.log(`  latency p50       ${ms(pct(latencies, 50))}`);
  console.log(`  latency p95       ${ms(pct(latencies, 95))}`);
  console.log(`  latency p99       ${ms(pct(latencies, 99))}`);
  return { ok, requests: latencies.length, requestsPerSecond: latencies.length / seconds };
}

async function rawCeiling(n: number) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_raw (slot text PRIMARY KEY, child text NOT NULL)');
  await pool.query('TRUNCATE bench_raw');
  await Promise.all(Array.from({ length: 10 }, () => pool.query('SELECT 1')));
  const t0 = performance.now();
  // Half of them collide, like the parents above: the unique constraint decides.
  const results = await Promise.allSettled(Array.from({ length: n }, (_, i) => pool.query('INSERT INTO bench_raw (slot, child) VALUES ($1, $2)', [`s${i % Math.ceil(n * 0.75)}`, `c${i}`])));
  const seconds = (performance.now() - t0) / 1000;
  await pool.end();
  return { perSecond: n / seconds, ok: results.filter((r) => r.status === 'fulfilled').length };
}

async function main() {
  console.log('bench:booking times the booking JSON API (POST /api/bookings) with session cookies minted by this script:');
  console.log('no sign-in, no pages, no server actions. For the path a parent really takes at the opening minute, run bench:opening.\n');
  console.log(`Building a board of ${SCHOOLS} schools…`);
  const t0 = performance.now();
  const stopDb = await freshBenchDatabase('ouderportaal_bench');
  const { parents, counts } = await buildBoard();
  console.log(`  ${counts.schools} schools, ${counts.children} children, ${counts.guardians} guardians, ${counts.slots} slots (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const { server } = await startProductionServer(PORT, { DATABASE_URL: url, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: base, MAIL_WORKER: 'off' });
  try {
    // Warm up: compile the route and fill the connection pool, as a server that has been running would be.
    await Promise.all(parents.slice(0, 20).map((p) => fetch(`${base}/api/rounds/${p.roundId}/slots?childId=${p.childId}`, { headers: { cookie: p.cookie } })));

    const burst = await run('Burst: all at once', parents.slice(0, PARENTS), 0);
    const spread = await run(`Rush: arriving within ${WINDOW_S} s`, parents.slice(PARENTS), WINDOW_S * 1000);

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const stored = new Set((await db.query<{ id: string }>('SELECT id FROM "Booking"')).rows.map((r) => r.id));
    // Not counted: two talks in one slot and a parent in two talks starting at the same moment. The
    // primary keys SlotClaim(slotId) and GuardianTimeClaim(userId, startsAt) make both impossible, so
    // such a count could only ever print 0. A child may have a talk per household (the unique key is
    // roundId, childId, householdKey); here one parent books each child, so a second booking of a
    // child in a round would be the portal's mistake, not the database's.
    const doubleChildren = (await db.query('SELECT 1 FROM "Booking" GROUP BY "roundId", "childId" HAVING count(*) > 1')).rowCount ?? 0;
    await db.end();
    const acknowledged = [...burst.ok, ...spread.ok];
    const lost = acknowledged.filter((id) => !stored.has(id)).length + [...stored].filter((id) => !acknowledged.includes(id)).length;

    const raw = await rawCeiling(burst.requests);
    console.log(`\nCorrectness over both runs: lost bookings ${lost}, children booked twice in a round ${doubleChildren}`);
    console.log('  (two talks in one slot, or a parent in two talks at one start time, cannot be stored: primary keys; not counted)');
    console.log(`\nThe numbers above are the booking API on its own, with minted sessions; the opening minute is bench:opening.`);
    console.log(`\nRaw PostgreSQL ceiling: ${burst.requests} single-row inserts with a unique key via pg (pool of 10), all at once`);
    console.log(`  inserts/s         ${raw.perSecond.toFixed(0)}`);
    console.log(`  portal / raw      ${((burst.requestsPerSecond / raw.perSecond) * 100).toFixed(0)} % (booking requests/s in the burst against inserts/s)`);
  } finally {
    server.kill('SIGTERM');
    await stopDb();
  }
}

runBench(main);
