import 'server-only';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { poolExec, type Exec } from '@/lib/db-raw';
import { zonedToUtc } from '@/lib/format/time';
import { currentSchoolYear } from '@/lib/school/year';

// The families (households) the portal does not reach, across every channel it knows. A family is a
// household of the school with a live guardianship of a child still at school and enrolled this
// school year. One small statement per channel, keyed by the family's guardians, children or groups,
// run side by side on the pool; the signals and the month trend are put together here. (One big
// statement of CTEs was tried first: its plan took 30 ms to make and misjudged the row counts, about
// 150-240 ms per school in npm run bench:reach; these stay well under that.)

export const SIGNALS = [
  'neverSignedIn',
  'mailBounced',
  'talkNotBooked',
  'noShowNotRebooked',
  'charterNotAcknowledged',
  'surveyNotAnswered',
  'noMeetingAttended',
  'announcementsUnread',
] as const;
export type Signal = (typeof SIGNALS)[number];
/** The signals that together mean the portal does not reach the family at all. */
export const UNREACHABLE: readonly Signal[] = ['neverSignedIn', 'mailBounced'];
/** The signals with a moment in the data, so they can be counted for the end of any month. */
export const TREND_SIGNALS = ['neverSignedIn', 'charterNotAcknowledged', 'talkNotBooked'] as const;

export type FamilyChild = { id: string; firstName: string; prefix: string | null; lastName: string; groupId: string; groupName: string };
export type FamilyGuardian = { id: string; firstName: string; prefix: string | null; lastName: string; locale: string };
export type Family = {
  householdId: string;
  signals: Signal[];
  notReachedAtAll: boolean;
  languages: string[];
  children: FamilyChild[];
  guardians: FamilyGuardian[];
};
export type GroupTotals = { groupId: string; groupName: string; families: number; notReachedAtAll: number } & Record<Signal, number>;
export type TrendPoint = { month: string; notReachedAny: number } & Record<(typeof TREND_SIGNALS)[number], number>;

const ANNOUNCEMENT_DAYS = 30;

type PopulationRow = {
  householdId: string; userId: string; email: string; uFirst: string; uPrefix: string | null; uLast: string; locale: string;
  childId: string; cFirst: string; cPrefix: string | null; cLast: string; groupId: string; groupName: string; grade: number;
};
type Household = { id: string; children: Map<string, FamilyChild & { grade: number }>; guardians: Map<string, FamilyGuardian & { email: string }> };

/** Who the families are: one row per live guardianship of a child at school this year. */
const POPULATION = `
  SELECT g."householdId", u.id AS "userId", u.email, u."firstName" AS "uFirst", u.prefix AS "uPrefix", u."lastName" AS "uLast", u.locale,
         c.id AS "childId", c."firstName" AS "cFirst", c.prefix AS "cPrefix", c."lastName" AS "cLast", gr.id AS "groupId", gr.name AS "groupName", gr.grade
  FROM "Guardianship" g
  JOIN "Child" c ON c.id = g."childId"
  JOIN "Enrolment" e ON e."childId" = g."childId" AND e."schoolYearId" = $2
  JOIN "Group" gr ON gr.id = e."groupId"
  JOIN "User" u ON u.id = g."userId"
  WHERE g."schoolId" = $1 AND g."endedAt" IS NULL AND (c."leftAt" IS NULL OR c."leftAt" > $3)`;

