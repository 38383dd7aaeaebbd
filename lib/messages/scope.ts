import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { isDirector, isGuardian } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { currentSchoolYear } from '@/lib/school/year';

// Which threads an actor sees. The policy table (lib/access/policy.ts) lets everyone with a relation
// to the child read and write its threads; a thread is further limited here:
// - a guardian: threads with one of their households, about a child they are (still) a guardian of
//   (or about a school matter); another household's thread never, unless the sender included theirs;
// - a teacher: the GROUP inbox of the groups they teach this school year (duo colleagues both), and
//   threads handed to them; a complaint only while it is at the teacher's step;
// - the internal supervisor: threads handed to them (and their own groups', if they teach one);
// - the director: every thread of the school (they answer for the reply times).
// A complaint is never shown to the person it concerns (a teacher), whatever the step.

/** The households the guardian acts for (live guardianships). */
export async function householdsOf(actor: Actor, db: Tx | typeof prisma = prisma) {
  const rows = await db.guardianship.findMany({ where: { userId: actor.userId, schoolId: actor.schoolId, endedAt: null }, select: { householdId: true }, distinct: ['householdId'] });
  return rows.map((r) => r.householdId);
}

/** The groups the staff member teaches this school year. */
export async function taughtGroupIds(actor: Actor, now = new Date(), db: Tx | typeof prisma = prisma) {
  const year = await currentSchoolYear(actor.schoolId, now, db);
  if (!year) return [];
  const rows = await db.groupTeacher.findMany({ where: { schoolId: actor.schoolId, userId: actor.userId, group: { schoolYearId: year.id } }, select: { groupId: true } });
  return rows.map((r) => r.groupId);
}

export async function threadScope(actor: Actor, now = new Date(), db: Tx | typeof prisma = prisma): Promise<Prisma.ThreadWhereInput> {
  if (isGuardian(actor)) {
    return {
      schoolId: actor.schoolId,
      households: { some: { householdId: { in: await householdsOf(actor, db) } } },
      OR: [{ childId: null }, { child: { guardianships: { some: { userId: actor.userId, endedAt: null } } } }],
    };
  }
  // Spelled out with null: NOT (x = y) is not true when x is null in SQL.
  const notConcerned: Prisma.ThreadWhereInput = { OR: [{ concernsUserId: null }, { concernsUserId: { not: actor.userId } }] };
  if (isDirector(actor)) return { schoolId: actor.schoolId, AND: [notConcerned] };
  const groupIds = await taughtGroupIds(actor, now, db);
  const visible: Prisma.ThreadWhereInput[] = [
    { inbox: 'GROUP', groupId: { in: groupIds }, OR: [{ kind: 'QUESTION' }, { complaintStep: 'TEACHER' }] },
    // Complaints are never handed over (see handOver), so an assignee only ever gets questions.
    { assigneeId: actor.userId, kind: 'QUESTION' },
  ];
  // (The internal supervisor without groups of their own has no group inbox: only what is handed to them.)
  return { schoolId: actor.schoolId, OR: visible, AND: [notConcerned] };
}

/**
 * The same rule as threadScope, as SQL over "Thread" t for the inbox's one-statement reads (the
 * inbox page must stay fast with a year of a school's messages). $1 is the school, $2 the user; the
 * returned params continue from $3. Tests run both through the same cases.
 */
export async function threadScopeSql(actor: Actor, now = new Date()): Promise<{ sql: string; params: unknown[] }> {
  if (isGuardian(actor)) throw new Error('threadScopeSql is for staff');
  const notConcerned = `(t."concernsUserId" IS NULL OR t."concernsUserId" <> $2)`;
  if (isDirector(actor)) return { sql: `t."schoolId" = $1 AND ${notConcerned}`, params: [] };
  const groupIds = await taughtGroupIds(actor, now);
  return {
    sql: `t."schoolId" = $1
      AND ((t.inbox = 'GROUP' AND t."groupId" = ANY($3::text[]) AND (t.kind = 'QUESTION' OR t."complaintStep" = 'TEACHER'))
        OR (t."assigneeId" = $2 AND t.kind = 'QUESTION'))
      AND ${notConcerned}`,
    params: [groupIds],
  };
}
