import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { isDirector, isGuardian, onlyStaff } from '@/lib/access/roles';
import { requireAtSchool, schoolItemAudience } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';

// Who sees which meeting (policy row `meeting`, a school-wide kind):
// - a guardian: whole-school meetings while they have live access to a child here, and those of the
//   groups their children are in — information-only guardians too (policy: rsvp GUARDIANS);
// - a teacher: whole-school ones, their own and those of groups they teach;
// - the internal supervisor and the director: all of the school's.

export function meetingScope(actor: Actor): Prisma.MeetingWhereInput {
  requireAtSchool(actor, 'meeting', 'read');
  const school = { schoolId: actor.schoolId };
  const reach = schoolItemAudience(actor);
  if (!reach) return school;
  return {
    ...school,
    OR: [
      { wholeSchool: true, ...(reach.wholeSchool && { school: reach.wholeSchool }) },
      { groups: { some: { group: reach.groups } } },
      ...(isGuardian(actor) ? [] : [{ createdById: actor.userId }]),
    ],
  };
}

/**
 * Groups whose families a staff member registers on the evening: a teacher the groups they teach
 * (a whole-school meeting's creator all of it), the director all.
 */
export function registerGroups(actor: Actor, meeting: { createdById: string; wholeSchool: boolean }): Prisma.GroupWhereInput {
  onlyStaff(actor);
  if (isDirector(actor) || meeting.createdById === actor.userId) return { schoolId: actor.schoolId };
  return { schoolId: actor.schoolId, teachers: { some: { userId: actor.userId } } };
}
