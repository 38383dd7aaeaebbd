// `npm run bench:opening`: the opening minute of a talk round, the way parents live it. A fresh
// database with one large school, the production server (WEB_CONCURRENCY processes), and N parents
// (default 500) who, spread over one minute and all from this one address (as behind a carrier's NAT):
// open the sign-in page, ask for a link through its form, take the link from the outbox, spend it
// through next-auth's callback like the link page's button, and book through the booking API.
// No session is minted here: a lockout on the way in shows up as refused sign-ins.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { benchDatabaseUrl, freshBenchDatabase, runBench, startProductionServer } from './bench-db';
import { dayFromNow, schoolWithOpenRound } from './bench-school';

const PARENTS = Number(process.env.BENCH_PARENTS ?? 500);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 60);
const PORT = Number(process.env.BENCH_PORT ?? 3201);
const PROCESSES = process.env.WEB_CONCURRENCY ?? '';
const url = benchDatabaseUrl('ouderportaal_opening');
const base = `http://localhost:${PORT}`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** The demo school twice over (other families, other parallel groups): a school of ~520 pupils. */
function largeSchoolCsv(files: { pupils: string; staff: string }) {
  const parallel = (g: string) => (/[A-Z]$/.test(g) ? g.slice(0, -1) + String.fromCharCode(g.charCodeAt(g.length - 1) + 2) : `${g}B`);
  const [head, ...rows] = files.pupils.trim().split(/\r?\n/);
  const copy = rows.map((r) => {
    const c = r.split(';');
    c[0] = `9${c[0]}`; // pupil number
    c[5] = parallel(c[5]); // group
    c[9] = c[9].replace('@', '+b@'); // guardian's address
    return c.join(';');
  });
  const [staffHead, ...staff] = files.staff.trim().split(/\r?\n/);
  const staffCopy = staff
    .filter((r) => !r.includes(';directeur;'))
    .map((r) => {
      const c = r.split(';');
      c[3] = c[3].replace('@', '+b@');
      c[5] = c[5].split(',').map((g) => g.trim()).filter(Boolean).map(parallel).join(',');
      return c.join(';');
    });
  return { pupils: [head, ...rows, ...copy].join('\n'), staff: [staffHead, ...staff, ...staffCopy].join('\n') };
}

async function buildSchool() {
  process.env.DATABASE_URL = url;
  process.env.MAIL_WORKER = 'off';
  const { prisma } = await import('../lib/db');
  const { demoSchoolCsv } = await import('../lib/school/demo-school');
  const board = await prisma.board.create({ data: { name: 'Bestuur Benchmark' } });
  // Two afternoons and evenings: every group's teacher has more moments than the group has families.
  const blocks = [7, 8].flatMap((d) => [{ startsAt: `${dayFromNow(d)}T14:00`, endsAt: `${dayFromNow(d)}T17:30` }, { startsAt: `${dayFromNow(d)}T18:30`, endsAt: `${dayFromNow(d)}T21:00` }]);
  const { schoolId, roundId, groups } = await schoolWithOpenRound({ boardId: board.id, name: 'De Grote Distelvlinder', slug: 'opening', files: largeSchoolCsv(demoSchoolCsv()), blocks });
  // One parent per child, each a different person (a parent of two books one of them here).
  const children = await prisma.child.findMany({
    where: { schoolId },
    orderBy: { pupilNumber: 'asc' },
    select: { id: true, enrolments: { select: { groupId: true } }, guardianships: { where: { right: 'AUTHORITY' }, select: { user: { select: { email: true } } } } },
  });
  const used = new Set<string>();
  const parents: { email: string; childId: string; groupId: string }[] = [];
  for (const c of children) {
    const g = c.guardianships.map((x) => x.user.email).find((e) => !used.has(e));
    if (!g) continue;
    used.add(g);
    parents.push({ email: g, childId: c.id, groupId: c.enrolments[0].groupId });
  }
  const slots = await prisma.slot.findMany({ where: { roundId }, select: { id: true, groupId: true }, orderBy: { startsAt: 'asc' } });
  const counts = { children: children.length, guardians: await prisma.membership.count({ where: { role: 'GUARDIAN' } }), groups, slots: slots.length };
  await prisma.$disconnect();
  if (parents.length < PARENTS) throw new Error(`only ${parents.length} distinct parents in the school`);
  // Everyone wants the same popular early-evening moments of their group's teacher.
  const wanted = (groupId: string) => slots.filter((s) => s.groupId === groupId).slice(6, 12).map((s) => s.id);
  return { roundId, parents: parents.slice(0, PARENTS).map((p) => ({ ...p, wanted: wanted(p.groupId) })), counts };
}


