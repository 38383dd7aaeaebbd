import 'server-only';
import { onlyDirector } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { currentSchoolYear } from '@/lib/school/year';

const personName = { select: { id: true, firstName: true, prefix: true, lastName: true } } as const;

/** The director's team page: staff, this year's groups with their teachers, and guardians whose access was ended. */
export async function teamOverview(actor: Actor) {
  onlyDirector(actor);
  // A school just set up has its team before its first year: the groups wait for the year.
  const year = await currentSchoolYear(actor.schoolId);
  const [staff, groups, ended, school] = await Promise.all([
    prisma.membership.findMany({
      where: { schoolId: actor.schoolId, role: { in: ['TEACHER', 'DIRECTOR'] } },
      orderBy: [{ role: 'asc' }, { user: { lastName: 'asc' } }, { user: { firstName: 'asc' } }],
      select: { id: true, role: true, careCoordinator: true, user: { select: { ...personName.select, email: true, passwordHash: true } } },
    }),
    prisma.group.findMany({
      where: { schoolId: actor.schoolId, schoolYearId: year?.id ?? '' },
      orderBy: [{ grade: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, teachers: { select: { userId: true } } },
    }),
    prisma.guardianship.findMany({
      where: { schoolId: actor.schoolId, endedAt: { not: null } },
      orderBy: { endedAt: 'desc' },
      take: 100,
      select: { id: true, endedAt: true, endReason: true, endNote: true, relation: true, user: personName, child: personName },
    }),
    prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { shareGuardianContacts: true } }),
  ]);
  return {
    year,
    // Whether a password is set is all the page needs to know about it.
    staff: staff.map(({ user: { passwordHash, ...user }, ...m }) => ({ ...m, user: { ...user, hasPassword: !!passwordHash } })),
    groups,
    ended,
    shareGuardianContacts: school.shareGuardianContacts,
  };
}