/** Everything the signals and the trend are made of, for one school at `now`. */
async function load(schoolId: string, now: Date, exec: Exec) {
  const year = await currentSchoolYear(schoolId, now);
  if (!year) return null;
  const rows = await exec<PopulationRow>(POPULATION, [schoolId, year.id, now]);
  const households = new Map<string, Household>();
  for (const r of rows) {
    const h = households.get(r.householdId) ?? { id: r.householdId, children: new Map(), guardians: new Map() };
    h.children.set(r.childId, { id: r.childId, firstName: r.cFirst, prefix: r.cPrefix, lastName: r.cLast, groupId: r.groupId, groupName: r.groupName, grade: r.grade });
    h.guardians.set(r.userId, { id: r.userId, firstName: r.uFirst, prefix: r.uPrefix, lastName: r.uLast, locale: r.locale, email: r.email });
    households.set(r.householdId, h);
  }
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const childIds = [...new Set(rows.map((r) => r.childId))];
  const since = new Date(+now - ANNOUNCEMENT_DAYS * 86_400_000);
  const [signIns, bounced, rounds, bookings, moments, versions, acks, invitations, meetings, attended, notices, wishes] = await Promise.all([
    exec<{ userId: string; at: Date }>(
      // firstSignedInAt lasts; the session rows and used links are pruned, but tell of sign-ins from before it existed.
      `SELECT id AS "userId", "firstSignedInAt" AS at FROM "User" WHERE id = ANY($1::text[]) AND "firstSignedInAt" <= $2
       UNION ALL SELECT "userId", min("createdAt") FROM "UserSession" WHERE "userId" = ANY($1::text[]) AND "createdAt" <= $2 GROUP BY "userId"
       UNION ALL SELECT "userId", min("usedAt") FROM "LoginToken" WHERE "userId" = ANY($1::text[]) AND "usedAt" <= $2 GROUP BY "userId"`,
      [userIds, now],
    ),
    exec<{ addr: string }>(`SELECT DISTINCT lower("to") AS addr FROM "OutboxMail" WHERE "schoolId" = $1 AND "failedAt" IS NOT NULL AND "failedAt" <= $2`, [schoolId, now]),
    // This year's rounds that have opened, per group, and whether the group's grade must have a talk.
    exec<{ id: string; opensAt: Date; groupId: string; mandatory: boolean }>(
      `SELECT r.id, r."opensAt", rg."groupId", gr.grade = ANY(sd."mandatoryGrades") AS mandatory
       FROM "TalkRound" r JOIN "RoundGroup" rg ON rg."roundId" = r.id JOIN "Group" gr ON gr.id = rg."groupId" JOIN "StageDefinition" sd ON sd.id = r."stageId"
       WHERE r."schoolId" = $1 AND r."opensAt" <= $2 AND gr."schoolYearId" = $3`,
      [schoolId, now, year.id],
    ),
    exec<{ roundId: string; childId: string; householdKey: string; attendance: string; createdAt: Date }>(
      `SELECT b."roundId", b."childId", b."householdKey", b.attendance, b."createdAt" FROM "Booking" b JOIN "TalkRound" r ON r.id = b."roundId"
       WHERE r."schoolId" = $1 AND r."opensAt" <= $2 AND b."childId" = ANY($3::text[]) AND b."createdAt" <= $2`,
      [schoolId, now, childIds],
    ),
    exec<{ childId: string; at: Date }>(`SELECT "childId", max("createdAt") AS at FROM "ArrangedMoment" WHERE "schoolId" = $1 AND "childId" = ANY($2::text[]) AND "createdAt" <= $3 GROUP BY "childId"`, [schoolId, childIds, now]),
    exec<{ id: string; publishedAt: Date }>(`SELECT id, "publishedAt" FROM "CharterVersion" WHERE "schoolId" = $1 AND "publishedAt" <= $2 ORDER BY number`, [schoolId, now]),
    exec<{ versionId: string; userId: string; at: Date }>(`SELECT "versionId", "userId", "acknowledgedAt" AS at FROM "CharterAcknowledgement" WHERE "schoolId" = $1 AND "userId" = ANY($2::text[]) AND "acknowledgedAt" <= $3`, [schoolId, userIds, now]),
    // Surveys of this school year that have opened: per invited guardian, whether they answered.
    exec<{ surveyId: string; userId: string; done: boolean }>(
      `SELECT i."surveyId", i."userId", i."submittedAt" IS NOT NULL AND i."submittedAt" <= $2 AS done FROM "Survey" s JOIN "SurveyInvitation" i ON i."surveyId" = s.id
       WHERE s."schoolId" = $1 AND s."opensAt" <= $2 AND s."closesAt" >= $3 AND i.audience = 'GUARDIANS' AND i."userId" = ANY($4::text[])`,
      [schoolId, now, year.startDate, userIds],
    ),
    exec<{ id: string; wholeSchool: boolean; groupIds: string[] }>(
      `SELECT m.id, m."wholeSchool", coalesce(array_agg(mg."groupId") FILTER (WHERE mg."groupId" IS NOT NULL), '{}') AS "groupIds"
       FROM "Meeting" m LEFT JOIN "MeetingGroup" mg ON mg."meetingId" = m.id WHERE m."schoolId" = $1 AND m."startsAt" >= $2 AND m."startsAt" <= $3 GROUP BY m.id`,
      [schoolId, year.startDate, now],
    ),
    // Present at any meeting this school year (the rule of lib/meetings/turnout.ts).
    exec<{ householdId: string }>(
      `SELECT DISTINCT a."householdId" FROM "MeetingAttendance" a JOIN "Meeting" m ON m.id = a."meetingId"
       WHERE m."schoolId" = $1 AND m."startsAt" >= $2 AND m."startsAt" <= $3 AND a.present`,
      [schoolId, year.startDate, now],
    ),
    exec<{ id: string; wholeSchool: boolean; groupIds: string[]; readers: string[] }>(
      `SELECT a.id, a."wholeSchool",
         ARRAY(SELECT ag."groupId" FROM "AnnouncementGroup" ag WHERE ag."announcementId" = a.id) AS "groupIds",
         ARRAY(SELECT r."userId" FROM "AnnouncementRead" r WHERE r."announcementId" = a.id AND r."userId" = ANY($4::text[])) AS readers
       FROM "Announcement" a WHERE a."schoolId" = $1 AND a."publishedAt" > $2 AND a."publishedAt" <= $3`,
      [schoolId, since, now, userIds],
    ),
    // The teacher's marks (lib/talk-wishes): a requested talk is mandatory, "no talk needed" is not.
    exec<{ roundId: string; childId: string; kind: 'REQUESTED' | 'NOT_NEEDED' }>(
      `SELECT w."roundId", w."childId", w.kind::text AS kind FROM "TalkWish" w JOIN "TalkRound" r ON r.id = w."roundId"
       WHERE w."schoolId" = $1 AND r."opensAt" <= $2 AND w."childId" = ANY($3::text[])`,
      [schoolId, now, childIds],
    ),
  ]);
  return { year, households: [...households.values()], signIns, bounced, rounds, bookings, moments, versions, acks, invitations, meetings, attended, notices, wishes };
}

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

