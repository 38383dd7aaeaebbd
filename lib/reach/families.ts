import 'server-only';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { poolExec, type Exec } from '@/lib/db-raw';
import { zonedToUtc } from '@/lib/format/time';
import { currentSchoolYear } from '@/lib/school/year';

// The families (households) the portal does not reach, across every channel it knows. One SQL
// statement for the signals and one for the trend, each keyed by household, so the view stays
// fast for a school with a year of activity (npm run bench:reach). A family is a household of the
// school with a live guardianship of a child still at school and enrolled this school year.

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

// $1 school, $2 now, $3 school year.
const BASE = `
  hc AS MATERIALIZED (
    SELECT DISTINCT g."householdId" AS hid, c.id AS cid, e."groupId" AS gid
    FROM "Guardianship" g
    JOIN "Child" c ON c.id = g."childId" AND c."schoolId" = $1
    JOIN "Enrolment" e ON e."childId" = c.id AND e."schoolYearId" = $3
    WHERE g."schoolId" = $1 AND g."endedAt" IS NULL AND (c."leftAt" IS NULL OR c."leftAt" > $2)
  ),
  hh AS MATERIALIZED (SELECT DISTINCT hid FROM hc),
  hu AS MATERIALIZED (
    SELECT DISTINCT g."householdId" AS hid, g."userId" AS uid
    FROM "Guardianship" g JOIN hc ON hc.hid = g."householdId" AND hc.cid = g."childId"
    WHERE g."schoolId" = $1 AND g."endedAt" IS NULL
  ),
  first_in AS (
    SELECT hu.hid, min(x.at) AS at FROM hu JOIN LATERAL (
      SELECT min(s."createdAt") AS at FROM "UserSession" s WHERE s."userId" = hu.uid
      UNION ALL SELECT min(t."usedAt") FROM "LoginToken" t WHERE t."userId" = hu.uid
    ) x ON true GROUP BY hu.hid
  ),
  -- Mandatory talks of this year's rounds that have opened, per household and child, and when booked.
  req AS (
    SELECT hc.hid, hc.cid, r.id AS rid, r."opensAt", (
      SELECT min(b."createdAt") FROM "Booking" b WHERE b."roundId" = r.id AND b."childId" = hc.cid AND b."householdKey" IN ('joint', hc.hid)
    ) AS booked_at
    FROM hc
    JOIN "RoundGroup" rg ON rg."groupId" = hc.gid
    JOIN "TalkRound" r ON r.id = rg."roundId" AND r."schoolId" = $1 AND r."opensAt" <= $2
    JOIN "StageDefinition" sd ON sd.id = r."stageId"
    JOIN "Group" gr ON gr.id = hc.gid
    WHERE gr.grade = ANY(sd."mandatoryGrades")
  ),
  acks AS (
    SELECT hu.hid, a."versionId" AS vid, min(a."acknowledgedAt") AS at
    FROM hu JOIN "CharterAcknowledgement" a ON a."userId" = hu.uid AND a."schoolId" = $1
    GROUP BY hu.hid, a."versionId"
  )`;

