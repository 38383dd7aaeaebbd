import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { toCsv } from '@/lib/import/csv';
import { applyImport, previewImport } from '@/lib/import/apply';
import { PUPIL_COLUMNS, STAFF_COLUMNS } from '@/lib/import/schemas';
import { createSchool, createUser } from './support/factories';

const pupils = (rows: (string | null)[][]) => toCsv(PUPIL_COLUMNS, rows);
const staff = (rows: (string | null)[][]) => toCsv(STAFF_COLUMNS, rows);

const FAMILY = [
  ['2001', 'Sanne', 'de', 'Vries', '14-03-2019', '3A', 'Marieke', null, 'Bakker', 'm.bakker@voorbeeld.nl', '0612345678', 'moeder', 'ja', '1'],
  ['2001', 'Sanne', 'de', 'Vries', '14-03-2019', '3A', 'Jeroen', 'de', 'Vries', 'j.devries@voorbeeld.nl', '0623456789', 'vader', 'nee', '2'],
  ['2002', 'Daan', 'de', 'Vries', '02-11-2016', '6', 'Marieke', null, 'Bakker', 'm.bakker@voorbeeld.nl', '0612345678', 'moeder', 'ja', '1'],
  ['2002', 'Daan', 'de', 'Vries', '02-11-2016', '6', 'Jeroen', 'de', 'Vries', 'j.devries@voorbeeld.nl', '0623456789', 'vader', 'nee', '2'],
  ['2003', 'Ali', null, 'Yilmaz', '2018-01-30', '3A', null, null, null, null, null, null, null, null],
];
const TEAM = [
  ['Loes', null, 'Brouwer', 'l.brouwer@school.test', 'leerkracht', '3A'],
  ['Arjan', 'van', 'Dijk', 'a.vandijk@school.test', 'leerkracht', '3A 6'],
  ['Fatma', null, 'Kaya', 'f.kaya@school.test', 'Intern begeleider', ''],
];

let ctx: Awaited<ReturnType<typeof setup>>;
// These tests import on the real clock: the schools get the school year today falls in.
async function setup() {
  const a = await createSchool({ yearOf: new Date() });
  const b = await createSchool({ yearOf: new Date() });
  const director = await createUser(a.school.id, 'DIRECTOR');
  const otherDirector = await createUser(b.school.id, 'DIRECTOR');
  return { a, b, director, otherDirector };
}
beforeAll(async () => {
  ctx = await setup();
});

const countsOf = async (schoolId: string) => ({
  children: await prisma.child.count({ where: { schoolId } }),
  groups: await prisma.group.count({ where: { schoolId } }),
  guardianships: await prisma.guardianship.count({ where: { schoolId } }),
  memberships: await prisma.membership.count({ where: { schoolId } }),
  households: await prisma.household.count({ where: { schoolId } }),
  teachers: await prisma.groupTeacher.count({ where: { schoolId } }),
});

