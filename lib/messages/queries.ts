import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { requireOnChild } from '@/lib/access/relations';
import { isGuardian, onlyGuardian, onlyStaff } from '@/lib/access/roles';
import { childScope } from '@/lib/access/scope';
import { mayAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { poolExec } from '@/lib/db-raw';
import { AppError } from '@/lib/errors';
import { zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { addDaysToKey } from '@/lib/school/holidays-nl';
import { currentSchoolYear, stillAtSchool } from '@/lib/school/year';
import { effectiveHours } from './reply-clock';
import { threadScope, threadScopeSql } from './scope';
import { currentGroupOf, findThread, handOverCandidates, inboxPeople, markRead } from './service';
import { hoursByUser } from './working-hours';

// Reads for the pages under /berichten. Lists are capped (the inbox shows what needs an answer
// first); every read starts from threadScope (./scope.ts).

const INBOX_LIMIT = 100;
const person = { id: true, firstName: true, prefix: true, lastName: true } as const;

const listSelect = (userId: string) =>
  ({
    id: true, kind: true, inbox: true, subject: true, replyDueAt: true, lastMessageAt: true, closedAt: true, complaintStep: true,
    child: { select: { id: true, firstName: true, prefix: true, lastName: true } },
    group: { select: { name: true } },
    assignee: { select: person },
    reads: { where: { userId }, select: { readAt: true } },
    _count: { select: { households: true } },
  }) satisfies Prisma.ThreadSelect;

type ListRow = Prisma.ThreadGetPayload<{ select: ReturnType<typeof listSelect> }>;

/** The start and end of today on the school's clock, for "due today". */
function today(now: Date, timeZone: string) {
  const day = zonedDateKey(now, timeZone);
  return { start: zonedToUtc(`${day}T00:00`, timeZone), end: zonedToUtc(`${addDaysToKey(day, 1)}T00:00`, timeZone) };
}

function withFlags(rows: ListRow[], now: Date, endOfToday: Date) {
  return rows.map(({ reads, _count, ...t }) => ({
    ...t,
    unread: !reads[0] || reads[0].readAt < t.lastMessageAt,
    bothHouseholds: _count.households > 1,
    overdue: !!t.replyDueAt && t.replyDueAt < now,
    dueToday: !!t.replyDueAt && t.replyDueAt >= now && t.replyDueAt < endOfToday,
  }));
}

const zoneOf = async (schoolId: string) => (await prisma.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timeZone: true } })).timeZone;

export type InboxFilter = 'open' | 'all';

type InboxSqlRow = {
  id: string; kind: 'QUESTION' | 'COMPLAINT'; inbox: 'GROUP' | 'DIRECTOR'; subject: string; replyDueAt: Date | null; lastMessageAt: Date; closedAt: Date | null;
  complaintStep: 'TEACHER' | 'DIRECTOR' | 'FORMAL' | null; childId: string | null; childFirstName: string | null; childPrefix: string | null; childLastName: string | null;
  groupName: string | null; assigneeId: string | null; assigneeFirstName: string | null; assigneePrefix: string | null; assigneeLastName: string | null;
  readAt: Date | null; households: number; timeZone: string;
};

// Timestamps are stored without zone, as UTC: read them back "AT TIME ZONE 'UTC'" so pg hands out
// real instants whatever the server process's zone; instants go in as ISO strings for the same reason.
const utc = (col: string, as: string) => `${col} AT TIME ZONE 'UTC' AS "${as}"`;

/**
 * Staff: the threads they answer, those awaiting an answer first by due moment (overdue on top).
 * One statement (plain SQL, see lib/db-raw.ts): the inbox of a school with a year of messages.
 */