// $4 the year's first day, $5 the start of the announcements counted.
const FAMILIES_SQL = `
WITH ${BASE},
  charter AS (SELECT id FROM "CharterVersion" WHERE "schoolId" = $1 AND "publishedAt" <= $2 ORDER BY number DESC LIMIT 1),
  bounced AS (
    SELECT DISTINCT hu.hid FROM hu JOIN "User" u ON u.id = hu.uid
    JOIN (SELECT DISTINCT lower(o."to") AS addr FROM "OutboxMail" o WHERE o."schoolId" = $1 AND o."failedAt" IS NOT NULL AND o."failedAt" <= $2) f ON f.addr = u.email
  ),
  noshow AS (
    SELECT DISTINCT hc.hid FROM hc
    JOIN "Booking" b ON b."childId" = hc.cid AND b."schoolId" = $1 AND b.attendance = 'NO_SHOW' AND b."householdKey" IN ('joint', hc.hid)
    JOIN "RoundGroup" rg ON rg."roundId" = b."roundId" AND rg."groupId" = hc.gid
    WHERE NOT EXISTS (SELECT 1 FROM "Booking" b2 WHERE b2."roundId" = b."roundId" AND b2."childId" = b."childId" AND b2."createdAt" > b."createdAt")
      AND NOT EXISTS (SELECT 1 FROM "ArrangedMoment" m WHERE m."childId" = b."childId" AND m."schoolId" = $1 AND m."createdAt" > b."createdAt")
  ),
  surveys AS (
    SELECT hu.hid FROM "Survey" s
    JOIN "SurveyInvitation" i ON i."surveyId" = s.id AND i.audience = 'GUARDIANS'
    JOIN hu ON hu.uid = i."userId"
    WHERE s."schoolId" = $1 AND s."opensAt" <= $2 AND s."closesAt" >= $4
    GROUP BY hu.hid, s.id HAVING bool_and(i."submittedAt" IS NULL)
  ),
  invited AS (
    SELECT DISTINCT hc.hid, m.id AS mid FROM "Meeting" m
    JOIN hc ON m."wholeSchool" OR EXISTS (SELECT 1 FROM "MeetingGroup" mg WHERE mg."meetingId" = m.id AND mg."groupId" = hc.gid)
    WHERE m."schoolId" = $1 AND m."startsAt" <= $2 AND m."startsAt" >= $4
  ),
  -- Invited to a meeting this year and present at none (the rule of lib/meetings/turnout.ts).
  nomeeting AS (
    SELECT DISTINCT i.hid FROM invited i
    WHERE NOT EXISTS (
      SELECT 1 FROM "MeetingAttendance" a JOIN "Meeting" m ON m.id = a."meetingId"
      WHERE a."householdId" = i.hid AND a.present AND a."schoolId" = $1 AND m."startsAt" >= $4 AND m."startsAt" <= $2
    )
  ),
  unread AS (
    SELECT DISTINCT x.hid FROM (
      SELECT DISTINCT hc.hid, a.id AS aid FROM "Announcement" a
      JOIN hc ON a."wholeSchool" OR EXISTS (SELECT 1 FROM "AnnouncementGroup" ag WHERE ag."announcementId" = a.id AND ag."groupId" = hc.gid)
      WHERE a."schoolId" = $1 AND a."publishedAt" <= $2 AND a."publishedAt" > $5
    ) x
    WHERE NOT EXISTS (SELECT 1 FROM hu JOIN "AnnouncementRead" r ON r."userId" = hu.uid AND r."announcementId" = x.aid WHERE hu.hid = x.hid)
  )
SELECT hh.hid AS "householdId",
  (f.at IS NULL OR f.at > $2) AS "neverSignedIn",
  EXISTS (SELECT 1 FROM bounced WHERE bounced.hid = hh.hid) AS "mailBounced",
  EXISTS (SELECT 1 FROM req WHERE req.hid = hh.hid AND req.booked_at IS NULL) AS "talkNotBooked",
  EXISTS (SELECT 1 FROM noshow WHERE noshow.hid = hh.hid) AS "noShowNotRebooked",
  (EXISTS (SELECT 1 FROM charter) AND NOT EXISTS (SELECT 1 FROM acks JOIN charter ON acks.vid = charter.id WHERE acks.hid = hh.hid AND acks.at <= $2)) AS "charterNotAcknowledged",
  EXISTS (SELECT 1 FROM surveys WHERE surveys.hid = hh.hid) AS "surveyNotAnswered",
  EXISTS (SELECT 1 FROM nomeeting WHERE nomeeting.hid = hh.hid) AS "noMeetingAttended",
  EXISTS (SELECT 1 FROM unread WHERE unread.hid = hh.hid) AS "announcementsUnread",
  (SELECT json_agg(json_build_object('id', c.id, 'firstName', c."firstName", 'prefix', c.prefix, 'lastName', c."lastName", 'groupId', gr.id, 'groupName', gr.name) ORDER BY gr.grade, gr.name, c."firstName")
     FROM hc JOIN "Child" c ON c.id = hc.cid JOIN "Group" gr ON gr.id = hc.gid WHERE hc.hid = hh.hid) AS children,
  (SELECT json_agg(json_build_object('id', u.id, 'firstName', u."firstName", 'prefix', u.prefix, 'lastName', u."lastName", 'locale', u.locale) ORDER BY u."firstName")
     FROM hu JOIN "User" u ON u.id = hu.uid WHERE hu.hid = hh.hid) AS guardians
FROM hh LEFT JOIN first_in f ON f.hid = hh.hid`;

