// `npm run bench:reach`: a board of 30 schools (BENCH_SCHOOLS) with 8,000 children (BENCH_CHILDREN) in
// all, each school with 16 groups, siblings in one household, two guardians in most families, one in ten
// separated, and a year of activity, loaded in SQL per school: sign-in sessions, two talk rounds with
// bookings (a few no-shows), a published charter and its acknowledgements, mail with some addresses
// bouncing, two surveys with invitations, four meetings with attendance, forty announcements with reads.
// Then:
// 1. in process, warm: the reach view's data (lib/reach/families.ts reachView: every family's signals,
//    per-group totals, the month trend) per school, as the director; median and max over the schools.
//    Target: under 200 ms per school.
// 2. over HTTP (as bench:inbox does): the director of three schools signs in through the password form's
//    endpoints; /directie/bereik and the director's home (the year at a glance) are timed (request sent →
//    last byte on this machine).
//
// Where it runs: nothing set, a fresh database `ouderportaal_bench_reach` on the embedded server and the
// production server on BENCH_PORT (3203), built first when there is no build; DATABASE_URL: that
// (migrated) database, the board added beside what is there; BASE_URL (with DATABASE_URL): that running
// server; BENCH_HTTP=0: only the in-process part.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { benchDatabaseUrl, freshBenchDatabase, median, runBench, startProductionServer } from './bench-db';

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 30);
const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 8000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3203);
const HTTP = process.env.BENCH_HTTP !== '0';
const PASSWORD = 'bench-reach-wachtwoord';
const DB = 'ouderportaal_bench_reach';
const DAY = 86_400_000;
const GROUPS = 16;

