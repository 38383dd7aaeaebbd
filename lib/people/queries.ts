import 'server-only';
import { onChildFile, withVisibleContacts } from '@/lib/access/child-file';
import { caseloadGroups, childScope, groupScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { auditFile } from '@/lib/records/audit';
import { currentSchoolYear, stillAtSchool } from '@/lib/school/year';

// Reads for the home pages and the child page. Each takes the actor and builds its where from lib/access.

const personName = { select: { id: true, firstName: true, prefix: true, lastName: true } } as const;

async function yearOf(actor: Actor) {
  const year = await currentSchoolYear(actor.schoolId);
  if (!year) throw new AppError('NOT_FOUND');
  return year;
}

export async function schoolHeader(actor: Actor) {
  return prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { name: true } });
}

/** A guardian's children, each with group and teacher(s). */
export async function guardianHome(actor: Actor) {
  // A school that was just set up has no year yet: nothing to show, nothing wrong.
  const year = await currentSchoolYear(actor.schoolId);
  if (!year) return { year: null, children: [] };
  const children = await prisma.child.findMany({
    where: await childScope(actor, year.id),
    orderBy: [{ dateOfBirth: 'asc' }],
    select: {
      id: true,
      firstName: true,
      prefix: true,
      lastName: true,
      enrolments: {
        where: { schoolYearId: year.id },
        select: { group: { select: { id: true, name: true, grade: true, teachers: { select: { user: personName } } } } },
      },
    },
  });
  return { year, children };
}

/** A teacher's groups with their pupils. */
export async function teacherHome(actor: Actor) {
  const year = await currentSchoolYear(actor.schoolId);
  if (!year) return { year: null, groups: [] };
  const groups = await prisma.group.findMany({
    where: caseloadGroups(actor, year.id),
    orderBy: [{ grade: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      grade: true,
      teachers: { select: { user: personName } },
      enrolments: {
        orderBy: [{ child: { firstName: 'asc' } }],
        select: { child: { select: { id: true, firstName: true, prefix: true, lastName: true, dateOfBirth: true } } },
      },
    },
  });
  return { year, groups };
}

/** The director's overview: groups with numbers, staff, totals. */
export async function directorHome(actor: Actor) {
  const year = await yearOf(actor);
  const [groups, staff, children, guardians] = await Promise.all([
    prisma.group.findMany({
      where: groupScope(actor, year.id),
      orderBy: [{ grade: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, grade: true, teachers: { select: { user: personName } }, _count: { select: { enrolments: true } } },
    }),
    prisma.membership.findMany({
      where: { schoolId: actor.schoolId, role: { in: ['TEACHER', 'DIRECTOR'] } },
      orderBy: [{ role: 'asc' }, { user: { lastName: 'asc' } }],
      select: { id: true, role: true, careCoordinator: true, user: { select: { ...personName.select, email: true } } },
    }),
    prisma.child.count({ where: { schoolId: actor.schoolId, ...stillAtSchool(), enrolments: { some: { schoolYearId: year.id } } } }),
    prisma.membership.count({ where: { schoolId: actor.schoolId, role: 'GUARDIAN' } }),
  ]);
  return { year, groups, staff, totals: { children, guardians, groups: groups.length, staff: staff.length } };
}

/**
 * One child, as the actor may see it; NOT_FOUND outside their scope. Another household's e-mail and
 * phone only where lib/access allows it. A staff member's read is audited here, wherever it is shown.
 */
export async function childDetail(actor: Actor, childId: string) {
  const year = await yearOf(actor);
  const rel = await onChildFile(actor, childId, 'child', 'read');
  const child = await prisma.child.findFirst({
    where: { id: childId, schoolId: actor.schoolId },
    select: {
      id: true,
      pupilNumber: true,
      firstName: true,
      prefix: true,
      lastName: true,
      dateOfBirth: true,
      leftAt: true,
      school: { select: { retentionMonths: true, shareGuardianContacts: true } },
      enrolments: { where: { schoolYearId: year.id }, select: { group: { select: { id: true, name: true, grade: true, teachers: { select: { user: personName } } } } } },
      guardianships: {
        where: { endedAt: null },
        orderBy: [{ household: { key: 'asc' } }, { relation: 'asc' }],
        select: { id: true, right: true, relation: true, householdId: true, user: { select: { ...personName.select, email: true, phone: true } } },
      },
    },
  });
  if (!child) throw new AppError('NOT_FOUND');
  // Every year's group, so last year's group (and next year's, once the rollover is imported) can be read.
  const years = await prisma.enrolment.findMany({
    where: { schoolId: actor.schoolId, childId },
    orderBy: { schoolYear: { startDate: 'asc' } },
    select: { schoolYear: { select: { name: true } }, group: { select: { name: true } } },
  });
  await auditFile(prisma, actor, childId, 'read', 'details');
  return {
    ...child,
    school: { retentionMonths: child.school.retentionMonths },
    guardianships: withVisibleContacts(rel, child.school.shareGuardianContacts, child.guardianships),
    years: years.map((e) => ({ year: e.schoolYear.name, group: e.group.name })),
  };
}
