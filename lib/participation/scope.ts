import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { isDirector, isGuardian } from '@/lib/access/roles';
import { requireAtSchool, schoolItemAudience } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';

// Who sees which activity (policy row `activity`, a school-wide kind):
// - a guardian: the whole school's while they have live access to a child here, and those of the
//   groups their children are in (information-only guardians too: helping is open to every parent);
// - a teacher: the whole school's, their own groups' and those they posted;
// - the internal supervisor and the director: all of the school's.

export function activityScope(actor: Actor): Prisma.ActivityWhereInput {
  requireAtSchool(actor, 'activity', 'read');
  const school = { schoolId: actor.schoolId };
  const reach = schoolItemAudience(actor);
  if (!reach) return school;
  return {
    ...school,
    OR: [
      { groupId: null, ...(reach.wholeSchool && { school: reach.wholeSchool }) },
      { group: reach.groups },
      ...(isGuardian(actor) ? [] : [{ createdById: actor.userId }]),
    ],
  };
}

/**
 * Activities whose helpers the actor manages (sees names and seats, allocates): the director all,
 * a teacher those of their groups and their own, a class parent those of their group.
 */
export function managedActivities(actor: Actor): Prisma.ActivityWhereInput {
  const school = { schoolId: actor.schoolId };
  if (isDirector(actor)) return school;
  if (isGuardian(actor)) return { ...school, group: { classParents: { some: { userId: actor.userId } } } };
  return { ...school, OR: [{ createdById: actor.userId }, { group: { teachers: { some: { userId: actor.userId } } } }] };
}
