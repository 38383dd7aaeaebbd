import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { importInto } from '@/lib/import/apply';
import { DEMO_LOGINS, demoSchoolCsv } from '@/lib/school/demo-school';
import { seedDemoSchool } from '../prisma/seed';
import { createSchool } from './support/factories';

describe('demo school', () => {
  it('is deterministic', () => {
    expect(demoSchoolCsv()).toEqual(demoSchoolCsv());
  });

  it('imports through the real import as a school the size of De Distelvlinder', async () => {
    const { school, year } = await createSchool();
    const t0 = performance.now();
    await prisma.$transaction((tx) => importInto(tx, school.id, year.id, demoSchoolCsv()), { timeout: 60_000 });
    console.log(`demo import: ${Math.round(performance.now() - t0)} ms`);
    const where = { schoolId: school.id };
    expect(await prisma.group.count({ where })).toBe(12);
    // The generator is seeded, so the counts are exact: about 260 pupils and 450 parents, like the real school.
    expect(await prisma.child.count({ where })).toBe(262);
    expect(await prisma.membership.count({ where: { ...where, role: 'GUARDIAN' } })).toBe(445);
    expect(await prisma.membership.count({ where: { ...where, role: { in: ['TEACHER', 'DIRECTOR'] } } })).toBe(25);
    expect(await prisma.membership.count({ where: { ...where, role: 'DIRECTOR' } })).toBe(1);
    const duos = await prisma.group.findMany({ where: { ...where, teachers: { some: {} } }, select: { name: true, _count: { select: { teachers: true } } } });
    expect(duos.filter((g) => g._count.teachers === 2).map((g) => g.name)).toContain('5A');
    // Siblings across groups, separated parents in two households, an information-only parent.
    const demoKids = await prisma.child.findMany({ where: { ...where, guardianships: { some: { user: { email: DEMO_LOGINS.guardian.email } } } }, include: { enrolments: { include: { group: true } }, guardianships: true } });
    expect(demoKids.map((c) => c.enrolments[0].group.name).sort()).toEqual(['3A', '6']);
    expect(new Set(demoKids[0].guardianships.map((g) => g.householdId)).size).toBe(2);
    expect(await prisma.guardianship.count({ where: { ...where, right: 'INFORMATION', user: { email: DEMO_LOGINS.informationOnly.email } } })).toBe(1);
  });

  it('is never seeded into a database that already has schools', async () => {
    const before = await prisma.school.count();
    expect(await seedDemoSchool()).toBe(false);
    expect(await prisma.school.count()).toBe(before);
  });
});