export async function staffInbox(actor: Actor, opts: { filter?: InboxFilter; childId?: string } = {}, now = new Date()) {
  onlyStaff(actor);
  const filter = opts.filter ?? 'open';
  const scope = await threadScopeSql(actor, now);
  const params: unknown[] = [actor.schoolId, actor.userId, ...scope.params];
  const extra = [filter === 'open' ? 't."replyDueAt" IS NOT NULL' : '', opts.childId ? `t."childId" = $${params.push(opts.childId)}` : ''].filter(Boolean);
  const rows = await poolExec<InboxSqlRow>(
    `SELECT t.id, t.kind, t.inbox, t.subject, ${utc('t."replyDueAt"', 'replyDueAt')}, ${utc('t."lastMessageAt"', 'lastMessageAt')}, ${utc('t."closedAt"', 'closedAt')}, t."complaintStep",
       c.id AS "childId", c."firstName" AS "childFirstName", c.prefix AS "childPrefix", c."lastName" AS "childLastName", g.name AS "groupName",
       a.id AS "assigneeId", a."firstName" AS "assigneeFirstName", a.prefix AS "assigneePrefix", a."lastName" AS "assigneeLastName",
       ${utc('r."readAt"', 'readAt')}, (SELECT count(*)::int FROM "ThreadHousehold" h WHERE h."threadId" = t.id) AS households, s."timeZone"
     FROM "Thread" t
     JOIN "School" s ON s.id = t."schoolId"
     LEFT JOIN "Child" c ON c.id = t."childId"
     LEFT JOIN "Group" g ON g.id = t."groupId"
     LEFT JOIN "User" a ON a.id = t."assigneeId"
     LEFT JOIN "ThreadRead" r ON r."threadId" = t.id AND r."userId" = $2
     WHERE ${[scope.sql, ...extra].join(' AND ')}
     ORDER BY t."replyDueAt" ASC NULLS LAST, t."lastMessageAt" DESC, t.id
     LIMIT ${INBOX_LIMIT}`,
    params,
  );
  const endOfToday = rows.length ? today(now, rows[0].timeZone).end : now;
  return rows.map((r) => {
    const named = (first: string | null, prefix: string | null, last: string | null) => (first === null ? null : { firstName: first, prefix, lastName: last ?? '' });
    return {
      id: r.id, kind: r.kind, inbox: r.inbox, subject: r.subject, replyDueAt: r.replyDueAt, lastMessageAt: r.lastMessageAt, closedAt: r.closedAt, complaintStep: r.complaintStep,
      child: r.childId ? { id: r.childId, ...named(r.childFirstName, r.childPrefix, r.childLastName)! } : null,
      group: r.groupName === null ? null : { name: r.groupName },
      assignee: r.assigneeId ? { id: r.assigneeId, ...named(r.assigneeFirstName, r.assigneePrefix, r.assigneeLastName)! } : null,
      unread: !r.readAt || r.readAt < r.lastMessageAt,
      bothHouseholds: r.households > 1,
      overdue: !!r.replyDueAt && r.replyDueAt < now,
      dueToday: !!r.replyDueAt && r.replyDueAt >= now && r.replyDueAt < endOfToday,
    };
  });
}

/** A guardian's threads, the latest first. */
export async function guardianThreads(actor: Actor, now = new Date()) {
  onlyGuardian(actor);
  const rows = await prisma.thread.findMany({ where: await threadScope(actor, now), orderBy: { lastMessageAt: 'desc' }, take: INBOX_LIMIT, select: listSelect(actor.userId) });
  return withFlags(rows, now, now);
}

/** Threads about one child the actor may read (the probe of thread.read; the inbox's child filter). */
export async function childThreads(actor: Actor, childId: string, now = new Date()) {
  await requireOnChild(actor, childId, 'thread', 'read');
  return prisma.thread.findMany({ where: { AND: [await threadScope(actor, now), { childId, kind: 'QUESTION' }] }, orderBy: { lastMessageAt: 'desc' }, take: INBOX_LIMIT, select: { id: true, subject: true } });
}

/** Complaints about one child the actor may read (never the internal supervisor; a teacher only at their step). */
export async function childComplaints(actor: Actor, childId: string, now = new Date()) {
  await requireOnChild(actor, childId, 'complaint', 'read');
  return prisma.thread.findMany({ where: { AND: [await threadScope(actor, now), { childId, kind: 'COMPLAINT' }] }, orderBy: { lastMessageAt: 'desc' }, select: { id: true, subject: true, complaintStep: true, closedAt: true } });
}

