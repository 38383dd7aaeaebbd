import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { isCareCoordinator, isDirector, isGuardian, onlyStaff } from '@/lib/access/roles';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';

// Who sees which announcement (policy row `announcement`, a school-wide kind):
// - a guardian: the whole school's while they have live access to a child here, and those of the
//   groups their children are (or were) in — information-only guardians too: group news is
//   information about the child;
// - a teacher: the whole school's, their own groups' and their own;
// - the internal supervisor and the director: all of the school's.

const liveGuardian = (actor: Actor) => ({ userId: actor.userId, schoolId: actor.schoolId, endedAt: null });

export function announcementScope(actor: Actor): Prisma.AnnouncementWhereInput {
  requireAtSchool(actor, 'announcement', 'read');
  const school = { schoolId: actor.schoolId };
  if (isDirector(actor) || isCareCoordinator(actor)) return school;
  if (isGuardian(actor)) {
    return {
      ...school,
      OR: [
        { wholeSchool: true, school: { guardianships: { some: liveGuardian(actor) } } },
        { groups: { some: { group: { enrolments: { some: { child: { guardianships: { some: liveGuardian(actor) } } } } } } } },
      ],
    };
  }
  return { ...school, OR: [{ wholeSchool: true }, { authorId: actor.userId }, { groups: { some: { group: { teachers: { some: { userId: actor.userId } } } } } }] };
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
