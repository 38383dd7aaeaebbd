import { beforeAll, describe, expect, it } from 'vitest';
import { createRound } from '@/lib/bookings/service';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createYearSchema } from '@/lib/school-year/schemas';
import { addHoliday, createSchoolYear, removeHoliday, schoolYearWithHolidays, updateHoliday } from '@/lib/school-year/service';
import { createDefaultStages } from '@/lib/school/stages';
import { base } from './support/booking-world';
import { createGroup, createSchool, createUser } from './support/factories';

type World = Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool(); // has 2026-2027 without holidays
  await prisma.schoolYear.delete({ where: { id: year.id } });
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const other = await createSchool();
  const otherDirector = await createUser(other.school.id, 'DIRECTOR');
  return { school, director, teacher, other, otherDirector };
}

let w: World;
beforeAll(async () => {
  w = await world();
});

const holidaysOf = async (schoolYearId: string) =>
  (await prisma.holiday.findMany({ where: { schoolYearId }, orderBy: { startDate: 'asc' } })).map((h) => [h.name, h.startDate.toISOString().slice(0, 10), h.endDate.toISOString().slice(0, 10)]);
const counts = async (schoolId: string) => [await prisma.schoolYear.count({ where: { schoolId } }), await prisma.holiday.count({ where: { schoolId } })];
const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: AppError) => ({ code: e.code, ...e.details }));