/** Per household the moments the trend needs, and the signals at `now`. */
function evaluate(d: Loaded) {
  const firstSignIn = new Map<string, Date>();
  for (const s of d.signIns) if (!firstSignIn.has(s.userId) || s.at < firstSignIn.get(s.userId)!) firstSignIn.set(s.userId, s.at);
  const bounced = new Set(d.bounced.map((b) => b.addr));
  const roundsByGroup = new Map<string, { id: string; opensAt: Date; mandatory: boolean }[]>();
  for (const r of d.rounds) roundsByGroup.set(r.groupId, [...(roundsByGroup.get(r.groupId) ?? []), r]);
  const wishOf = new Map(d.wishes.map((w) => [`${w.roundId}|${w.childId}`, w.kind]));
  // A talk is mandatory for a child by the grade, unless the teacher said none is needed, or because the teacher asked for it.
  const mustTalk = (r: { id: string; mandatory: boolean }, childId: string) => {
    const wish = wishOf.get(`${r.id}|${childId}`);
    return wish === 'REQUESTED' || (r.mandatory && wish !== 'NOT_NEEDED');
  };
  const bookingsOf = new Map<string, Loaded['bookings']>();
  for (const b of d.bookings) bookingsOf.set(`${b.roundId}|${b.childId}`, [...(bookingsOf.get(`${b.roundId}|${b.childId}`) ?? []), b]);
  // No-shows count in any of this year's opened rounds (mandatory or not).
  const roundIds = new Set(d.rounds.map((r) => r.id));
  const roundsOfChild = new Map<string, Set<string>>();
  for (const b of d.bookings) if (roundIds.has(b.roundId)) roundsOfChild.set(b.childId, (roundsOfChild.get(b.childId) ?? new Set()).add(b.roundId));
  const momentAt = new Map(d.moments.map((m) => [m.childId, m.at]));
  const ackAt = new Map<string, Date>();
  for (const a of d.acks) ackAt.set(`${a.versionId}|${a.userId}`, a.at);
  const invited = new Map<string, Map<string, boolean>>(); // user → survey → answered
  for (const i of d.invitations) invited.set(i.userId, (invited.get(i.userId) ?? new Map()).set(i.surveyId, i.done));
  const attended = new Set(d.attended.map((a) => a.householdId));

  return d.households.map((h) => {
    const users = [...h.guardians.values()];
    const kids = [...h.children.values()];
    const groups = new Set(kids.map((c) => c.groupId));
    const signedInAt = users.map((u) => firstSignIn.get(u.id)).filter((x): x is Date => !!x).sort((a, b) => +a - +b)[0] ?? null;
    // Mandatory talks: per child and opened round, when this household (or both, jointly) booked.
    const talks: { opensAt: Date; bookedAt: Date | null }[] = [];
    let noShow = false;
    for (const c of kids) {
      for (const r of (roundsByGroup.get(c.groupId) ?? []).filter((x) => mustTalk(x, c.id))) {
        const own = (bookingsOf.get(`${r.id}|${c.id}`) ?? []).filter((b) => b.householdKey === 'joint' || b.householdKey === h.id);
        const first = own.map((b) => b.createdAt).sort((a, b) => +a - +b)[0] ?? null;
        talks.push({ opensAt: r.opensAt, bookedAt: first });
      }
      for (const roundId of roundsOfChild.get(c.id) ?? []) {
        const list = bookingsOf.get(`${roundId}|${c.id}`)!;
        for (const b of list) {
          if (b.attendance !== 'NO_SHOW' || !(b.householdKey === 'joint' || b.householdKey === h.id)) continue;
          // Rebooked: a later booking in that round, or a moment arranged with the teacher since.
          const later = list.some((o) => o.createdAt > b.createdAt) || (momentAt.get(c.id) ?? new Date(0)) > b.createdAt;
          if (!later) noShow = true;
        }
      }
    }
    // The charter: per version, when the household first acknowledged it (any guardian).
    const charterAck = (versionId: string) => users.map((u) => ackAt.get(`${versionId}|${u.id}`)).filter((x): x is Date => !!x).sort((a, b) => +a - +b)[0] ?? null;
    const latest = d.versions.at(-1);
    // Surveys: per survey the household was invited to, answered by any of its guardians.
    const surveys = new Map<string, boolean>();
    for (const u of users) for (const [s, done] of invited.get(u.id) ?? []) surveys.set(s, (surveys.get(s) ?? false) || done);
    const reaches = (x: { wholeSchool: boolean; groupIds: string[] }) => x.wholeSchool || x.groupIds.some((g) => groups.has(g));
    const userSet = new Set(users.map((u) => u.id));
    const signals: Record<Signal, boolean> = {
      neverSignedIn: !signedInAt,
      mailBounced: users.some((u) => bounced.has(u.email.toLowerCase())),
      talkNotBooked: talks.some((t) => !t.bookedAt),
      noShowNotRebooked: noShow,
      charterNotAcknowledged: !!latest && !charterAck(latest.id),
      surveyNotAnswered: [...surveys.values()].some((done) => !done),
      noMeetingAttended: d.meetings.some(reaches) && !attended.has(h.id),
      announcementsUnread: d.notices.some((n) => reaches(n) && !n.readers.some((r) => userSet.has(r))),
    };
    const family: Family = {
      householdId: h.id,
      signals: SIGNALS.filter((s) => signals[s]),
      notReachedAtAll: UNREACHABLE.some((s) => signals[s]),
      languages: [...new Set(users.map((u) => u.locale))].sort(),
      children: kids
        .sort((a, b) => a.grade - b.grade || a.groupName.localeCompare(b.groupName) || a.firstName.localeCompare(b.firstName))
        .map((c) => ({ id: c.id, firstName: c.firstName, prefix: c.prefix, lastName: c.lastName, groupId: c.groupId, groupName: c.groupName })),
      guardians: users.sort((a, b) => a.firstName.localeCompare(b.firstName)).map((g) => ({ id: g.id, firstName: g.firstName, prefix: g.prefix, lastName: g.lastName, locale: g.locale })),
    };
    return { family, signedInAt, talks, charterAck };
  });
}

