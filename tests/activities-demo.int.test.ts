import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { seedDemoParticipation } from '@/prisma/demo/participation';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The demo's helping traffic on a school like the demo's (the lead wires seedDemoParticipation into the seed).
const NOW = new Date('2026-12-01T08:00:00Z');
let schoolId: string;
beforeAll(async () => {
  const { school, year } = await createSchool();
  schoolId = school.id;
  await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  for (const name of ['3A', '4A', '5A', '6', '7', '8A']) {
    const g = await createGroup(school.id, year.id, name, name === '5A' ? [teacher.user.id] : []);
    for (let i = 0; i < 10; i++) await createFamily(school.id, year.id, [g.id], { guardians: i % 3 === 0 ? 2 : 1, separated: i % 6 === 0 });
  }
  await seedDemoParticipation(school.id, NOW);
}, 120_000);

describe('demo participation', () => {
  it('a half-full excursion for 5A, the Christmas dinner with helpers, one driver place left in 3A; ~30 talents and a class parent', async () => {
    const fill = async (title: string) =>
      (await prisma.activity.findFirstOrThrow({ where: { schoolId, title }, select: { roles: { orderBy: { label: 'asc' }, select: { label: true, places: true, _count: { select: { claims: true } } } } } })).roles.map((r) => [r.label, r._count.claims, r.places]);
    expect(await fill('Excursie naar het Natuurmuseum')).toEqual([['Begeleider', 2, 4], ['Chauffeur', 2, 3]]);
    expect(await fill('Kerstdiner')).toEqual([['Afwassen', 0, 4], ['Koken', 4, 6], ['Versieren', 2, 4]]);
    expect(await fill('Bezoek aan de bibliotheek')).toEqual([['Begeleider', 0, 2], ['Chauffeur', 2, 3]]);
    expect(await fill('Lampionnenoptocht Sint Maarten')).toEqual([['Begeleider', 2, 4]]);
    expect(await prisma.guardianTalent.count({ where: { schoolId } })).toBe(30);
    expect(await prisma.classParent.count({ where: { schoolId, group: { name: '5A' } } })).toBe(1);
    const excursion = await prisma.activity.findFirstOrThrow({ where: { schoolId, title: 'Excursie naar het Natuurmuseum' } });
    expect((+excursion.startsAt - +NOW) / 86_400_000).toBeCloseTo(10, 0);
  });
});