// $4 the month ends (instants), in order.
const TREND_SQL = `
WITH ${BASE},
  months AS (SELECT unnest($4::timestamptz[]) AS me),
  pairs AS (
    SELECT m.me, 'neverSignedIn' AS s, hh.hid FROM months m CROSS JOIN hh LEFT JOIN first_in f ON f.hid = hh.hid WHERE f.at IS NULL OR f.at > m.me
    UNION ALL
    SELECT m.me, 'charterNotAcknowledged', hh.hid FROM months m
    JOIN LATERAL (SELECT id FROM "CharterVersion" v WHERE v."schoolId" = $1 AND v."publishedAt" <= m.me ORDER BY number DESC LIMIT 1) v ON true
    CROSS JOIN hh
    WHERE NOT EXISTS (SELECT 1 FROM acks a WHERE a.hid = hh.hid AND a.vid = v.id AND a.at <= m.me)
    UNION ALL
    SELECT DISTINCT m.me, 'talkNotBooked', r.hid FROM months m JOIN req r ON r."opensAt" <= m.me AND (r.booked_at IS NULL OR r.booked_at > m.me)
  )
SELECT m.me,
  count(DISTINCT p.hid) FILTER (WHERE p.s = 'neverSignedIn')::int AS "neverSignedIn",
  count(DISTINCT p.hid) FILTER (WHERE p.s = 'charterNotAcknowledged')::int AS "charterNotAcknowledged",
  count(DISTINCT p.hid) FILTER (WHERE p.s = 'talkNotBooked')::int AS "talkNotBooked",
  count(DISTINCT p.hid)::int AS "notReachedAny"
FROM months m LEFT JOIN pairs p ON p.me = m.me
GROUP BY m.me ORDER BY m.me`;

type Row = { householdId: string; children: FamilyChild[] | null; guardians: FamilyGuardian[] | null } & Record<Signal, boolean>;

async function yearParams(schoolId: string, now: Date) {
  const year = await currentSchoolYear(schoolId, now);
  if (!year) return null;
  return { year, params: [schoolId, now, year.id] as unknown[] };
}

/** Every family of the school with the signals that apply to it (no access check: callers guard). */
export async function familySignals(schoolId: string, now = new Date(), exec: Exec = poolExec): Promise<Family[]> {
  const y = await yearParams(schoolId, now);
  if (!y) return [];
  const since = new Date(+now - ANNOUNCEMENT_DAYS * 86_400_000);
  const rows = await exec<Row>(FAMILIES_SQL, [...y.params, y.year.startDate, since]);
  return rows.map((r) => {
    const signals = SIGNALS.filter((s) => r[s]);
    const guardians = r.guardians ?? [];
    return {
      householdId: r.householdId,
      signals,
      notReachedAtAll: UNREACHABLE.some((s) => r[s]),
      languages: [...new Set(guardians.map((g) => g.locale))].sort(),
      children: r.children ?? [],
      guardians,
    };
  });
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

/** Per month of the school year: families not reached at the end of it, for the signals with a moment. */
export async function reachTrend(schoolId: string, now = new Date(), exec: Exec = poolExec): Promise<TrendPoint[]> {
  const y = await yearParams(schoolId, now);
  if (!y) return [];
  const months = monthEnds(y.year.startDate, y.year.endDate, now);
  if (!months.length) return [];
  const rows = await exec<{ me: Date } & Omit<TrendPoint, 'month'>>(TREND_SQL, [...y.params, months.map((m) => m.end)]);
  // Ordered by month end, one row per month (LEFT JOIN), so rows line up with `months`.
  return rows.map((r, i) => ({ month: months[i].month, neverSignedIn: r.neverSignedIn, charterNotAcknowledged: r.charterNotAcknowledged, talkNotBooked: r.talkNotBooked, notReachedAny: r.notReachedAny }));
}

/** Per group: families (a family with children in two groups counts in both) and how many each signal applies to. */
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
  const [families, trend] = await Promise.all([familySignals(actor.schoolId, now), reachTrend(actor.schoolId, now)]);
  families.sort((a, b) => b.signals.length - a.signals.length || (a.children[0]?.lastName ?? '').localeCompare(b.children[0]?.lastName ?? ''));
  return { families, groups: groupTotals(families), trend, languages: [...new Set(families.flatMap((f) => f.languages))].sort() };
}