/** Every family of the school with the signals that apply to it (no access check: callers guard). */
export async function familySignals(schoolId: string, now = new Date(), exec: Exec = poolExec): Promise<Family[]> {
  const d = await load(schoolId, now, exec);
  return d ? evaluate(d).map((e) => e.family) : [];
}

/** The families and, per month of the school year, how many were not reached at the end of it (for the signals with a moment). */
export async function reachData(schoolId: string, now = new Date(), exec: Exec = poolExec): Promise<{ families: Family[]; trend: TrendPoint[] }> {
  const d = await load(schoolId, now, exec);
  if (!d) return { families: [], trend: [] };
  const evaluated = evaluate(d);
  const trend = monthEnds(d.year.startDate, d.year.endDate, now).map(({ month, end }) => {
    const version = d.versions.filter((v) => v.publishedAt <= end).at(-1);
    const counts = { neverSignedIn: 0, charterNotAcknowledged: 0, talkNotBooked: 0, notReachedAny: 0 };
    for (const e of evaluated) {
      const never = !e.signedInAt || e.signedInAt > end;
      const charter = !!version && !((a) => a && a <= end)(e.charterAck(version.id));
      const talk = e.talks.some((t) => t.opensAt <= end && (!t.bookedAt || t.bookedAt > end));
      counts.neverSignedIn += +never;
      counts.charterNotAcknowledged += +charter;
      counts.talkNotBooked += +talk;
      counts.notReachedAny += +(never || charter || talk);
    }
    return { month, ...counts };
  });
  return { families: evaluated.map((e) => e.family), trend };
}

