// Test data through Prisma with random names, so tests never depend on each other's rows.
import { randomUUID } from 'node:crypto';
import type { GuardianRight, Role } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { zonedDateKey } from '@/lib/format/time';
import { schoolYearOf } from '@/lib/school/holidays-nl';

const uid = () => randomUUID().slice(0, 8);

/**
 * A school with one school year. Without `yearOf` that is 2026-2027: tests that pass their own clock
 * (`now`) place it in that year, so they read the same every day. Tests whose code reads the real
 * clock (an import refuses a year that has ended, a session starts now) pass `yearOf: new Date()` and
 * get the school year that date falls in, so they do not break once 2026-2027 is over.
 */
export async function createSchool(opts: { teachersSeeAllPupils?: boolean; yearOf?: Date } = {}) {
  const board = await prisma.board.create({ data: { name: `Bestuur ${uid()}` } });
  const school = await prisma.school.create({
    data: { boardId: board.id, name: `School ${uid()}`, slug: `school-${uid()}`, teachersSeeAllPupils: opts.teachersSeeAllPupils ?? false },
  });
  const y = opts.yearOf ? schoolYearOf(zonedDateKey(opts.yearOf), 'midden') : { name: '2026-2027', startDate: '2026-08-24', endDate: '2027-07-16' };
  const year = await prisma.schoolYear.create({
    data: { schoolId: school.id, name: y.name, startDate: new Date(y.startDate), endDate: new Date(y.endDate) },
  });
  return { board, school, year };
}

export async function createUser(schoolId: string, role: Role, extra: { email?: string } = {}) {
  const user = await prisma.user.create({
    data: { email: extra.email ?? `${role.toLowerCase()}-${uid()}@example.test`, firstName: 'Test', lastName: uid() },
  });
  const membership = await prisma.membership.create({ data: { schoolId, userId: user.id, role } });
  const actor: Actor = { userId: user.id, schoolId, role, membershipId: membership.id };
  return { user, actor };
}

export async function createGroup(schoolId: string, schoolYearId: string, name = `${1 + Math.floor(Math.random() * 8)}${uid()}`, teacherIds: string[] = []) {
  const group = await prisma.group.create({ data: { schoolId, schoolYearId, name, grade: Number(name[0]) || 5 } });
  for (const userId of teacherIds) await prisma.groupTeacher.create({ data: { schoolId, groupId: group.id, userId } });
  return group;
}

/** A family: guardians (one household unless `separated`) and children in the given groups. */
export async function createFamily(
  schoolId: string,
  schoolYearId: string,
  groupIds: string[],
  opts: { guardians?: number; separated?: boolean; informationOnly?: boolean } = {},
) {
  const guardians = [];
  for (let i = 0; i < (opts.guardians ?? 1); i++) guardians.push(await createUser(schoolId, 'GUARDIAN'));
  const children = [];
  for (const groupId of groupIds) {
    const child = await prisma.child.create({
      data: { schoolId, pupilNumber: uid(), firstName: 'Kind', lastName: uid(), dateOfBirth: new Date('2018-05-01') },
    });
    await prisma.enrolment.create({ data: { schoolId, schoolYearId, childId: child.id, groupId } });
    children.push(child);
  }
  for (const [i, g] of guardians.entries()) {
    const household = await prisma.household.upsert({
      where: { schoolId_key: { schoolId, key: `${guardians[0].user.id}-${opts.separated ? i : 0}` } },
      update: {},
      create: { schoolId, key: `${guardians[0].user.id}-${opts.separated ? i : 0}` },
    });
    const right: GuardianRight = opts.informationOnly && i === guardians.length - 1 ? 'INFORMATION' : 'AUTHORITY';
    for (const child of children) {
      await prisma.guardianship.create({ data: { schoolId, childId: child.id, userId: g.user.id, householdId: household.id, right, relation: i ? 'vader' : 'moeder' } });
    }
  }
  return { guardians, children };
}