describe('creating a school year', () => {
  it('2026-2027 in regio midden gets the holidays Rijksoverheid publishes, national days off in school time included', async () => {
    const { year, holidayCount } = await createSchoolYear(w.director.actor, { name: '2026-2027', startDate: '2026-08-01', endDate: '2027-07-31', region: 'midden' });
    expect(year.schoolId).toBe(w.school.id);
    expect(holidayCount).toBe(9);
    expect(await holidaysOf(year.id)).toEqual([
      ['Herfstvakantie', '2026-10-17', '2026-10-25'],
      ['Kerstvakantie', '2026-12-19', '2027-01-03'],
      ['Voorjaarsvakantie', '2027-02-13', '2027-02-21'],
      ['Goede Vrijdag', '2027-03-26', '2027-03-26'],
      ['Tweede Paasdag', '2027-03-29', '2027-03-29'],
      ['Meivakantie', '2027-04-24', '2027-05-02'],
      ['Hemelvaart', '2027-05-06', '2027-05-07'],
      ['Tweede Pinksterdag', '2027-05-17', '2027-05-17'],
      ['Zomervakantie', '2027-07-10', '2027-08-22'],
    ]);
    expect(await prisma.holiday.count({ where: { schoolYearId: year.id, schoolId: w.school.id } })).toBe(9);
  });

  it('bad input is refused with a translated message key and nothing is written', async () => {
    const parsed = createYearSchema.safeParse({ name: '2027-2028', startDate: '2028-07-31', endDate: '2027-08-01', region: 'midden' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['endDate', 'schoolYear.endBeforeStart']]);
    expect(createYearSchema.safeParse({ name: '2027-2029', startDate: '2027-08-01', endDate: '2028-07-31', region: 'oost' }).error!.issues.map((i) => i.message)).toEqual(['schoolYear.invalidName', 'schoolYear.invalidRegion']);
    expect(createYearSchema.safeParse({ name: '2027-2028', startDate: '2027-02-30', endDate: '2028-07-31', region: 'zuid' }).error!.issues.map((i) => i.message)).toEqual(['schoolYear.invalidDate']);

    const before = await counts(w.school.id);
    expect(await refusal(createSchoolYear(w.director.actor, { name: '2027-2028', startDate: '2027-07-01', endDate: '2028-07-31', region: 'midden' }))).toEqual({
      code: 'INVALID_INPUT', fieldErrors: { startDate: ['schoolYear.overlaps'] }, values: { name: '2026-2027' },
    });
    expect(await refusal(createSchoolYear(w.director.actor, { name: '2026-2027', startDate: '2030-08-01', endDate: '2031-07-31', region: 'midden' }))).toEqual({
      code: 'INVALID_INPUT', fieldErrors: { name: ['schoolYear.nameTaken'] },
    });
    expect(await counts(w.school.id)).toEqual(before);
  });

  it('the next year starts the day after its predecessor; a teacher cannot create one, another school cannot read it', async () => {
    await expect(createSchoolYear(w.teacher.actor, { name: '2027-2028', startDate: '2027-08-01', endDate: '2028-07-31', region: 'zuid' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { year, holidayCount } = await createSchoolYear(w.director.actor, { name: '2027-2028', startDate: '2027-08-01', endDate: '2028-07-31', region: 'zuid' });
    expect(holidayCount).toBe(9);
    expect((await holidaysOf(year.id))[0]).toEqual(['Herfstvakantie', '2027-10-23', '2027-10-31']);
    await expect(schoolYearWithHolidays(w.otherDirector.actor, year.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('editing the holidays', () => {
  it('adds, changes and removes a holiday of the year', async () => {
    const year = await prisma.schoolYear.findFirstOrThrow({ where: { schoolId: w.school.id, name: '2026-2027' } });
    const added = await addHoliday(w.director.actor, { schoolYearId: year.id, name: 'Studiedag', startDate: '2027-03-10', endDate: '2027-03-10' });
    expect(added.schoolId).toBe(w.school.id);
    await updateHoliday(w.director.actor, { holidayId: added.id, name: 'Studiedag team', startDate: '2027-03-11', endDate: '2027-03-12' });
    expect((await holidaysOf(year.id)).find((h) => h[0] === 'Studiedag team')).toEqual(['Studiedag team', '2027-03-11', '2027-03-12']);
    await removeHoliday(w.director.actor, added.id);
    expect(await prisma.holiday.count({ where: { id: added.id } })).toBe(0);
  });

  it('refuses a holiday outside the year, and another school cannot touch them', async () => {
    const year = await prisma.schoolYear.findFirstOrThrow({ where: { schoolId: w.school.id, name: '2026-2027' }, include: { holidays: { orderBy: { startDate: 'asc' } } } });
    const before = await holidaysOf(year.id);
    expect(await refusal(addHoliday(w.director.actor, { schoolYearId: year.id, name: 'Te laat', startDate: '2027-08-02', endDate: '2027-08-03' }))).toEqual({
      code: 'INVALID_INPUT', fieldErrors: { startDate: ['schoolYear.outsideYear'] }, values: { start: '2026-08-01', end: '2027-07-31' },
    });
    const herfst = year.holidays[0];
    await expect(updateHoliday(w.director.actor, { holidayId: herfst.id, name: 'Herfst', startDate: '2026-07-01', endDate: '2026-07-02' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(updateHoliday(w.otherDirector.actor, { holidayId: herfst.id, name: 'Weg', startDate: '2026-10-17', endDate: '2026-10-18' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeHoliday(w.otherDirector.actor, herfst.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addHoliday(w.otherDirector.actor, { schoolYearId: year.id, name: 'Weg', startDate: '2026-10-17', endDate: '2026-10-18' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeHoliday(w.teacher.actor, herfst.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await holidaysOf(year.id)).toEqual(before);
  });
});

describe('no talks in a holiday', () => {
  it('a round with a block in the kerstvakantie is refused, naming the holiday; nothing is written', async () => {
    await prisma.$transaction((tx) => createDefaultStages(tx, w.school.id));
    const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId: w.school.id, key: 'well_being' } });
    const year = await prisma.schoolYear.findFirstOrThrow({ where: { schoolId: w.school.id, name: '2026-2027' } });
    const group = await createGroup(w.school.id, year.id, '5A');
    const input = {
      ...base, stageId: stage.id, name: 'Welbevinden', groupIds: [group.id], opensAt: '2026-12-01T19:00', deadline: '2026-12-10T12:00',
      blocks: [{ startsAt: '2026-12-17T15:00', endsAt: '2026-12-17T16:00' }, { startsAt: '2026-12-21T15:00', endsAt: '2026-12-21T16:00' }],
    };
    expect(await refusal(createRound(w.director.actor, input))).toEqual({
      code: 'INVALID_INPUT', fieldErrors: { blocks: ['schoolYear.inHoliday'] }, values: { holiday: 'Kerstvakantie', date: '2026-12-21' },
    });
    expect(await prisma.talkRound.count({ where: { schoolId: w.school.id } })).toBe(0);
    expect(await prisma.slot.count({ where: { schoolId: w.school.id } })).toBe(0);

    // The Friday after Hemelvaart counts too; the school days around it do not.
    await expect(createRound(w.director.actor, { ...input, blocks: [{ startsAt: '2027-05-07T15:00', endsAt: '2027-05-07T16:00' }] })).rejects.toMatchObject({ details: { values: { holiday: 'Hemelvaart', date: '2027-05-07' } } });
    const { slotCount } = await createRound(w.director.actor, { ...input, blocks: [{ startsAt: '2026-12-17T15:00', endsAt: '2026-12-17T16:00' }, { startsAt: '2027-01-04T15:00', endsAt: '2027-01-04T16:00' }] });
    expect(slotCount).toBe(12);
  });

  it("another school's holidays do not count", async () => {
    const { school, year } = w.other;
    await prisma.$transaction((tx) => createDefaultStages(tx, school.id));
    const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'well_being' } });
    const group = await createGroup(school.id, year.id, '6B');
    const { slotCount } = await createRound(w.otherDirector.actor, { ...base, stageId: stage.id, name: 'x', groupIds: [group.id], blocks: [{ startsAt: '2026-12-21T15:00', endsAt: '2026-12-21T15:30' }] });
    expect(slotCount).toBe(3);
  });
});