/** The ends of the school year's months up to now (the current month ends now), on the school's clock. */
export function monthEnds(yearStart: Date, yearEnd: Date, now: Date) {
  const out: { month: string; end: Date }[] = [];
  let y = yearStart.getUTCFullYear();
  let m = yearStart.getUTCMonth() + 1;
  for (;;) {
    const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
    const start = zonedToUtc(`${y}-${String(m).padStart(2, '0')}-01T00:00`);
    if (start > now || start > yearEnd) break;
    const end = new Date(+zonedToUtc(`${next.y}-${String(next.m).padStart(2, '0')}-01T00:00`) - 1);
    out.push({ month: `${y}-${String(m).padStart(2, '0')}`, end: end > now ? now : end });
    ({ y, m } = next);
  }
  return out;
}


export function groupTotals(families: Family[]): GroupTotals[] {
  const byGroup = new Map<string, GroupTotals>();
  for (const f of families) {
    for (const gid of new Set(f.children.map((c) => c.groupId))) {
      const name = f.children.find((c) => c.groupId === gid)!.groupName;
      const t = byGroup.get(gid) ?? ({ groupId: gid, groupName: name, families: 0, notReachedAtAll: 0, ...Object.fromEntries(SIGNALS.map((s) => [s, 0])) } as GroupTotals);
      t.families++;
      if (f.notReachedAtAll) t.notReachedAtAll++;
      for (const s of f.signals) t[s]++;
      byGroup.set(gid, t);
    }
  }
  return [...byGroup.values()].sort((a, b) => a.groupName.localeCompare(b.groupName, 'nl', { numeric: true }));
}

export type ReachFilter = { signal?: Signal | 'notReachedAtAll'; groupId?: string; language?: string };

export function applyFilter(families: Family[], f: ReachFilter) {
  return families.filter(
    (x) =>
      (!f.signal || (f.signal === 'notReachedAtAll' ? x.notReachedAtAll : x.signals.includes(f.signal))) &&
      (!f.groupId || x.children.some((c) => c.groupId === f.groupId)) &&
      (!f.language || x.languages.includes(f.language)),
  );
}

/** The director's view: every family with its signals, per-group totals and the trend. */
export async function reachView(actor: Actor, now = new Date()) {
  requireAtSchool(actor, 'reach', 'read');
  const { families, trend } = await reachData(actor.schoolId, now);
  families.sort((a, b) => b.signals.length - a.signals.length || (a.children[0]?.lastName ?? '').localeCompare(b.children[0]?.lastName ?? ''));
  return { families, groups: groupTotals(families), trend, languages: [...new Set(families.flatMap((f) => f.languages))].sort() };
}
