import 'server-only';
import type { GuardianRight } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { currentSchoolYear } from '@/lib/school/year';
import { allows, type Relation, type ResourceKind, type Verb } from './policy';
import { isCareCoordinator, isDirector, isGuardian } from './roles';
import { groupScope } from './scope';

/** How the actor stands to one child: their relations, and (for a guardian) their household and right. */
export type ChildRelation = { childId: string; relations: Set<Relation>; householdId: string | null; right: GuardianRight | null };

/**
 * The actor's relations to a child of their school, from the database as it is now (an ended
 * guardianship or a teacher taken off the group counts from the next request on). No relation at
 * all: NOT_FOUND, so the child is not even confirmed to exist.
 */
export async function relationTo(actor: Actor, childId: string, db: Tx | typeof prisma = prisma): Promise<ChildRelation> {
  const relations = new Set<Relation>();
  let householdId: string | null = null;
  let right: GuardianRight | null = null;
  if (isGuardian(actor)) {
    const g = await db.guardianship.findFirst({ where: { childId, userId: actor.userId, schoolId: actor.schoolId, endedAt: null }, select: { right: true, householdId: true } });
    if (g) {
      relations.add(g.right === 'AUTHORITY' ? 'authority' : 'information');
      householdId = g.householdId;
      right = g.right;
    }
  } else {
    const child = await db.child.findFirst({ where: { id: childId, schoolId: actor.schoolId }, select: { id: true } });
    if (child) {
      if (isDirector(actor)) relations.add('director');
      else {
        if (isCareCoordinator(actor)) relations.add('care');
        if (await teachesChild(actor, childId, db)) relations.add('teacher');
      }
    }
  }
  if (relations.size === 0) throw new AppError('NOT_FOUND');
  return { childId, relations, householdId, right };
}

async function teachesChild(actor: Actor, childId: string, db: Tx | typeof prisma) {
  const school = await db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { teachersSeeAllPupils: true } });
  if (school.teachersSeeAllPupils) return true;
  const year = await currentSchoolYear(actor.schoolId, new Date(), db);
  if (!year) return false;
  return (await db.enrolment.count({ where: { childId, schoolYearId: year.id, group: groupScope(actor, year.id) } })) > 0;
}

/**
 * The guard for one child: the actor's relation when the policy allows `verb` on `kind`, else
 * NOT_FOUND (fail closed; a guardian who may read but not write gets the same answer as a stranger).
 */
export async function requireOnChild<K extends ResourceKind>(actor: Actor, childId: string, kind: K, verb: Verb<K>, db: Tx | typeof prisma = prisma) {
  const rel = await relationTo(actor, childId, db);
  if (!allows(kind, verb, rel.relations)) throw new AppError('NOT_FOUND');
  return rel;
}
