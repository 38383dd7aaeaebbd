import 'server-only';
import type { HelpKind, Prisma } from '@/generated/prisma/client';
import { onlyGuardian } from '@/lib/access/roles';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import { currentSchoolYear, stillAtSchool } from '@/lib/school/year';
import type { TalentInput } from './schemas';

// What a parent is good at and would help with (policy row `talent`): their own to write, staff
// search it when planning. Only guardians with live access to a child here are listed.

const liveAt = (schoolId: string) => ({ schoolId, endedAt: null });

export async function myTalents(actor: Actor) {
  onlyGuardian(actor);
  const t = await prisma.guardianTalent.findUnique({ where: { schoolId_userId: { schoolId: actor.schoolId, userId: actor.userId } }, select: { helpWith: true, talents: true, updatedAt: true } });
  return t ?? { helpWith: [] as HelpKind[], talents: '', updatedAt: null };
}

export async function saveTalents(actor: Actor, input: TalentInput) {
  requireAtSchool(actor, 'talent', 'write');
  const helpWith = [...new Set(input.helpWith)];
  await prisma.$transaction(async (tx) => {
    if (!(await tx.guardianship.count({ where: { userId: actor.userId, ...liveAt(actor.schoolId) } }))) throw new AppError('NOT_FOUND');
    await tx.guardianTalent.upsert({
      where: { schoolId_userId: { schoolId: actor.schoolId, userId: actor.userId } },
      create: { schoolId: actor.schoolId, userId: actor.userId, helpWith, talents: input.talents },
      update: { helpWith, talents: input.talents },
    });
  });
}

/** Staff's search: by what they would help with and/or words in their talents or name; with their children's groups this year and their e-mail. */
export async function searchTalents(actor: Actor, filter: { kind?: HelpKind; q?: string }, now = new Date()) {
  requireAtSchool(actor, 'talent', 'read');
  const year = await currentSchoolYear(actor.schoolId, now);
  const q = filter.q?.trim();
  const where: Prisma.GuardianTalentWhereInput = {
    schoolId: actor.schoolId,
    user: { guardianships: { some: liveAt(actor.schoolId) } },
    ...(filter.kind ? { helpWith: { has: filter.kind } } : { OR: [{ helpWith: { isEmpty: false } }, { talents: { not: '' } }] }),
    ...(q
      ? {
          AND: [
            {
              OR: [
                { talents: { contains: q, mode: 'insensitive' } },
                { user: { firstName: { contains: q, mode: 'insensitive' } } },
                { user: { lastName: { contains: q, mode: 'insensitive' } } },
              ],
            },
          ],
        }
      : {}),
  };
  const rows = await prisma.guardianTalent.findMany({
    where,
    take: 200,
    orderBy: [{ user: { lastName: 'asc' } }, { user: { firstName: 'asc' } }],
    select: {
      helpWith: true,
      talents: true,
      user: {
        select: {
          id: true,
          firstName: true,
          prefix: true,
          lastName: true,
          email: true,
          guardianships: {
            where: { ...liveAt(actor.schoolId), child: stillAtSchool(now) },
            select: { child: { select: { enrolments: { where: { schoolYearId: year?.id ?? '' }, select: { group: { select: { name: true, grade: true } } } } } } },
          },
        },
      },
    },
  });
  return rows.map((r) => ({
    userId: r.user.id,
    name: fullName(r.user),
    email: r.user.email,
    helpWith: r.helpWith,
    talents: r.talents,
    groups: [...new Set(r.user.guardianships.flatMap((g) => g.child.enrolments.map((e) => e.group.name)))].sort(),
  }));
}