/** One school's pupils, families and year of activity; every id starts with `p` so schools never collide. */
async function loadSchool(db: pg.Client, boardId: string, p: string, children: number, now: Date, hash: string) {
  const run = (sql: string, params: unknown[] = []) => db.query(sql, params);
  const ts = (d: Date) => d.toISOString();
  const yearStart = new Date(now.getTime() - 300 * DAY);
  const yearEnd = new Date(now.getTime() + 60 * DAY);
  const school = `${p}school`;
  await run(`INSERT INTO "School" (id, "boardId", name, slug) VALUES ($1, $2, $3, $4)`, [school, boardId, `Basisschool ${p}`, `bench-reach-${p}`]);
  await run(`INSERT INTO "SchoolYear" (id, "schoolId", name, "startDate", "endDate") VALUES ($1, $2, 'bench', $3::date, $4::date)`, [`${p}y`, school, ts(yearStart).slice(0, 10), ts(yearEnd).slice(0, 10)]);
  await run(
    `INSERT INTO "Group" (id, "schoolId", "schoolYearId", name, grade)
     SELECT $1 || 'g' || j, $2, $1 || 'y', ((j + 1) / 2) || CASE WHEN j % 2 = 1 THEN 'A' ELSE 'B' END, (j + 1) / 2 FROM generate_series(1, ${GROUPS}) j`,
    [p, school],
  );
  // Children; every fifth shares the household of the one before (siblings). Family f: guardian a, and b
  // in seven of ten families; b lives apart (own household) in one of ten.
  await run(
    `CREATE TEMP TABLE kids ON COMMIT DROP AS
     SELECT i, CASE WHEN i % 5 = 1 THEN i - 1 ELSE i END AS f, 1 + i % ${GROUPS} AS g FROM generate_series(0, $1 - 1) i`,
    [children],
  );
  await run(`CREATE TEMP TABLE fams ON COMMIT DROP AS SELECT DISTINCT f, f % 10 < 7 AS two, f % 10 = 3 AS apart FROM kids`);
  await run(
    `INSERT INTO "Child" (id, "schoolId", "pupilNumber", "firstName", "lastName", "dateOfBirth", "updatedAt")
     SELECT $1 || 'c' || i, $2, 'P' || i, (ARRAY['Sanne','Daan','Noor','Liam','Emma','Finn','Julia','Sem','Tess','Lucas'])[1 + i % 10], 'Kind' || i, DATE '2016-01-01' + (i % 2000), now() FROM kids`,
    [p, school],
  );
  await run(`INSERT INTO "Enrolment" (id, "schoolId", "schoolYearId", "childId", "groupId") SELECT $1 || 'e' || i, $2, $1 || 'y', $1 || 'c' || i, $1 || 'g' || g FROM kids`, [p, school]);
  await run(
    `INSERT INTO "Household" (id, "schoolId", key) SELECT $1 || 'h' || f, $2, 'h' || f FROM fams
     UNION ALL SELECT $1 || 'h' || f || 'b', $2, 'h' || f || 'b' FROM fams WHERE apart`,
    [p, school],
  );
  await run(
    `CREATE TEMP TABLE parents ON COMMIT DROP AS
     SELECT f, 'a' AS k, $1 || 'u' || f || 'a' AS uid, $1 || 'h' || f AS hid FROM fams
     UNION ALL SELECT f, 'b', $1 || 'u' || f || 'b', $1 || 'h' || f || CASE WHEN apart THEN 'b' ELSE '' END FROM fams WHERE two`,
    [p],
  );
  await run(
    `INSERT INTO "User" (id, email, "firstName", "lastName", locale)
     SELECT uid, uid || '@bench-reach.test', CASE WHEN k = 'a' THEN 'Ouder' ELSE 'Tweede' END, 'Gezin' || f,
            CASE WHEN f % 13 = 0 THEN 'en' WHEN f % 17 = 0 THEN 'tr' ELSE 'nl' END FROM parents`,
  );
  await run(`INSERT INTO "Membership" (id, "schoolId", "userId", role) SELECT 'm' || uid, $1, uid, 'GUARDIAN' FROM parents`, [school]);
  await run(
    `INSERT INTO "Guardianship" (id, "schoolId", "childId", "userId", "householdId", relation)
     SELECT 'gs' || k.i || pa.k || $1, $2, $1 || 'c' || k.i, pa.uid, pa.hid, CASE WHEN pa.k = 'a' THEN 'moeder' ELSE 'vader' END
     FROM kids k JOIN parents pa ON pa.f = k.f`,
    [p, school],
  );
  const director = `${p}director`;
  await run(`INSERT INTO "User" (id, email, "firstName", "lastName", "passwordHash") VALUES ($1::text, $1::text || '@bench-reach.test', 'Directeur', $2, $3)`, [director, p, hash]);
  await run(`INSERT INTO "Membership" (id, "schoolId", "userId", role) VALUES ($1, $2, $3, 'DIRECTOR')`, [`m${director}`, school, director]);

  // A year of activity. h(x) is a stable pseudo-random 0–99 per row.
  const h = (x: string) => `(abs(hashtext(${x})) % 100)`;
  const span = (from: string, to: string) => `(${to}::timestamptz - ${from}::timestamptz)`;
  await run(
    `INSERT INTO "UserSession" (id, "userId", "createdAt", "lastSeenAt")
     SELECT 's' || pa.uid || '-' || n, pa.uid, t, t
     FROM parents pa CROSS JOIN generate_series(1, 1 + ${h('pa.uid')} % 4) n
     CROSS JOIN LATERAL (SELECT $1::timestamptz + ${span('$1', '$2')} * (${h(`pa.uid || n`)} / 100.0) AS t) x
     WHERE ${h(`'s' || pa.uid`)} < 85`,
    [ts(yearStart), ts(now)],
  );
  // As openSession leaves it: the first sign-in on the user (older session rows would have been pruned).
  await run(`UPDATE "User" u SET "firstSignedInAt" = s.at FROM (SELECT "userId", min("createdAt") AS at FROM "UserSession" WHERE "userId" LIKE $1 || '%' GROUP BY "userId") s WHERE s."userId" = u.id`, [`${p}u`]);
  await run(
    `INSERT INTO "StageDefinition" (id, "schoolId", position, key, name, period, "durationMinutes", "mandatoryGrades")
     VALUES ($1 || 'st', $2, 1, 'report_1', 'Rapportgesprek', 'november', 10, '{1,2,3,4,5,6,7,8}')`,
    [p, school],
  );
  for (const [r, opensDaysAgo] of [[1, 200], [2, 40]] as const) {
    const opens = new Date(now.getTime() - opensDaysAgo * DAY);
    await run(
      `INSERT INTO "TalkRound" (id, "schoolId", "stageId", name, "slotMinutes", "opensAt", deadline, "createdById")
       VALUES ($1 || 'r' || $3, $2, $1 || 'st', 'Ronde ' || $3, 10, $4::timestamptz, $4::timestamptz + interval '14 days', $5)`,
      [p, school, r, ts(opens), director],
    );
    await run(`INSERT INTO "RoundGroup" ("roundId", "schoolId", "groupId") SELECT $1 || 'r' || $3, $2, $1 || 'g' || j FROM generate_series(1, ${GROUPS}) j`, [p, school, r]);
    await run(
      `INSERT INTO "Booking" (id, "schoolId", "roundId", "childId", "bookedById", attendance, "createdAt")
       SELECT $1 || 'b' || $3 || '-' || k.i, $2, $1 || 'r' || $3, $1 || 'c' || k.i, $1 || 'u' || k.f || 'a',
              (CASE WHEN ${h(`'n' || $3 || k.i`)} < 4 THEN 'NO_SHOW' WHEN ${r} = 1 THEN 'HELD' ELSE 'EXPECTED' END)::"Attendance",
              $4::timestamptz + (${h(`'t' || k.i`)} % 14) * interval '1 day'
       FROM kids k WHERE ${h(`'b' || $3 || k.i`)} < 88`,
      [p, school, r, ts(opens)],
    );
  }
  await run(
    `INSERT INTO "CharterVersion" (id, "schoolId", number, title, intro, "publishedAt", "createdById") VALUES ($1 || 'cv', $2, 1, 'Afspraken', '', $3::timestamptz + interval '20 days', $4)`,
    [p, school, ts(yearStart), director],
  );
  await run(
    `INSERT INTO "CharterAcknowledgement" ("versionId", "schoolId", "userId", "acknowledgedAt")
     SELECT $1 || 'cv', $2, uid, $3::timestamptz + interval '21 days' + (${h(`'ak' || uid`)} * 2) * interval '1 day' FROM parents WHERE ${h(`'a' || uid`)} < 72`,
    [p, school, ts(yearStart)],
  );
  // Twenty mails per guardian over the year; a few addresses bounce (a quarter of their mail fails).
  await run(
    `INSERT INTO "OutboxMail" (id, "schoolId", "to", subject, text, kind, "createdAt", "sentAt", "failedAt", attempts)
     SELECT 'o' || pa.uid || '-' || n, $1, pa.uid || '@bench-reach.test', 'Bericht', 'Tekst', 'announcement', t, CASE WHEN fail THEN NULL ELSE t END, CASE WHEN fail THEN t END, 1
     FROM parents pa CROSS JOIN generate_series(1, 20) n
     CROSS JOIN LATERAL (SELECT $2::timestamptz + ${span('$2', '$3')} * (n / 20.0) AS t, ${h(`'f' || pa.uid`)} < 3 AND n % 4 = 0 AS fail) x`,
    [school, ts(yearStart), ts(now)],
  );
  for (const [sv, opensDaysAgo, closesIn] of [[1, 150, -130], [2, 10, 10]] as const) {
    await run(
      `INSERT INTO "Survey" (id, "schoolId", title, intro, audiences, "groupIds", "opensAt", "closesAt", "createdById")
       VALUES ($1 || 'sv' || $3, $2, 'Tevredenheid', '', '{GUARDIANS}', '{}', $4, $5, $6)`,
      [p, school, sv, ts(new Date(now.getTime() - opensDaysAgo * DAY)), ts(new Date(now.getTime() + closesIn * DAY)), director],
    );
    await run(
      `INSERT INTO "SurveyInvitation" (id, "schoolId", "surveyId", "userId", audience, "groupIds", "submittedAt")
       SELECT 'i' || $3 || uid, $2, $1 || 'sv' || $3, uid, 'GUARDIANS', '{}', CASE WHEN ${h(`'sv' || $3 || uid`)} < 55 THEN $4::timestamptz END FROM parents`,
      [p, school, sv, ts(new Date(now.getTime() - (opensDaysAgo - 3) * DAY))],
    );
  }
  // Meetings: two for the whole school, one for groups 1–4 and one for 5–8; a household present at some.
  for (const [m, daysAgo, groups] of [[1, 250, null], [2, 150, [1, 8]], [3, 60, null], [4, 20, [9, 16]]] as const) {
    const at = new Date(now.getTime() - daysAgo * DAY);
    await run(
      `INSERT INTO "Meeting" (id, "schoolId", kind, title, "startsAt", "endsAt", "wholeSchool", "createdById")
       VALUES ($1 || 'mt' || $3, $2, 'THEME_EVENING', 'Thema-avond', $4::timestamptz, $4::timestamptz + interval '2 hours', $5, $6)`,
      [p, school, m, ts(at), groups === null, director],
    );
    if (groups) await run(`INSERT INTO "MeetingGroup" ("schoolId", "meetingId", "groupId") SELECT $2, $1 || 'mt' || $3, $1 || 'g' || j FROM generate_series($4::int, $5::int) j`, [p, school, m, groups[0], groups[1]]);
    await run(
      `INSERT INTO "MeetingAttendance" ("schoolId", "meetingId", "householdId", present, "markedById", "markedAt")
       SELECT DISTINCT $2, $1 || 'mt' || $3, pa.hid, true, $4, $5::timestamptz FROM parents pa JOIN kids k ON k.f = pa.f
       WHERE ${h(`'m' || $3 || pa.hid`)} < 40 AND ($6::int IS NULL OR k.g BETWEEN $6::int AND $7::int)`,
      [p, school, m, director, ts(at), groups?.[0] ?? null, groups?.[1] ?? null],
    );
  }
  // Forty announcements over the year, a quarter to the whole school, the others to one group; read by most.
  await run(
    `INSERT INTO "Announcement" (id, "schoolId", "authorId", title, body, "wholeSchool", "publishedAt")
     SELECT $1 || 'an' || n, $2, $3, 'Nieuws ' || n, 'Tekst', n % 4 = 0, $4::timestamptz + ($5::timestamptz - $4::timestamptz) * (n / 40.0) FROM generate_series(1, 40) n`,
    [p, school, director, ts(yearStart), ts(now)],
  );
  await run(`INSERT INTO "AnnouncementGroup" ("schoolId", "announcementId", "groupId") SELECT $2, $1 || 'an' || n, $1 || 'g' || (1 + n % ${GROUPS}) FROM generate_series(1, 40) n WHERE n % 4 <> 0`, [p, school]);
  await run(
    `INSERT INTO "AnnouncementRead" ("schoolId", "announcementId", "userId", "readAt")
     SELECT $2, $1 || 'an' || n, pa.uid, $3::timestamptz FROM parents pa CROSS JOIN generate_series(1, 40) n WHERE ${h(`'r' || n || pa.uid`)} < 65`,
    [p, school, ts(now)],
  );
  return { schoolId: school, directorId: director, directorMembershipId: `m${director}` };
}

