import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { isCareCoordinator, isDirector, isGuardian, onlyStaff } from '@/lib/access/roles';
import { requireAtSchool, schoolItemAudience } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';

// Who sees which announcement (policy row `announcement`, a school-wide kind):
// - a guardian: the whole school's while they have live access to a child here, and those of the
//   groups their children are (or were) in — information-only guardians too: group news is
//   information about the child;
// - a teacher: the whole school's, their own groups' and their own;
// - the internal supervisor and the director: all of the school's.

export function announcementScope(actor: Actor): Prisma.AnnouncementWhereInput {
  requireAtSchool(actor, 'announcement', 'read');
  const school = { schoolId: actor.schoolId };
  const reach = schoolItemAudience(actor);
  if (!reach) return school;
  return {
    ...school,
    OR: [
      { wholeSchool: true, ...(reach.wholeSchool && { school: reach.wholeSchool }) },
      { groups: { some: { group: reach.groups } } },
      ...(isGuardian(actor) ? [] : [{ authorId: actor.userId }]),
    ],
  };
}

/**
 * Groups whose families a staff member follows on an announcement (the per-group confirmation
 * view), in any school year: the internal supervisor's and director's all, a teacher's their own.
 */
export function followedGroups(actor: Actor): Prisma.GroupWhereInput {
  onlyStaff(actor);
  if (isDirector(actor) || isCareCoordinator(actor)) return { schoolId: actor.schoolId };
  return { schoolId: actor.schoolId, teachers: { some: { userId: actor.userId } } };
}