/** Staff: how many await an answer, how many are due today and how many are overdue. Guardians: unread threads. */
export async function inboxCounts(actor: Actor, now = new Date()) {
  if (isGuardian(actor)) {
    const rows = await prisma.thread.findMany({ where: await threadScope(actor, now), select: { lastMessageAt: true, reads: { where: { userId: actor.userId }, select: { readAt: true } } } });
    return { unread: rows.filter((r) => !r.reads[0] || r.reads[0].readAt < r.lastMessageAt).length, open: 0, dueToday: 0, overdue: 0 };
  }
  const [{ end }, sql] = await Promise.all([zoneOf(actor.schoolId).then((z) => today(now, z)), threadScopeSql(actor, now)]);
  const params: unknown[] = [actor.schoolId, actor.userId, ...sql.params];
  const n = params.length;
  params.push(now.toISOString(), end.toISOString());
  const [c] = await poolExec<{ open: number; dueToday: number; overdue: number }>(
    `SELECT count(*)::int AS open,
       count(*) FILTER (WHERE t."replyDueAt" >= $${n + 1}::timestamptz AT TIME ZONE 'UTC' AND t."replyDueAt" < $${n + 2}::timestamptz AT TIME ZONE 'UTC')::int AS "dueToday",
       count(*) FILTER (WHERE t."replyDueAt" < $${n + 1}::timestamptz AT TIME ZONE 'UTC')::int AS overdue
     FROM "Thread" t WHERE ${sql.sql} AND t."replyDueAt" IS NOT NULL`,
    params,
  );
  return { unread: 0, ...c };
}

/** People with their hours, for parents to see when the school is reachable. */
async function peopleWithHours(schoolId: string, userIds: string[]) {
  const [users, hours] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: userIds } }, orderBy: [{ firstName: 'asc' }, { lastName: 'asc' }], select: person }),
    hoursByUser(prisma, schoolId, userIds),
  ]);
  return users.map((u) => {
    const own = hours.get(u.id) ?? [];
    return { ...u, isDefault: own.length === 0, hours: effectiveHours(own) };
  });
}

/** One thread with its messages; marks it read. Staff also get who it can be handed to. */
export async function threadView(actor: Actor, threadId: string, now = new Date()) {
  const t = await findThread(actor, threadId, 'read', prisma, now);
  const [messages, promise, child, group, assignee, school, people, candidates] = await Promise.all([
    prisma.threadMessage.findMany({ where: { threadId: t.id, schoolId: t.schoolId }, orderBy: { createdAt: 'asc' }, select: { id: true, body: true, authorRole: true, createdAt: true, author: { select: person } } }),
    prisma.replyPromise.findFirst({ where: { threadId: t.id, schoolId: t.schoolId, answeredAt: null }, orderBy: { askedAt: 'desc' }, select: { askedAt: true, countsFrom: true, dueAt: true } }),
    t.childId ? prisma.child.findFirst({ where: { id: t.childId, schoolId: t.schoolId }, select: { id: true, firstName: true, prefix: true, lastName: true } }) : null,
    t.groupId ? prisma.group.findFirst({ where: { id: t.groupId, schoolId: t.schoolId }, select: { name: true } }) : null,
    t.assigneeId ? prisma.user.findUnique({ where: { id: t.assigneeId }, select: person }) : null,
    prisma.school.findUniqueOrThrow({ where: { id: t.schoolId }, select: { complaintProcedureUrl: true, counsellorName: true, counsellorContact: true } }),
    inboxPeople(prisma, t).then((ids) => peopleWithHours(t.schoolId, ids)),
    isGuardian(actor) ? [] : handOverCandidates(prisma, actor, t),
  ]);
  const [households, concerns] = await Promise.all([
    prisma.threadHousehold.count({ where: { threadId: t.id, schoolId: t.schoolId } }),
    // Whom a complaint concerns is for the director's eyes (the guardian chose it; the teacher never sees the thread).
    t.concernsUserId && !isGuardian(actor) ? prisma.user.findUnique({ where: { id: t.concernsUserId }, select: person }) : null,
  ]);
  await markRead(actor, t.id, now);
  return {
    thread: t, messages, promise, child, group, assignee, school, people, concerns,
    candidates: candidates.filter((c) => c.id !== t.assigneeId),
    bothHouseholds: households > 1,
    overdue: !!promise && promise.dueAt < now,
  };
}

