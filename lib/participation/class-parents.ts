import 'server-only';
import { isGuardian } from '@/lib/access/roles';
import { mayAtSchool, requireAtSchool } from '@/lib/access/school';
import { groupScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import { currentSchoolYear, stillAtSchool } from '@/lib/school/year';

// Class parents (klassenouders): the director (any group) or the group's teacher appoints a guardian of
// a child in the group; that guardian may then post help requests for that group only.

async function staffGroup(actor: Actor, groupId: string, now: Date) {
  requireAtSchool(actor, 'activity', 'write');
  const year = await currentSchoolYear(actor.schoolId, now);
  if (!year || !(await prisma.group.count({ where: { AND: [{ id: groupId }, groupScope(actor, year.id)] } }))) throw new AppError('NOT_FOUND');
}

const guardianOfGroup = (schoolId: string, groupId: string, now: Date) => ({ schoolId, endedAt: null, child: { ...stillAtSchool(now), enrolments: { some: { groupId } } } });

export async function appointClassParent(actor: Actor, input: { groupId: string; userId: string }, now = new Date()) {
  await staffGroup(actor, input.groupId, now);
  await prisma.$transaction(async (tx) => {
    // Only a guardian of a child in the group: anyone else is not found.
    if (!(await tx.guardianship.count({ where: { userId: input.userId, ...guardianOfGroup(actor.schoolId, input.groupId, now) } }))) throw new AppError('NOT_FOUND');
    await tx.classParent.upsert({
      where: { groupId_userId: { groupId: input.groupId, userId: input.userId } },
      create: { schoolId: actor.schoolId, groupId: input.groupId, userId: input.userId },
      update: {},
    });
  });
}

export async function removeClassParent(actor: Actor, input: { groupId: string; userId: string }, now = new Date()) {
  await staffGroup(actor, input.groupId, now);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.classParent.deleteMany({ where: { schoolId: actor.schoolId, groupId: input.groupId, userId: input.userId } });
    if (count !== 1) throw new AppError('NOT_FOUND');
  });
}

/** Staff's view: per group they may appoint for, its class parents and the guardians to choose from. */
export async function classParentGroups(actor: Actor, now = new Date()) {
  requireAtSchool(actor, 'activity', 'write');
  const year = await currentSchoolYear(actor.schoolId, now);
  if (!year) return [];
  const groups = await prisma.group.findMany({
    where: groupScope(actor, year.id),
    orderBy: [{ grade: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, classParents: { select: { userId: true, user: { select: { firstName: true, prefix: true, lastName: true } } } } },
  });
  const links = await prisma.guardianship.findMany({
    where: { schoolId: actor.schoolId, endedAt: null, child: { ...stillAtSchool(now), enrolments: { some: { schoolYearId: year.id, groupId: { in: groups.map((g) => g.id) } } } } },
    select: { userId: true, user: { select: { firstName: true, prefix: true, lastName: true } }, child: { select: { firstName: true, enrolments: { where: { schoolYearId: year.id }, select: { groupId: true } } } } },
  });
  return groups.map((g) => {
    const current = new Set(g.classParents.map((c) => c.userId));
    const candidates = new Map<string, { userId: string; name: string; children: string[] }>();
    for (const l of links) {
      if (!l.child.enrolments.some((e) => e.groupId === g.id) || current.has(l.userId)) continue;
      const c = candidates.get(l.userId) ?? { userId: l.userId, name: fullName(l.user), children: [] };
      c.children.push(l.child.firstName);
      candidates.set(l.userId, c);
    }
    return {
      id: g.id,
      name: g.name,
      classParents: g.classParents.map((c) => ({ userId: c.userId, name: fullName(c.user) })).sort((a, b) => a.name.localeCompare(b.name)),
      candidates: [...candidates.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}

/** The groups a guardian is class parent of (this school year). */
export async function myClassParentGroups(actor: Actor, now = new Date()) {
  if (!isGuardian(actor) || !mayAtSchool(actor, 'activity', 'writeAsClassParent')) return [];
  const year = await currentSchoolYear(actor.schoolId, now);
  if (!year) return [];
  return prisma.group.findMany({ where: { schoolId: actor.schoolId, schoolYearId: year.id, classParents: { some: { userId: actor.userId } } }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
}