describe('import', () => {
  it('previews without writing anything', async () => {
    const before = await countsOf(ctx.a.school.id);
    const plan = await previewImport(ctx.director.actor, { pupils: pupils(FAMILY), staff: staff(TEAM) });
    expect(plan.rejected).toEqual([]);
    expect(plan.counts.children).toEqual({ create: 3, update: 0, unchanged: 0 });
    expect(plan.counts.groups.create).toBe(2);
    expect(plan.counts.guardians.create).toBe(2);
    expect(plan.counts.guardianships.create).toBe(4);
    expect(plan.counts.teacherAssignments.create).toBe(3);
    expect(await countsOf(ctx.a.school.id)).toEqual(before);
  });

  it('confirms all of it: separated parents in two households, information-only right, duo teachers', async () => {
    await applyImport(ctx.director.actor, { pupils: pupils(FAMILY), staff: staff(TEAM) });
    expect(await countsOf(ctx.a.school.id)).toMatchObject({ children: 3, groups: 2, guardianships: 4, households: 2, teachers: 3 });
    const sanne = await prisma.child.findFirstOrThrow({ where: { schoolId: ctx.a.school.id, pupilNumber: '2001' }, include: { guardianships: true, enrolments: { include: { group: true } } } });
    expect(sanne.prefix).toBe('de');
    expect(sanne.dateOfBirth.toISOString().slice(0, 10)).toBe('2019-03-14');
    expect(sanne.enrolments[0].group.name).toBe('3A');
    expect(new Set(sanne.guardianships.map((g) => g.householdId)).size).toBe(2);
    expect(sanne.guardianships.map((g) => g.right).sort()).toEqual(['AUTHORITY', 'INFORMATION']);
    const daan = await prisma.child.findFirstOrThrow({ where: { schoolId: ctx.a.school.id, pupilNumber: '2002' }, include: { guardianships: true } });
    expect(new Set(daan.guardianships.map((g) => g.householdId))).toEqual(new Set(sanne.guardianships.map((g) => g.householdId))); // siblings share households
    const g3a = await prisma.group.findFirstOrThrow({ where: { schoolId: ctx.a.school.id, name: '3A' }, include: { teachers: true } });
    expect(g3a.teachers).toHaveLength(2);
    // The internal supervisor is a teacher membership that coordinates care; the others are not.
    const care = await prisma.membership.findMany({ where: { schoolId: ctx.a.school.id, role: 'TEACHER' }, select: { careCoordinator: true, user: { select: { email: true } } } });
    expect(care.filter((m) => m.careCoordinator).map((m) => m.user.email)).toEqual(['f.kaya@school.test']);
    expect(care).toHaveLength(3);
  });

  it('importing the same files again changes nothing', async () => {
    const before = await countsOf(ctx.a.school.id);
    const plan = await previewImport(ctx.director.actor, { pupils: pupils(FAMILY), staff: staff(TEAM) });
    for (const c of Object.values(plan.counts)) expect(c.create + c.update).toBe(0);
    await applyImport(ctx.director.actor, { pupils: pupils(FAMILY), staff: staff(TEAM) });
    expect(await countsOf(ctx.a.school.id)).toEqual(before);
  });

  it('a changed group and name are shown as updates and applied', async () => {
    const moved = FAMILY.map((r) => (r[0] === '2003' ? [...r.slice(0, 1), 'Aly', ...r.slice(2, 5), '6', ...r.slice(6)] : r));
    const plan = await previewImport(ctx.director.actor, { pupils: pupils(moved) });
    expect(plan.counts.children).toEqual({ create: 0, update: 1, unchanged: 2 });
    expect(plan.changes).toEqual([expect.objectContaining({ entity: 'children', fields: ['firstName', 'group'] })]);
    await applyImport(ctx.director.actor, { pupils: pupils(moved) });
    const ali = await prisma.child.findFirstOrThrow({ where: { schoolId: ctx.a.school.id, pupilNumber: '2003' }, include: { enrolments: { include: { group: true } } } });
    expect([ali.firstName, ali.enrolments.map((e) => e.group.name)]).toEqual(['Aly', ['6']]);
  });

  it('rejects bad rows with the Excel row number and reason, and writes nothing at all', async () => {
    const before = await countsOf(ctx.a.school.id);
    const bad = [
      ...FAMILY,
      ['2004', 'Mila', null, 'Jansen', '31-02-2019', '4B', 'Eva', null, 'Jansen', 'eva@voorbeeld.nl', null, 'moeder', 'ja', '1'],
      ['2005', 'Finn', null, 'Smit', '01-02-2019', '4B', 'Rob', null, 'Smit', 'geen-adres', null, 'vader', 'ja', '1'],
      ['2006', 'Noor', null, 'Bos', '01-02-2019', '4B', 'Marieke', null, 'Anders', 'm.bakker@voorbeeld.nl', null, 'moeder', 'ja', '1'],
    ];
    const plan = await previewImport(ctx.director.actor, { pupils: pupils(bad), staff: staff([...TEAM, ['Kees', null, 'Kok', 'k@school.test', 'leerkracht', '9Z']]) });
    expect(plan.rejected).toEqual([
      { file: 'pupils', row: 7, reason: 'invalidDate', field: 'geboortedatum' },
      { file: 'pupils', row: 8, reason: 'invalidEmail', field: 'ouder_email' },
      { file: 'pupils', row: 9, reason: 'emailNameConflict', field: 'email' },
      { file: 'staff', row: 5, reason: 'invalidGroup', field: 'groepen.0' }, // row 1 is the header, then three team members
    ]);
    await expect(applyImport(ctx.director.actor, { pupils: pupils(bad) })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await countsOf(ctx.a.school.id)).toEqual(before);
  });

  it('a missing column is reported on the header row', async () => {
    const plan = await previewImport(ctx.director.actor, { pupils: 'leerlingnummer;voornaam\n1;Piet' });
    expect(plan.rejected.map((r) => [r.row, r.reason, r.field])).toContainEqual([1, 'missingColumn', 'achternaam']);
  });

  it("one school's import never touches another school", async () => {
    const beforeA = await countsOf(ctx.a.school.id);
    await applyImport(ctx.otherDirector.actor, { pupils: pupils(FAMILY) });
    expect(await countsOf(ctx.a.school.id)).toEqual(beforeA);
    expect((await countsOf(ctx.b.school.id)).children).toBe(3);
    // The same parents are the same accounts, now with a membership at both schools.
    const marieke = await prisma.user.findUniqueOrThrow({ where: { email: 'm.bakker@voorbeeld.nl' }, include: { memberships: true } });
    expect(marieke.memberships.map((m) => m.schoolId).sort()).toEqual([ctx.a.school.id, ctx.b.school.id].sort());
  });

  it('only a director may import', async () => {
    const teacher = await createUser(ctx.a.school.id, 'TEACHER');
    await expect(previewImport(teacher.actor, { pupils: pupils(FAMILY) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(applyImport(teacher.actor, { pupils: pupils(FAMILY) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('rollover to the next school year', () => {
  // Pupils of 2026-2027: Sanne (3A, separated parents), Ali (3A), Mees (8A, leaves for secondary school).
  const THIS_YEAR = [
    ['3001', 'Sanne', null, 'Jansen', '14-03-2019', '3A', 'Ineke', null, 'Jansen', 'i.jansen@rollover.test', null, 'moeder', 'ja', '1'],
    ['3001', 'Sanne', null, 'Jansen', '14-03-2019', '3A', 'Rob', null, 'Jansen', 'r.jansen@rollover.test', null, 'vader', 'ja', '2'],
    ['3002', 'Ali', null, 'Demir', '30-01-2019', '3A', 'Ayse', null, 'Demir', 'a.demir@rollover.test', null, 'moeder', 'ja', '1'],
    ['3003', 'Mees', null, 'Visser', '02-05-2015', '8A', 'Tom', null, 'Visser', 't.visser@rollover.test', null, 'vader', 'ja', '1'],
  ];
  // 2027-2028 from the pupil administration: Sanne moves up, Ali stays in group 3, Noor is new, Mees is gone.
  const NEXT_YEAR = [
    ['3001', 'Sanne', null, 'Jansen', '14-03-2019', '4A', 'Ineke', null, 'Jansen', 'i.jansen@rollover.test', null, 'moeder', 'ja', '1'],
    ['3001', 'Sanne', null, 'Jansen', '14-03-2019', '4A', 'Rob', null, 'Jansen', 'r.jansen@rollover.test', null, 'vader', 'ja', '2'],
    ['3002', 'Ali', null, 'Demir', '30-01-2019', '3B', 'Ayse', null, 'Demir', 'a.demir@rollover.test', null, 'moeder', 'ja', '1'],
    ['3004', 'Noor', null, 'Bos', '09-09-2023', '1-2A', 'Eva', null, 'Bos', 'e.bos@rollover.test', null, 'moeder', 'ja', '1'],
  ];
  const NEXT_TEAM = [['Loes', null, 'Brouwer', 'l.brouwer@rollover.test', 'leerkracht', '4A']];
  let s: Awaited<ReturnType<typeof createSchool>>;
  let director: Awaited<ReturnType<typeof createUser>>;
  let next: { id: string };
  const NOW = new Date('2027-06-20T10:00:00Z'); // the director prepares next year in June

  beforeAll(async () => {
    s = await createSchool();
    director = await createUser(s.school.id, 'DIRECTOR');
    await applyImport(director.actor, { pupils: pupils(THIS_YEAR) }, {}, NOW);
    next = await prisma.schoolYear.create({ data: { schoolId: s.school.id, name: '2027-2028', startDate: new Date('2027-08-23'), endDate: new Date('2028-07-14') } });
  });
  const enrolmentsOf = async (pupilNumber: string) =>
    (await prisma.enrolment.findMany({ where: { schoolId: s.school.id, child: { pupilNumber } }, select: { schoolYear: { select: { name: true } }, group: { select: { name: true } } }, orderBy: { schoolYear: { startDate: 'asc' } } }))
      .map((e) => `${e.schoolYear.name} ${e.group.name}`);

  it('previews who moves up, who stays in the grade, who is new and who leaves, writing nothing', async () => {
    const before = await countsOf(s.school.id);
    const plan = await previewImport(director.actor, { pupils: pupils(NEXT_YEAR), staff: staff(NEXT_TEAM) }, { yearId: next.id }, NOW);
    expect(plan.rejected).toEqual([]);
    expect(plan.rollover).toEqual({
      from: '2026-2027',
      to: '2027-2028',
      leavesOn: new Date('2027-07-16'),
      movesUp: [{ child: 'Sanne Jansen', from: '3A', to: '4A' }],
      staysBack: [{ child: 'Ali Demir', from: '3A', to: '3B' }],
      newPupils: ['Noor Bos (1-2A)'],
    });
    expect(plan.leaving.map((c) => c.child)).toEqual(['Mees Visser (8A)']);
    expect(plan.losing).toEqual([]);
    expect(await countsOf(s.school.id)).toEqual(before);
  });

  it('confirming keeps this year as it was, enrols everyone next year, and Mees leaves when this year ends', async () => {
    const sanne = await prisma.child.findFirstOrThrow({ where: { schoolId: s.school.id, pupilNumber: '3001' }, select: { id: true } });
    // Something in Sanne's file: it must carry over untouched.
    const note = await prisma.childNote.create({ data: { schoolId: s.school.id, childId: sanne.id, authorId: director.user.id, text: 'Leest graag over dinosaurussen' } });
    const guardianshipsBefore = await prisma.guardianship.findMany({ where: { childId: sanne.id }, select: { id: true, endedAt: true }, orderBy: { id: 'asc' } });

    const plan = await applyImport(director.actor, { pupils: pupils(NEXT_YEAR), staff: staff(NEXT_TEAM) }, { yearId: next.id, sync: true }, NOW);
    expect(plan.losing).toEqual([]); // Mees' father keeps access until Mees has left

    expect(await enrolmentsOf('3001')).toEqual(['2026-2027 3A', '2027-2028 4A']);
    expect(await enrolmentsOf('3002')).toEqual(['2026-2027 3A', '2027-2028 3B']);
    expect(await enrolmentsOf('3003')).toEqual(['2026-2027 8A']);
    expect(await enrolmentsOf('3004')).toEqual(['2027-2028 1-2A']);
    expect(await prisma.guardianship.findMany({ where: { childId: sanne.id }, select: { id: true, endedAt: true }, orderBy: { id: 'asc' } })).toEqual(guardianshipsBefore);
    expect(await prisma.childNote.findUniqueOrThrow({ where: { id: note.id }, select: { text: true } })).toEqual({ text: 'Leest graag over dinosaurussen' });
    const mees = await prisma.child.findFirstOrThrow({ where: { schoolId: s.school.id, pupilNumber: '3003' }, select: { leftAt: true, guardianships: { select: { endedAt: true } } } });
    expect(mees).toEqual({ leftAt: new Date('2027-07-16'), guardianships: [{ endedAt: null }] });
    const teacher = await prisma.groupTeacher.findMany({ where: { schoolId: s.school.id }, select: { group: { select: { name: true, schoolYear: { select: { name: true } } } } } });
    expect(teacher).toEqual([{ group: { name: '4A', schoolYear: { name: '2027-2028' } } }]);
  });

  it('a second import of the new year is an ordinary update, not a rollover', async () => {
    const plan = await previewImport(director.actor, { pupils: pupils(NEXT_YEAR) }, { yearId: next.id }, NOW);
    expect(plan.rollover).toBeNull();
    expect(plan.counts.children).toEqual({ create: 0, update: 0, unchanged: 3 });
  });

  it('a year that has ended cannot be imported into; another school’s year is not found', async () => {
    const later = new Date('2027-08-30T10:00:00Z');
    const thisYear = await prisma.schoolYear.findFirstOrThrow({ where: { schoolId: s.school.id, name: '2026-2027' } });
    const before = await countsOf(s.school.id);
    await expect(applyImport(director.actor, { pupils: pupils(THIS_YEAR) }, { yearId: thisYear.id }, later)).rejects.toMatchObject({ code: 'IN_THE_PAST' });
    await expect(previewImport(ctx.otherDirector.actor, { pupils: pupils(NEXT_YEAR) }, { yearId: next.id }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await countsOf(s.school.id)).toEqual(before);
  });
});