/** A guardian's choices for a new question: their children (with the group's teachers and hours) and the director. */
export async function newQuestionOptions(actor: Actor, now = new Date()) {
  onlyGuardian(actor);
  const links = await prisma.guardianship.findMany({
    where: { userId: actor.userId, schoolId: actor.schoolId, endedAt: null, child: stillAtSchool(now) },
    orderBy: { child: { firstName: 'asc' } },
    select: { child: { select: { id: true, firstName: true, prefix: true, lastName: true } } },
  });
  const children = await Promise.all(
    links.map(async ({ child }) => {
      const group = await currentGroupOf(prisma, actor.schoolId, child.id, now);
      const teacherIds = group ? (await prisma.groupTeacher.findMany({ where: { groupId: group.id, schoolId: actor.schoolId }, select: { userId: true } })).map((r) => r.userId) : [];
      return { ...child, group, teachers: await peopleWithHours(actor.schoolId, teacherIds) };
    }),
  );
  const directorIds = (await prisma.membership.findMany({ where: { schoolId: actor.schoolId, role: 'DIRECTOR' }, select: { userId: true } })).map((m) => m.userId);
  return { children, directors: await peopleWithHours(actor.schoolId, directorIds) };
}

/** The worry-or-complaint page: the school's procedure and counsellor, the children with their teachers, the guardian's complaints. */
export async function complaintRoute(actor: Actor, now = new Date()) {
  const options = await newQuestionOptions(actor, now);
  const [school, complaints] = await Promise.all([
    prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { complaintProcedureUrl: true, counsellorName: true, counsellorContact: true } }),
    prisma.thread.findMany({ where: { AND: [await threadScope(actor, now), { kind: 'COMPLAINT' }] }, orderBy: { lastMessageAt: 'desc' }, select: { id: true, subject: true, complaintStep: true, closedAt: true, replyDueAt: true, child: { select: { firstName: true } } } }),
  ]);
  return { ...options, school, complaints };
}

/** Staff: the children they may start a conversation about (their caseload this year). */
export async function startChildren(actor: Actor, now = new Date()) {
  onlyStaff(actor);
  const year = await currentSchoolYear(actor.schoolId, now);
  if (!year) return [];
  return prisma.child.findMany({
    where: { AND: [await childScope(actor, year.id), stillAtSchool(now)] },
    orderBy: [{ firstName: 'asc' }, { lastName: 'asc' }],
    select: { id: true, firstName: true, prefix: true, lastName: true, enrolments: { where: { schoolYearId: year.id }, select: { group: { select: { name: true } } } } },
  });
}

/** Staff: a child's households with their guardians' names, to choose whom a conversation is with. */
export async function startOptions(actor: Actor, childId: string) {
  onlyStaff(actor);
  await requireOnChild(actor, childId, 'thread', 'write');
  const child = await prisma.child.findFirst({ where: { id: childId, schoolId: actor.schoolId }, select: { id: true, firstName: true, prefix: true, lastName: true } });
  if (!child) throw new AppError('NOT_FOUND');
  const links = await prisma.guardianship.findMany({ where: { childId, schoolId: actor.schoolId, endedAt: null }, orderBy: [{ householdId: 'asc' }, { user: { firstName: 'asc' } }], select: { householdId: true, user: { select: person } } });
  const households = [...new Set(links.map((l) => l.householdId))].map((id) => ({ id, guardians: links.filter((l) => l.householdId === id).map((l) => l.user) }));
  return { child, households };
}

/** Whether the actor sets working hours (staff), for the account page. */
export const setsWorkingHours = (actor: Actor) => mayAtSchool(actor, 'workingHours', 'write');