async function buildBoard(url: string, now: Date) {
  const { hashPassword } = await import('../lib/auth/password');
  const hash = await hashPassword(PASSWORD);
  const db = new pg.Client({ connectionString: url, options: '-c TimeZone=UTC' });
  await db.connect();
  const tag = Date.now().toString(36);
  const boardId = `bench-reach-${tag}`;
  await db.query(`INSERT INTO "Board" (id, name) VALUES ($1, 'Bestuur Bereik')`, [boardId]);
  const schools = [];
  for (let k = 0; k < SCHOOLS; k++) {
    const n = Math.floor(CHILDREN / SCHOOLS) + (k < CHILDREN % SCHOOLS ? 1 : 0);
    await db.query('BEGIN');
    schools.push(await loadSchool(db, boardId, `${tag}s${k}-`, n, now, hash));
    await db.query('COMMIT');
  }
  await db.query('ANALYZE');
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM "Child" c JOIN "School" s ON s.id = c."schoolId" WHERE s."boardId" = $1)::int AS children,
            (SELECT count(*) FROM "Household" x JOIN "School" s ON s.id = x."schoolId" WHERE s."boardId" = $1)::int AS households,
            (SELECT count(*) FROM "UserSession")::int AS sessions, (SELECT count(*) FROM "Booking")::int AS bookings,
            (SELECT count(*) FROM "OutboxMail")::int AS mails, (SELECT count(*) FROM "AnnouncementRead")::int AS reads`,
    [boardId],
  );
  await db.end();
  return { schools, counts: rows[0] as Record<string, number> };
}

const fmt = (label: string, xs: number[], extra = '') =>
  `  ${label.padEnd(46)} median ${median(xs).toFixed(1).padStart(6)} ms   min ${Math.min(...xs).toFixed(1).padStart(6)}   max ${Math.max(...xs).toFixed(1).padStart(6)}${extra}`;

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

/** What the password form does in the browser: CSRF token, then the credentials callback. */
async function signInWithPassword(base: string, email: string) {
  const jar = new Jar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
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

async function main() {
  const given = process.env.DATABASE_URL;
  if (process.env.BASE_URL && !given) throw new Error('BASE_URL needs DATABASE_URL: the database that server uses, where the bench board is added.');
  const stopDb = given ? async () => {} : await freshBenchDatabase(DB);
  const url = given ?? benchDatabaseUrl(DB);
  process.env.DATABASE_URL = url;
  process.env.MAIL_WORKER = 'off';
  const now = new Date();
  const t0 = performance.now();
  const { schools, counts } = await buildBoard(url, now);
  console.log(`A board of ${schools.length} schools: ${counts.children} children, ${counts.households} families (households)`);
  console.log(`A year of activity: ${counts.sessions} sign-ins, ${counts.bookings} bookings, ${counts.mails} mails, ${counts.reads} announcement reads (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const { reachView } = await import('../lib/reach/families');
  const perSchool: number[] = [];
  let sample = { families: 0, notReached: 0, months: 0 };
  for (const s of schools) {
    const actor = { userId: s.directorId, schoolId: s.schoolId, role: 'DIRECTOR' as const, membershipId: s.directorMembershipId };
    const v = await reachView(actor, now); // warm
    sample = { families: v.families.length, notReached: v.families.filter((f) => f.notReachedAtAll).length, months: v.trend.length };
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await reachView(actor, now);
      xs.push(performance.now() - t);
    }
    perSchool.push(median(xs));
  }
  console.log(`\nIn process (reachView: signals, group totals and trend; warm; median of ${RUNS} runs per school, over ${schools.length} schools):`);
  console.log(fmt('reach view data per school', perSchool, `   (last school: ${sample.families} families, ${sample.notReached} not reached at all, ${sample.months} months)`));
  const worst = Math.max(...perSchool);
  console.log(worst < 200 ? '  OK: every school under 200 ms' : `  OVER TARGET: slowest school ${worst.toFixed(1)} ms (target 200 ms)`);
  const { prisma } = await import('../lib/db');
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
      console.log(`\nOver HTTP, ${base} (the director signed in through the password form's endpoints; request sent → last byte; ${RUNS} runs each):`);
      for (const s of schools.slice(0, 3)) {
        const jar = await signInWithPassword(base, `${s.directorId}@bench-reach.test`);
        const once = async (path: string) => {
          const t = performance.now();
          const res = await fetch(`${base}${path}`, { headers: { cookie: jar.header() }, redirect: 'manual' });
          const body = await res.text();
          if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
          return { ms: performance.now() - t, bytes: body.length };
        };
        // The reach view, and the director's home that charts the year (reach trend included).
        for (const path of ['/directie/bereik', '/directie']) {
          await once(path);
          const runs = [];
          for (let i = 0; i < RUNS; i++) runs.push(await once(path));
          console.log(fmt(`${path}, ${s.schoolId}`, runs.map((r) => r.ms), `   ${(runs[0].bytes / 1024).toFixed(0)} KiB`));
        }
      }
    } finally {
      server?.kill();
    }
  }
  await stopDb();
}

runBench(main);
