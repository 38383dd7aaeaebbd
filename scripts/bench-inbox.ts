// `npm run bench:inbox`: a school of 450 families (BENCH_FAMILIES; the demo school's families and part
// of a copy of them, through the real import) with a year of parent questions: 20,000 threads
// (BENCH_THREADS), each with its ReplyPromise and 1–4 messages, spread over the groups, the director's
// inbox and the months. Then:
// 1. in process, warm: the data of the staff inbox (lib/messages/queries.ts) for a teacher and the
//    director, and the director's reply-time figures (lib/messages/figures.ts);
// 2. over HTTP against the production server, the way a browser uses it: sign in through the password
//    form's endpoints (next-auth's CSRF token, then the credentials callback), then /berichten as the
//    teacher and as the director, and /directie/communicatie. Server time is the wall-clock time of
//    each request on this machine (request sent → last byte of the page over loopback; the portal
//    sends no Server-Timing header; when a proxy or the app adds one, its total is printed beside it).
//    Target: every median under 100 ms.
//
// Where it runs:
// - nothing set: a fresh database `ouderportaal_bench_inbox` on the embedded server, and the production
//   server started on BENCH_PORT (3202), built first when there is no build (like bench:opening);
// - DATABASE_URL: that (migrated) database instead; the bench school is added beside what is there;
// - BASE_URL (with DATABASE_URL, the database that server uses): that running server instead of starting one;
// - BENCH_HTTP=0: only the in-process part (no server).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { benchDatabaseUrl, freshBenchDatabase, median, runBench, startProductionServer } from './bench-db';
import { ownDemoFiles } from './bench-school';

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 450);
const THREADS = Number(process.env.BENCH_THREADS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const PORT = Number(process.env.BENCH_PORT ?? 3202);
const HTTP = process.env.BENCH_HTTP !== '0';
const PASSWORD = 'bench-inbox-wachtwoord';
const DB = 'ouderportaal_bench_inbox';
const DAY = 86_400_000;

/**
 * The demo school's families, then a copy of them in parallel groups (3A → 3C) with their own pupils
 * and addresses until the school has FAMILIES households (the import's household: a pupil's guardians
 * in one home, by their e-mail addresses).
 */
function schoolOfFamilies(files: { pupils: string; staff: string }) {
  const parallel = (g: string) => (/[A-Z]$/.test(g) ? g.slice(0, -1) + String.fromCharCode(g.charCodeAt(g.length - 1) + 2) : `${g}B`);
  const [head, ...rows] = files.pupils.trim().split(/\r?\n/);
  const copy = rows.map((r) => {
    const c = r.split(';');
    c[0] = `9${c[0]}`;
    c[5] = parallel(c[5]);
    c[9] = c[9].replace('@', '+b@');
    return c.join(';');
  });
  // Households so far; a copied pupil is taken (with all its rows) while there are fewer than FAMILIES.
  const homes = new Map<string, string[]>();
  const add = (r: string) => {
    const c = r.split(';');
    const k = `${c[0]}|${c[13] || '1'}`;
    homes.set(k, [...(homes.get(k) ?? []), c[9]]);
  };
  const count = () => new Set([...homes.values()].map((e) => [...e].sort().join())).size;
  rows.forEach(add);
  const taken: string[] = [];
  for (const pupil of [...new Set(copy.map((r) => r.split(';')[0]))]) {
    if (count() >= FAMILIES) break;
    const own = copy.filter((r) => r.split(';')[0] === pupil);
    own.forEach(add);
    taken.push(...own);
  }
  const groups = new Set(taken.map((r) => r.split(';')[5]));
  const [staffHead, ...staff] = files.staff.trim().split(/\r?\n/);
  const staffCopy = staff
    .filter((r) => !r.includes(';directeur;'))
    .map((r) => {
      const c = r.split(';');
      c[3] = c[3].replace('@', '+b@');
      c[5] = c[5].split(',').map((g) => g.trim()).filter(Boolean).map(parallel).filter((g) => groups.has(g)).join(',');
      return c.join(';');
    })
    .filter((r) => r.split(';')[5]);
  return { pupils: [head, ...rows, ...taken].join('\n'), staff: [staffHead, ...staff, ...staffCopy].join('\n') };
}

const dateKey = (d: Date) => d.toISOString().slice(0, 10);

async function buildSchool(url: string, now: Date) {
  const { prisma } = await import('../lib/db');
  const { importInto } = await import('../lib/import/apply');
  const { createDefaultStages } = await import('../lib/school/stages');
  const { hashPassword } = await import('../lib/auth/password');
  const tag = Date.now().toString(36);
  const board = await prisma.board.create({ data: { name: `Bestuur Inbox ${tag}` } });
  const school = await prisma.school.create({ data: { boardId: board.id, name: 'De Drukke Distelvlinder', slug: `bench-inbox-${tag}` } });
  // A school year that holds the whole year of questions up to today.
  const start = new Date(now.getTime() - 350 * DAY);
  const end = new Date(now.getTime() + 15 * DAY);
  const year = await prisma.schoolYear.create({ data: { schoolId: school.id, name: `${start.getUTCFullYear()}-${end.getUTCFullYear()}`, startDate: new Date(dateKey(start)), endDate: new Date(dateKey(end)) } });
  const own = await ownDemoFiles(Number.parseInt(tag.slice(-4), 36) % 9000 + 1000);
  await prisma.$transaction(async (tx) => {
    await createDefaultStages(tx, school.id);
    await importInto(tx, school.id, year.id, schoolOfFamilies(own));
  }, { timeout: 180_000 });

  // One guardianship per family (its household and one of its children), the group's first teacher.
  const families = await prisma.$queryRaw<{ householdId: string; userId: string; childId: string; groupId: string; teacherId: string | null }[]>`
    SELECT DISTINCT ON (gs."householdId") gs."householdId", gs."userId", gs."childId", e."groupId",
      (SELECT gt."userId" FROM "GroupTeacher" gt WHERE gt."groupId" = e."groupId" ORDER BY gt."userId" LIMIT 1) AS "teacherId"
    FROM "Guardianship" gs JOIN "Enrolment" e ON e."childId" = gs."childId" AND e."schoolYearId" = ${year.id}
    WHERE gs."schoolId" = ${school.id} AND gs.right = 'AUTHORITY'
    ORDER BY gs."householdId", gs."childId"`;
  const director = await prisma.membership.findFirstOrThrow({ where: { schoolId: school.id, role: 'DIRECTOR' }, include: { user: { select: { email: true } } } });
  const hash = await hashPassword(PASSWORD);
  const counts = {
    families: await prisma.household.count({ where: { schoolId: school.id } }),
    children: await prisma.child.count({ where: { schoolId: school.id } }),
    guardians: await prisma.membership.count({ where: { schoolId: school.id, role: 'GUARDIAN' } }),
    groups: await prisma.group.count({ where: { schoolId: school.id } }),
  };
  return { prisma, schoolId: school.id, yearStart: start, families, director, hash, counts, url };
}

/**
 * The year of questions, in SQL on one connection (a temporary table of the threads' moments, then one
 * INSERT … SELECT per table). Per thread, pseudo-randomly: a tenth go to the director's inbox; of the
 * others' answers most come within the promise (0.5–30 h), about 9% late, about 1% never (overdue now),
 * and half of the last two days' questions are still open and not yet due.
 */
async function loadQuestions(url: string, schoolId: string, from: Date, now: Date, families: { householdId: string; userId: string; childId: string; groupId: string; teacherId: string | null }[], directorId: string) {
  const db = new pg.Client({ connectionString: url, options: '-c TimeZone=UTC' });
  await db.connect();
  const col = <K extends keyof (typeof families)[number]>(k: K) => families.map((f) => f[k] ?? directorId);
  const run = (sql: string, params: unknown[] = []) => db.query(sql, params);
  await run(
    `CREATE TEMP TABLE bt AS
     WITH s AS (
       SELECT i, 1 + (i * 7919) % $2 AS f, i % 10 = 0 AS dir, abs(hashtext('r' || i)) % 1000 AS r,
              $3::timestamp + (i::float8 / $1) * ($4::timestamp - $3::timestamp) AS asked
       FROM generate_series(0, $1 - 1) i
     ), a AS (
       SELECT s.*, s.asked + interval '31 hours' AS due,
              CASE
                WHEN s.asked > $4::timestamp - interval '2 days' AND s.r < 500 THEN NULL
                WHEN s.r < 10 THEN NULL
                WHEN s.r < 100 THEN s.asked + interval '31 hours' + (s.r || ' hours')::interval
                ELSE s.asked + interval '30 minutes' + ((s.r % 59) * 30 || ' minutes')::interval
              END AS answered
       FROM s
     )
     SELECT a.*, CASE WHEN a.answered IS NULL THEN 1 ELSE 2 + a.r % 3 END AS msgs FROM a`,
    [THREADS, families.length, from.toISOString().replace('Z', ''), now.toISOString().replace('Z', '')],
  );
  await run(`UPDATE bt SET answered = LEAST(answered, $1::timestamp) WHERE answered IS NOT NULL`, [now.toISOString().replace('Z', '')]);
  await run(
    `INSERT INTO "Thread" (id, "schoolId", kind, inbox, "groupId", "childId", subject, "startedById", "replyDueAt", "lastMessageAt", "createdAt")
     SELECT 'bt' || i, $1, 'QUESTION', CASE WHEN dir THEN 'DIRECTOR' ELSE 'GROUP' END::"ThreadInbox",
            CASE WHEN dir THEN NULL ELSE ($2::text[])[f] END, CASE WHEN dir THEN NULL ELSE ($3::text[])[f] END,
            (ARRAY['Gymschoenen vergeten','Huiswerk rekenen','Schoolreisje','Luizencontrole','Verjaardag trakteren','Ziek geweest, wat gemist?','Ouderavond','Zwemles'])[1 + r % 8],
            ($4::text[])[f], CASE WHEN answered IS NULL THEN due END,
            COALESCE(answered + ((msgs - 2) || ' hours')::interval, asked), asked
     FROM bt`,
    [schoolId, col('groupId'), col('childId'), col('userId')],
  );
  await run(`INSERT INTO "ThreadHousehold" ("schoolId", "threadId", "householdId") SELECT $1, 'bt' || i, ($2::text[])[f] FROM bt`, [schoolId, col('householdId')]);
  await run(
    `INSERT INTO "ReplyPromise" (id, "schoolId", "threadId", "groupId", "askedAt", "countsFrom", "dueAt", "answeredAt", "answeredById")
     SELECT 'bp' || i, $1, 'bt' || i, CASE WHEN dir THEN NULL ELSE ($2::text[])[f] END, asked, asked, due, answered,
            CASE WHEN answered IS NULL THEN NULL WHEN dir THEN $4 ELSE ($3::text[])[f] END
     FROM bt`,
    [schoolId, col('groupId'), col('teacherId'), directorId],
  );
  // Parent, staff, parent, staff: the parent's question at `asked`, the first answer at `answered`.
  await run(
    `INSERT INTO "ThreadMessage" (id, "schoolId", "threadId", "authorId", "authorRole", body, "createdAt")
     SELECT 'bm' || i || '-' || k, $1, 'bt' || i,
            CASE WHEN k % 2 = 1 THEN ($2::text[])[f] WHEN dir THEN $4 ELSE ($3::text[])[f] END,
            CASE WHEN k % 2 = 1 THEN 'GUARDIAN' WHEN dir THEN 'DIRECTOR' ELSE 'TEACHER' END::"Role",
            CASE WHEN k % 2 = 1 THEN 'Goedemorgen, ik heb een vraag over deze week. Kunt u mij laten weten hoe het zit? Alvast bedankt.'
                 ELSE 'Dank voor uw bericht. Dat is geregeld; ik laat het u weten als er iets verandert.' END,
            CASE WHEN k = 1 THEN asked ELSE answered + ((k - 2) || ' hours')::interval END
     FROM bt CROSS JOIN LATERAL generate_series(1, msgs) k`,
    [schoolId, col('userId'), col('teacherId'), directorId],
  );
  await run('ANALYZE "Thread", "ThreadHousehold", "ReplyPromise", "ThreadMessage"');
  const { rows } = await run(`SELECT (SELECT count(*) FROM "Thread" WHERE "schoolId" = $1)::int AS threads, (SELECT count(*) FROM "ThreadMessage" WHERE "schoolId" = $1)::int AS messages,
    (SELECT count(*) FROM "ReplyPromise" WHERE "schoolId" = $1 AND "answeredAt" IS NULL)::int AS open`, [schoolId]);
  await db.end();
  return rows[0] as { threads: number; messages: number; open: number };
}

const fmt = (label: string, xs: number[], extra = '') =>
  `  ${label.padEnd(52)} median ${median(xs).toFixed(1).padStart(6)} ms   min ${Math.min(...xs).toFixed(1).padStart(6)}   max ${Math.max(...xs).toFixed(1).padStart(6)}${extra}`;

async function timed(run: () => Promise<unknown>) {
  await run(); // warm
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    xs.push(performance.now() - t);
  }
  return xs;
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
  has(part: string) {
    return [...this.cookies.keys()].some((k) => k.includes(part));
  }
}

