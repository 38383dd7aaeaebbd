import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { currentSchoolYear } from '@/lib/school/year';

// The director's reply-time figures, read from ReplyPromise rows alone (one row per parent question:
// asked, due, answered), never from the messages. Two statements, both on ReplyPromise's indexes: one
// aggregate with grouping sets (per month, per group, the whole year) and the overdue list.
//
// "Within the promise" is counted over the questions whose outcome is known: answered, or past their
// due moment unanswered. A question asked an hour ago and still within its window is neither a success
// nor a failure yet, so it only counts as a question and as unanswered.

/** Which inbox to look at: one group's, the director's own (null), or all (undefined). */
export type InboxFilter = { groupId: string | null } | undefined;

export type FigureRow = {
  questions: number;
  /** Median of answeredAt − askedAt over the answered questions; null when none was answered. */
  medianMs: number | null;
  /** Answered no later than due. */
  within: number;
  /** Answered, or unanswered past due: the questions whose outcome is known. */
  settled: number;
  /** within / settled, 0..1; null when nothing is settled yet. */
  withinShare: number | null;
  unanswered: number;
};
export type MonthRow = FigureRow & { month: string };
export type GroupRow = FigureRow & { groupId: string | null; groupName: string | null };
export type OverdueItem = { threadId: string; subject: string; groupId: string | null; groupName: string | null; askedAt: Date; dueAt: Date; lateMs: number };

/** How many overdue questions are listed by name, longest overdue first (the count is always the full one; the inbox has them all): a page of 100 rows was a quarter megabyte and half its render time. */
export const OVERDUE_SHOWN = 30;

type Raw = { groupId: string | null; questions: number; medianSeconds: number | null; within: number; settled: number; unanswered: number };

// Dates go in as UTC instants and are compared with the UTC timestamps stored (see lib/db.ts).
const ts = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

function inboxCondition(filter: InboxFilter) {
  if (!filter) return Prisma.empty;
  return filter.groupId === null ? Prisma.sql`AND rp."groupId" IS NULL` : Prisma.sql`AND rp."groupId" = ${filter.groupId}`;
}

function row(r: Raw): FigureRow {
  return {
    questions: r.questions,
    medianMs: r.medianSeconds === null ? null : Math.round(r.medianSeconds * 1000),
    within: r.within,
    settled: r.settled,
    withinShare: r.settled ? r.within / r.settled : null,
    unanswered: r.unanswered,
  };
}

const EMPTY: FigureRow = { questions: 0, medianMs: null, within: 0, settled: 0, withinShare: null, unanswered: 0 };

/** The school-zone months in [from, to) and the instants they start at ("from" itself for the first). */
function monthBuckets(from: Date, to: Date, timeZone: string) {
  const keys: string[] = [];
  const starts: Date[] = [];
  let [y, m] = zonedDateKey(from, timeZone).split('-').map(Number);
  for (let start = from; start < to; ) {
    keys.push(`${y}-${String(m).padStart(2, '0')}`);
    starts.push(start);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    start = zonedToUtc(`${y}-${String(m).padStart(2, '0')}-01T00:00`, timeZone);
  }
  return { keys, starts };
}

/**
 * Per month, per group and in total, for questions asked in [from, to). Measured on 20,000 questions:
 * the month is a bucket of instants computed here (width_bucket), not a per-row time-zone conversion
 * and to_char (twice the time); the per-month (+ total) and per-group medians are two statements, so
 * their sorts run side by side on two connections.
 */
async function aggregate(schoolId: string, timeZone: string, from: Date, to: Date, now: Date, filter: InboxFilter) {
  const { keys, starts } = monthBuckets(from, to, timeZone);
  const rowsOf = (key: Prisma.Sql, sets: Prisma.Sql) => prisma.$queryRaw<(Raw & { bucket: number | null; total: boolean })[]>`
    WITH p AS (
      SELECT width_bucket(rp."askedAt", ${starts.map((d) => d.toISOString())}::timestamp[]) AS bucket,
             rp."groupId",
             date_part('epoch', rp."answeredAt" - rp."askedAt") AS secs,
             rp."answeredAt" <= rp."dueAt" AS within,
             rp."answeredAt" IS NOT NULL OR rp."dueAt" < ${ts(now)} AS settled,
             rp."answeredAt" IS NULL AS open
      FROM "ReplyPromise" rp
      WHERE rp."schoolId" = ${schoolId} AND rp."askedAt" >= ${ts(from)} AND rp."askedAt" < ${ts(to)} ${inboxCondition(filter)}
    )
    SELECT ${key}, GROUPING(${key}) = 1 AS total,
           count(*)::int AS questions,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) AS "medianSeconds",
           count(*) FILTER (WHERE within)::int AS within,
           count(*) FILTER (WHERE settled)::int AS settled,
           count(*) FILTER (WHERE open)::int AS unanswered
    FROM p GROUP BY ${sets}`;
  const [perMonth, perGroup, groupNames] = await Promise.all([
    rowsOf(Prisma.sql`bucket`, Prisma.sql`GROUPING SETS ((bucket), ())`),
    rowsOf(Prisma.sql`"groupId"`, Prisma.sql`"groupId"`),
    prisma.group.findMany({ where: { schoolId }, select: { id: true, name: true } }),
  ]);
  const nameOf = new Map(groupNames.map((g) => [g.id, g.name]));
  const months: MonthRow[] = perMonth
    .filter((r) => !r.total)
    .map((r) => ({ month: keys[r.bucket! - 1], ...row(r) }))
    .sort((a, b) => a.month.localeCompare(b.month));
  const groups: GroupRow[] = perGroup
    .map((r) => ({ groupId: r.groupId, groupName: r.groupId === null ? null : (nameOf.get(r.groupId) ?? null), ...row(r) }))
    // The groups by name, the director's inbox last.
    .sort((a, b) => (a.groupId === null ? 1 : b.groupId === null ? -1 : (a.groupName ?? '').localeCompare(b.groupName ?? '', 'nl', { numeric: true })));
  const total = perMonth.find((r) => r.total);
  return { months, groups, total: total ? row(total) : EMPTY };
}

