import 'server-only';
import { cache } from 'react';
import type { Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { currentSchoolYear } from '@/lib/school/year';
import { AppError } from '@/lib/errors';

// The one place that decides who may see which child, group and person. Every query for
// tenant data starts from these `where` clauses; nothing else filters on role.

/** Children the actor may see in the given school year. */
export async function childScope(actor: Actor, schoolYearId: string): Promise<Prisma.ChildWhereInput> {
  switch (actor.role) {
    case 'GUARDIAN':
      // Every guardian, with authority or information only, sees the same (BW 1:377c).
      return { schoolId: actor.schoolId, guardianships: { some: { userId: actor.userId, schoolId: actor.schoolId, endedAt: null } } };
    case 'TEACHER': {
      // The internal supervisor coordinates care for the whole school.
      if (actor.care) return { schoolId: actor.schoolId };
      const school = await prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { teachersSeeAllPupils: true } });
      if (school.teachersSeeAllPupils) return { schoolId: actor.schoolId };
      return {
        schoolId: actor.schoolId,
        enrolments: { some: { schoolYearId, group: { teachers: { some: { userId: actor.userId } } } } },
      };
    }
    case 'DIRECTOR':
      return { schoolId: actor.schoolId };
  }
}

/** Groups the actor may open (a teacher: their own; a director: all of the school). */
export function groupScope(actor: Actor, schoolYearId: string): Prisma.GroupWhereInput {
  switch (actor.role) {
    case 'GUARDIAN':
      return { schoolId: actor.schoolId, schoolYearId, enrolments: { some: { child: { guardianships: { some: { userId: actor.userId, schoolId: actor.schoolId, endedAt: null } } } } } };
    case 'TEACHER':
      return { schoolId: actor.schoolId, schoolYearId, teachers: { some: { userId: actor.userId } } };
    case 'DIRECTOR':
      return { schoolId: actor.schoolId, schoolYearId };
  }
}

/** Groups whose pupils the actor works with day to day: a teacher's own, the internal supervisor's and director's all. */
export function caseloadGroups(actor: Actor, schoolYearId: string): Prisma.GroupWhereInput {
  return actor.role === 'TEACHER' && actor.care ? { schoolId: actor.schoolId, schoolYearId } : groupScope(actor, schoolYearId);
}

async function findVisibleChild(actor: Actor, childId: string, db: Tx | typeof prisma) {
  const year = await currentSchoolYear(actor.schoolId);
  if (!year) throw new AppError('NOT_FOUND');
  const child = await db.child.findFirst({ where: { AND: [{ id: childId }, await childScope(actor, year.id)] }, select: { id: true, firstName: true, prefix: true, lastName: true } });
  if (!child) throw new AppError('NOT_FOUND');
  return child;
}

// A page asks this once per part of the child's file (records, notes, plans, ...); within one
// request the answer is the same, so it is checked once. Inside a transaction it is always asked.
const visibleChildThisRequest = cache((actor: Actor, childId: string) => findVisibleChild(actor, childId, prisma));

/** Fails closed: a child outside the actor's scope (this school year) is "not found", never "forbidden". */
export async function visibleChild(actor: Actor, childId: string, db: Tx | typeof prisma = prisma) {
  return db === prisma ? visibleChildThisRequest(actor, childId) : findVisibleChild(actor, childId, db);
}
