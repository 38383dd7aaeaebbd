import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { isCareCoordinator, isDirector, isGuardian, onlyStaff } from '@/lib/access/roles';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';

// Who sees which meeting (policy row `meeting`, a school-wide kind):
// - a guardian: whole-school meetings while they have live access to a child here, and those of the
//   groups their children are in — information-only guardians too (policy: rsvp GUARDIANS);
// - a teacher: whole-school ones, their own and those of groups they teach;
// - the internal supervisor and the director: all of the school's.

const liveGuardian = (actor: Actor) => ({ userId: actor.userId, schoolId: actor.schoolId, endedAt: null });

export function meetingScope(actor: Actor): Prisma.MeetingWhereInput {
  requireAtSchool(actor, 'meeting', 'read');
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
  return { ...school, OR: [{ wholeSchool: true }, { createdById: actor.userId }, { groups: { some: { group: { teachers: { some: { userId: actor.userId } } } } } }] };
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