/**
 * Unanswered and past due right now, the longest overdue first; on the (schoolId, answeredAt, dueAt)
 * index. The subject and group are looked up for the listed rows only.
 */
async function overdue(schoolId: string, now: Date, filter: InboxFilter, take = OVERDUE_SHOWN) {
  const rows = await prisma.$queryRaw<(Omit<OverdueItem, 'lateMs'> & { n: number })[]>`
    WITH o AS (
      SELECT rp."threadId", rp."groupId", rp."askedAt", rp."dueAt", rp.id, (count(*) OVER ())::int AS n
      FROM "ReplyPromise" rp
      WHERE rp."schoolId" = ${schoolId} AND rp."answeredAt" IS NULL AND rp."dueAt" < ${ts(now)} ${inboxCondition(filter)}
      ORDER BY rp."dueAt", rp.id
      LIMIT ${take}
    )
    SELECT o."threadId", t.subject, o."groupId", g.name AS "groupName", o."askedAt", o."dueAt", o.n
    FROM o
    JOIN "Thread" t ON t.id = o."threadId" AND t."schoolId" = ${schoolId}
    LEFT JOIN "Group" g ON g.id = o."groupId" AND g."schoolId" = ${schoolId}
    ORDER BY o."dueAt", o.id`;
  return {
    overdueCount: rows[0]?.n ?? 0,
    overdue: rows.map((r): OverdueItem => ({ threadId: r.threadId, subject: r.subject, groupId: r.groupId, groupName: r.groupName, askedAt: r.askedAt, dueAt: r.dueAt, lateMs: now.getTime() - r.dueAt.getTime() })),
  };
}

/** The first instant of a school-zone date ("YYYY-MM-DD"). */
const startOfDay = (date: string, timeZone: string) => zonedToUtc(`${date}T00:00`, timeZone);
const dayAfter = (d: Date) => new Date(d.getTime() + 86_400_000).toISOString().slice(0, 10);

/**
 * The director's figures for the current school year (questions asked from its first day to its last,
 * in the school's zone), per month and per inbox, and what is overdue now (whenever it was asked).
 * `filter` narrows everything to one group's inbox or the director's own.
 */
export async function replyFigures(actor: Actor, filter?: InboxFilter, now = new Date()) {
  requireAtSchool(actor, 'replyFigures', 'read');
  const [school, year] = await Promise.all([
    prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { timeZone: true } }),
    currentSchoolYear(actor.schoolId, now),
  ]);
  const tz = school.timeZone;
  // Without a school year (a school just set up): the twelve months up to now.
  const from = year ? startOfDay(year.startDate.toISOString().slice(0, 10), tz) : new Date(now.getTime() - 365 * 86_400_000);
  const to = year ? startOfDay(dayAfter(year.endDate), tz) : now;
  const [figures, late, groupOptions] = await Promise.all([
    aggregate(actor.schoolId, tz, from, to, now, filter),
    overdue(actor.schoolId, now, filter),
    year ? prisma.group.findMany({ where: { schoolId: actor.schoolId, schoolYearId: year.id }, select: { id: true, name: true }, orderBy: { name: 'asc' } }) : [],
  ]);
  return { year: year ? { id: year.id, name: year.name } : null, from, to, timeZone: tz, ...figures, ...late, groupOptions };
}

/** For the director's home: this month so far (school zone) and the overdue count. */
export async function replyFiguresThisMonth(actor: Actor, now = new Date()) {
  requireAtSchool(actor, 'replyFigures', 'read');
  const { timeZone } = await prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { timeZone: true } });
  const month = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
  const [figures, late] = await Promise.all([aggregate(actor.schoolId, timeZone, startOfDay(`${month}-01`, timeZone), now, now, undefined), overdue(actor.schoolId, now, undefined, 1)]);
  return { month, ...figures.total, overdueCount: late.overdueCount };
}