/** What the password form does in the browser (next-auth's signIn('password')): CSRF token, then the credentials callback. */
async function signInWithPassword(base: string, email: string) {
  const jar = new Jar();
  const page = await fetch(`${base}/inloggen`);
  jar.take(page);
  await page.arrayBuffer();
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cb = await fetch(`${base}/api/auth/callback/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${base}/`, json: 'true' }),
    redirect: 'manual',
  });
  jar.take(cb);
  await cb.arrayBuffer();
  if (!jar.has('session-token')) throw new Error(`sign-in as ${email} refused (${cb.status})`);
  return jar;
}

/** A page as the browser asks it: wall-clock to the last byte, and the Server-Timing total when a header says it. */
async function timePage(base: string, jar: Jar, path: string) {
  const once = async () => {
    const t = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie: jar.header() }, redirect: 'manual' });
    const body = await res.text();
    const ms = performance.now() - t;
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.headers.get('location') ?? ''}`);
    const header = res.headers.get('server-timing');
    const serverMs = header ? [...header.matchAll(/dur=([\d.]+)/g)].reduce((s, m) => s + Number(m[1]), 0) : null;
    return { ms, serverMs, bytes: body.length };
  };
  await once(); // warm
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  const header = runs.every((r) => r.serverMs !== null) ? `   Server-Timing median ${median(runs.map((r) => r.serverMs!)).toFixed(1)} ms` : '';
  return { xs: runs.map((r) => r.ms), extra: `   ${(runs[0].bytes / 1024).toFixed(0)} KiB${header}` };
}

async function main() {
  const given = process.env.DATABASE_URL;
  if (process.env.BASE_URL && !given) throw new Error('BASE_URL needs DATABASE_URL: the database that server uses, where the bench school is added.');
  const stopDb = given ? async () => {} : await freshBenchDatabase(DB);
  const url = given ?? benchDatabaseUrl(DB);
  process.env.DATABASE_URL = url;
  process.env.MAIL_WORKER = 'off';
  const now = new Date();
  const t0 = performance.now();
  const s = await buildSchool(url, now);
  const { prisma } = s;
  const loaded = await loadQuestions(url, s.schoolId, s.yearStart, now, s.families, s.director.userId);
  console.log(`One school: ${s.counts.families} families, ${s.counts.children} children, ${s.counts.guardians} guardians, ${s.counts.groups} groups`);
  console.log(`A year of questions: ${loaded.threads} threads, ${loaded.messages} messages, ${loaded.open} unanswered (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  // The teacher of the busiest group inbox (duo colleagues share it), and the director; both sign in with a password.
  const [busiest] = await prisma.$queryRaw<{ groupId: string; name: string; n: number }[]>`
    SELECT t."groupId", g.name, count(*)::int AS n FROM "Thread" t JOIN "Group" g ON g.id = t."groupId"
    WHERE t."schoolId" = ${s.schoolId} AND t.inbox = 'GROUP' AND EXISTS (SELECT 1 FROM "GroupTeacher" gt WHERE gt."groupId" = t."groupId")
    GROUP BY 1, 2 ORDER BY n DESC LIMIT 1`;
  const teacherRow = await prisma.groupTeacher.findFirstOrThrow({ where: { groupId: busiest.groupId }, orderBy: { userId: 'asc' }, include: { user: { select: { email: true } } } });
  const teacherMembership = await prisma.membership.findFirstOrThrow({ where: { schoolId: s.schoolId, userId: teacherRow.userId, role: 'TEACHER' } });
  await prisma.user.updateMany({ where: { id: { in: [teacherRow.userId, s.director.userId] } }, data: { passwordHash: s.hash } });
  const teacher = { userId: teacherRow.userId, schoolId: s.schoolId, role: 'TEACHER' as const, membershipId: teacherMembership.id };
  const director = { userId: s.director.userId, schoolId: s.schoolId, role: 'DIRECTOR' as const, membershipId: s.director.id };

  const { replyFigures } = await import('../lib/messages/figures');
  const { staffInbox, inboxCounts } = await import('../lib/messages/queries');
  const rows: string[] = [];
  const figures = await replyFigures(director, undefined, now);
  rows.push(fmt(`inbox data, teacher of ${busiest.name} (${busiest.n} threads)`, await timed(() => Promise.all([staffInbox(teacher, {}, now), inboxCounts(teacher, now)]))));
  rows.push(fmt('inbox data, teacher, all threads', await timed(() => staffInbox(teacher, { filter: 'all' }, now))));
  rows.push(fmt('inbox data, director (whole school)', await timed(() => Promise.all([staffInbox(director, {}, now), inboxCounts(director, now)]))));
  rows.push(fmt('inbox data, director, all threads', await timed(() => staffInbox(director, { filter: 'all' }, now))));
  rows.push(fmt(`reply-time figures, school year (${figures.total.questions} questions)`, await timed(() => replyFigures(director, undefined, now))));
  rows.push(fmt(`reply-time figures, group ${busiest.name}`, await timed(() => replyFigures(director, { groupId: busiest.groupId }, now))));
  console.log(`\nIn process (data functions, warm; ${RUNS} runs each):`);
  for (const r of rows) console.log(r);
  console.log(`  (figures: ${figures.months.length} months, ${figures.groups.length} inboxes, ${figures.overdueCount} overdue now)`);
  await prisma.$disconnect();

  if (!HTTP) {
    console.log('\nBENCH_HTTP=0: pages over HTTP skipped.');
  } else {
    let server: Awaited<ReturnType<typeof startProductionServer>>['server'] | null = null;
    let base = process.env.BASE_URL?.replace(/\/$/, '');
    if (!base) {
      base = `http://localhost:${PORT}`;
      ({ server } = await startProductionServer(PORT, { DATABASE_URL: url, NEXTAUTH_SECRET: 'bench-only-secret', NEXTAUTH_URL: base, SMTP_URL: '', MAIL_WORKER: 'off' }));
    }
    try {
      const teacherJar = await signInWithPassword(base, teacherRow.user.email);
      const directorJar = await signInWithPassword(base, s.director.user.email);
      const pages: [string, Jar, string][] = [
        [`/berichten as teacher of ${busiest.name}`, teacherJar, '/berichten'],
        ['/berichten as director', directorJar, '/berichten'],
        ['/directie/communicatie', directorJar, '/directie/communicatie'],
      ];
      console.log(`\nOver HTTP, ${base} (signed in through the password form's endpoints; time = request sent → last byte on this machine; ${RUNS} runs each):`);
      for (const [label, jar, path] of pages) {
        const { xs, extra } = await timePage(base, jar, path);
        console.log(fmt(label, xs, extra));
      }
    } finally {
      server?.kill();
    }
  }
  await stopDb();
}

runBench(main);