/** A browser's cookie jar for one origin, as far as this flow needs it. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  has(prefix: string) {
    return [...this.cookies.keys()].some((k) => k.includes(prefix));
  }
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The hidden fields Next renders into the sign-in form, so it posts without JavaScript like any browser would. */
function linkFormFields(html: string) {
  const form = html.split('<form').find((f) => f.includes('name="email"'));
  if (!form) throw new Error('no sign-in form on /inloggen');
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [decode(m[1]), decode(m[2] ?? '')] as const);
}

const alertText = (html: string) => html.match(/role="alert"[^>]*>([^<]+)/)?.[1];

type Outcome = { signedIn: boolean; signInMs?: number; steps?: number[]; bookingId?: string | null; bookingMs: number[]; refusedAt?: string };

async function parentArrives(p: { email: string; childId: string; wanted: string[] }, i: number, roundId: string, outbox: pg.Pool): Promise<Outcome> {
  const jar = new Jar();
  const t0 = performance.now();
  // 1. The sign-in page and its form.
  const page = await fetch(`${base}/inloggen`);
  jar.take(page);
  const body = new FormData();
  for (const [k, v] of linkFormFields(await page.text())) body.append(k, v);
  body.append('email', p.email);
  const tPage = performance.now();
  const asked = await fetch(`${base}/inloggen`, { method: 'POST', body, headers: { cookie: jar.header() } });
  const answer = await asked.text();
  const tAsked = performance.now();
  // 2. The link, from the outbox (the mail is written in the same transaction as the answer).
  const mail = await outbox.query<{ text: string }>(`SELECT text FROM "OutboxMail" WHERE "to" = $1 AND kind = 'sign_in_link' ORDER BY "createdAt" DESC LIMIT 1`, [p.email]);
  const token = mail.rows[0]?.text.match(/token=([\w-]+)/)?.[1];
  if (!token) return { signedIn: false, bookingMs: [], refusedAt: `link request: ${alertText(answer) ?? asked.status}` };
  // 3. The link page's button: next-auth's CSRF token, then the callback that sets the session.
  const tLink = performance.now();
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cb = await fetch(`${base}/api/auth/callback/email-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ token, csrfToken, callbackUrl: `${base}/`, json: 'true' }),
    redirect: 'manual',
  });
  jar.take(cb);
  await cb.arrayBuffer();
  if (!jar.has('session-token')) return { signedIn: false, bookingMs: [], refusedAt: `link spend (${cb.status})` };
  const signInMs = performance.now() - t0;
  const steps = [tPage - t0, tAsked - tPage, performance.now() - tLink];
  // 4. Book the wanted moment; on "just taken" one of the nearest free moments offered (up to five tries).
  const bookingMs: number[] = [];
  let slotId = p.wanted[i % p.wanted.length];
  for (let attempt = 0; attempt < 5; attempt++) {
    const t1 = performance.now();
    const res = await fetch(`${base}/api/bookings`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: jar.header() }, body: JSON.stringify({ roundId, items: [{ childId: p.childId, slotId }] }) });
    const json = (await res.json()) as { bookings?: { id: string }[]; alternatives?: { slots: { id: string }[] }[] };
    bookingMs.push(performance.now() - t1);
    if (res.status === 201) return { signedIn: true, signInMs, steps, bookingId: json.bookings![0].id, bookingMs };
    const offered = json.alternatives?.[0]?.slots ?? [];
    const next = offered[Math.floor(Math.random() * offered.length)]?.id;
    if (res.status !== 409 || !next) return { signedIn: true, signInMs, steps, bookingId: null, bookingMs, refusedAt: `booking (${res.status})` };
    slotId = next;
  }
  return { signedIn: true, signInMs, steps, bookingId: null, bookingMs, refusedAt: 'booking (taken five times)' };
}

async function main() {
  const t0 = performance.now();
  const stopDb = await freshBenchDatabase('ouderportaal_opening');
  const { roundId, parents, counts } = await buildSchool();
  console.log(`One school: ${counts.children} children, ${counts.guardians} guardians, ${counts.groups} groups, ${counts.slots} moments (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const { server } = await startProductionServer(PORT, { DATABASE_URL: url, NEXTAUTH_SECRET: 'bench-only-secret', NEXTAUTH_URL: base, SMTP_URL: '', MAIL_WORKER: 'on', ...(PROCESSES ? { WEB_CONCURRENCY: PROCESSES } : {}) });
  const outbox = new pg.Pool({ connectionString: url, max: 4 });
  try {
    await fetch(`${base}/inloggen`).then((r) => r.text()); // first render compiles nothing in production, but fills the pools
    console.log(`${parents.length} parents arrive within ${WINDOW_S} s from one address; server processes: ${PROCESSES || 'one per core'}`);
    const start = performance.now();
    const outcomes = await Promise.all(
      parents.map(async (p, i) => {
        await new Promise((r) => setTimeout(r, (i / parents.length) * WINDOW_S * 1000));
        try {
          return await parentArrives(p, i, roundId, outbox);
        } catch (e) {
          return { signedIn: false, bookingMs: [], refusedAt: `error: ${(e as Error).message}` } satisfies Outcome;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const stored = new Set((await db.query<{ id: string }>('SELECT id FROM "Booking"')).rows.map((r) => r.id));
    const doubleSlots = (await db.query('SELECT 1 FROM "SlotClaim" GROUP BY "slotId" HAVING count(*) > 1')).rowCount ?? 0;
    const doubleChildren = (await db.query('SELECT 1 FROM "Booking" GROUP BY "roundId", "childId" HAVING count(*) > 1')).rowCount ?? 0;
    await db.end();
    const acknowledged = outcomes.map((o) => o.bookingId).filter((x): x is string => !!x);
    const lost = acknowledged.filter((id) => !stored.has(id)).length + [...stored].filter((id) => !acknowledged.includes(id)).length;

    const signIn = outcomes.filter((o) => o.signedIn).map((o) => o.signInMs!);
    const booking = outcomes.flatMap((o) => o.bookingMs);
    const refusals = new Map<string, number>();
    for (const o of outcomes) if (o.refusedAt) refusals.set(o.refusedAt, (refusals.get(o.refusedAt) ?? 0) + 1);
    console.log(`\nOpening minute: ${parents.length} parents in ${seconds.toFixed(1)} s`);
    console.log(`  signed in         ${signIn.length} of ${parents.length}   refused ${parents.length - signIn.length}`);
    console.log(`  booked            ${acknowledged.length} of ${parents.length}   (${(acknowledged.length / seconds).toFixed(1)} bookings/s; ${booking.length} booking requests)`);
    console.log(`  sign-in  p50 ${ms(pct(signIn, 50))}   p95 ${ms(pct(signIn, 95))}   p99 ${ms(pct(signIn, 99))}   (page, link request, link spend)`);
    const step = (k: number) => outcomes.filter((o) => o.steps).map((o) => o.steps![k]);
    for (const [k, name] of ['sign-in page', 'link request', 'link spend'].entries())
      console.log(`    ${name.padEnd(14)} p50 ${ms(pct(step(k), 50))}   p95 ${ms(pct(step(k), 95))}`);
    console.log(`  booking  p50 ${ms(pct(booking, 50))}   p95 ${ms(pct(booking, 95))}   p99 ${ms(pct(booking, 99))}`);
    console.log(`  double bookings   ${doubleSlots + doubleChildren}`);
    console.log(`  lost bookings     ${lost}`);
    for (const [where, n] of refusals) console.log(`  not done: ${n} × ${where}`);
    if (lost || doubleSlots || doubleChildren) process.exitCode = 1;
  } finally {
    await outbox.end();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await stopDb();
  }
}

runBench(main);
