import { expect } from '@playwright/test';
import { proposedHolidays } from '@/lib/school/holidays-nl';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// School years and their holidays: the director's. Each case works at a new school of its own (the
// demo's holidays decide which days the other specs can book); the outsider is another school's
// director (NOT_FOUND for this school's year or holiday, or their own school changed) and a teacher
// (the 404 page).

const A = (name: string) => `lib/school-year/actions.ts#${name}`;
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const invalid = (fieldErrors: Record<string, string[]>, values?: Record<string, string>) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors, ...(values ? { values } : {}) } });
const key = (d: Date) => d.toISOString().slice(0, 10);

async function yearSchool(k: Kit) {
  const slug = await k.newSchool();
  const school = await k.school(slug);
  const holiday = await k.db.holiday.create({ data: { schoolId: school.id, schoolYearId: school.year.id, name: 'Studiedag', startDate: new Date(`${school.year.startDate.getUTCFullYear()}-10-07`), endDate: new Date(`${school.year.startDate.getUTCFullYear()}-10-07`) } });
  return { slug, school, year: school.year, holiday, director: await k.staff({ role: 'DIRECTOR', school: slug }), teacher: await k.staff({ role: 'TEACHER', school: slug }) };
}
const yearsOf = (k: Kit, schoolId: string) => () =>
  k.db.schoolYear.findMany({ where: { schoolId }, orderBy: { startDate: 'asc' }, select: { name: true, startDate: true, endDate: true, holidays: { orderBy: [{ startDate: 'asc' }, { name: 'asc' }], select: { id: true, name: true, startDate: true, endDate: true } } } });
/** The next year after the school's current one, by name and dates. */
const nextYear = (y: { startDate: Date }) => {
  const first = y.startDate.getUTCFullYear() + 1;
  return { name: `${first}-${first + 1}`, startDate: `${first}-08-23`, endDate: `${first + 1}-07-14` };
};

export const cases: ActionCases = {
  [A('createSchoolYearAction')]: {
    allowed: async (k) => {
      const { school, year, director } = await yearSchool(k);
      const next = nextYear(year);
      const answer = await k.call(A('createSchoolYearAction'), [null, k.form({ ...next, region: 'midden' })], director.cookie);
      const created = await k.db.schoolYear.findFirstOrThrow({ where: { schoolId: school.id, name: next.name }, include: { holidays: { orderBy: [{ startDate: 'asc' }, { name: 'asc' }] } } });
      expect(answer).toEqual({ redirect: `/directie/schooljaar/${created.id}` });
      expect([key(created.startDate), key(created.endDate)]).toEqual([next.startDate, next.endDate]);
      // The region's published holidays that touch the year, all of them.
      const proposed = proposedHolidays(next.name, 'midden').filter((h) => h.startDate <= next.endDate && h.endDate >= next.startDate);
      expect(proposed.length).toBeGreaterThan(5);
      expect(created.holidays.map((h) => ({ name: h.name, startDate: key(h.startDate), endDate: key(h.endDate) }))).toEqual(
        [...proposed].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name)).map((h) => ({ name: h.name, startDate: h.startDate, endDate: h.endDate })),
      );
    },
    outsider: async (k) => {
      // A teacher cannot; another school's director creates it at their own school only.
      const { school, year, teacher } = await yearSchool(k);
      const other = await yearSchool(k);
      const next = nextYear(year);
      await k.unchanged(yearsOf(k, school.id), async () => {
        expect(await k.call(A('createSchoolYearAction'), [null, k.form({ ...next, region: 'midden' })], teacher.cookie)).toEqual({ notFound: true });
        const answer = await k.call(A('createSchoolYearAction'), [null, k.form({ ...next, region: 'noord' })], other.director.cookie);
        expect(answer).toEqual({ redirect: expect.stringMatching(/^\/directie\/schooljaar\/\w+$/) });
      });
      expect((await yearsOf(k, other.school.id)()).map((y) => y.name)).toEqual([other.year.name, next.name]);
    },
    badInput: async (k) => {
      const { school, year, director } = await yearSchool(k);
      const next = nextYear(year);
      await k.unchanged(yearsOf(k, school.id), async () => {
        expect(await k.call(A('createSchoolYearAction'), [null, k.form({ name: '2027-2029', startDate: '2027-02-30', endDate: next.endDate, region: 'oost' })], director.cookie)).toEqual(
          invalid({ name: ['schoolYear.invalidName'], startDate: ['schoolYear.invalidDate'], region: ['schoolYear.invalidRegion'] }),
        );
        expect(await k.call(A('createSchoolYearAction'), [null, k.form({ ...next, endDate: next.startDate.replace(/-08-23$/, '-08-01'), region: 'midden' })], director.cookie)).toEqual(invalid({ endDate: ['schoolYear.endBeforeStart'] }));
        // Overlapping the current year, and the current year's own name.
        expect(await k.call(A('createSchoolYearAction'), [null, k.form({ ...next, startDate: key(year.endDate).replace(/-31$/, '-01'), region: 'midden' })], director.cookie)).toEqual(invalid({ startDate: ['schoolYear.overlaps'] }, { name: year.name }));
        expect(await k.call(A('createSchoolYearAction'), [null, k.form({ name: year.name, startDate: key(year.startDate), endDate: key(year.endDate), region: 'midden' })], director.cookie)).toEqual(invalid({ name: ['schoolYear.nameTaken'] }));
      });
    },
  },

  [A('addHolidayAction')]: {
    allowed: async (k) => {
      const { school, year, director } = await yearSchool(k);
      const day = `${year.startDate.getUTCFullYear() + 1}-03-12`;
      expect(await k.call(A('addHolidayAction'), [null, k.form({ schoolYearId: year.id, name: 'Studiedag team', startDate: day, endDate: day })], director.cookie)).toEqual({ result: { ok: true } });
      expect((await k.db.holiday.findMany({ where: { schoolId: school.id, name: 'Studiedag team' }, select: { schoolYearId: true, startDate: true, endDate: true } }))).toEqual([{ schoolYearId: year.id, startDate: new Date(day), endDate: new Date(day) }]);
    },
    outsider: async (k) => {
      const { school, year, teacher } = await yearSchool(k);
      const other = await yearSchool(k);
      const day = `${year.startDate.getUTCFullYear() + 1}-03-12`;
      const fields = { schoolYearId: year.id, name: 'Niet van mij', startDate: day, endDate: day };
      await k.unchanged(async () => [await yearsOf(k, school.id)(), await yearsOf(k, other.school.id)()], async () => {
        expect(await k.call(A('addHolidayAction'), [null, k.form(fields)], other.director.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('addHolidayAction'), [null, k.form(fields)], teacher.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const { school, year, director } = await yearSchool(k);
      const y = year.startDate.getUTCFullYear();
      await k.unchanged(yearsOf(k, school.id), async () => {
        expect(await k.call(A('addHolidayAction'), [null, k.form({ schoolYearId: year.id, name: '', startDate: `${y + 1}-03-12`, endDate: `${y + 1}-03-11` })], director.cookie)).toEqual(invalid({ name: ['required'], endDate: ['schoolYear.holidayEndBeforeStart'] }));
        expect(await k.call(A('addHolidayAction'), [null, k.form({ schoolYearId: year.id, name: 'Te laat', startDate: `${y + 2}-03-12`, endDate: `${y + 2}-03-12` })], director.cookie)).toEqual(
          invalid({ startDate: ['schoolYear.outsideYear'] }, { start: key(year.startDate), end: key(year.endDate) }),
        );
      });
    },
  },

  [A('updateHolidayAction')]: {
    allowed: async (k) => {
      const { year, holiday, director } = await yearSchool(k);
      const y = year.startDate.getUTCFullYear();
      expect(await k.call(A('updateHolidayAction'), [null, k.form({ holidayId: holiday.id, name: 'Studiedagen', startDate: `${y}-10-08`, endDate: `${y}-10-09` })], director.cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.holiday.findUniqueOrThrow({ where: { id: holiday.id }, select: { name: true, startDate: true, endDate: true } })).toEqual({ name: 'Studiedagen', startDate: new Date(`${y}-10-08`), endDate: new Date(`${y}-10-09`) });
    },
    outsider: async (k) => {
      const { school, year, holiday, teacher } = await yearSchool(k);
      const other = await yearSchool(k);
      const y = year.startDate.getUTCFullYear();
      const fields = { holidayId: holiday.id, name: 'Niet van mij', startDate: `${y}-10-08`, endDate: `${y}-10-09` };
      await k.unchanged(yearsOf(k, school.id), async () => {
        expect(await k.call(A('updateHolidayAction'), [null, k.form(fields)], other.director.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('updateHolidayAction'), [null, k.form(fields)], teacher.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const { school, year, holiday, director } = await yearSchool(k);
      const y = year.startDate.getUTCFullYear();
      await k.unchanged(yearsOf(k, school.id), async () => {
        expect(await k.call(A('updateHolidayAction'), [null, k.form({ holidayId: holiday.id, name: 'x'.repeat(81), startDate: `${y}-10-31`, endDate: `${y}-10-32` })], director.cookie)).toEqual(invalid({ name: ['tooLong'], endDate: ['schoolYear.invalidDate'] }));
        expect(await k.call(A('updateHolidayAction'), [null, k.form({ holidayId: holiday.id, name: 'Vorig jaar', startDate: `${y - 1}-10-08`, endDate: `${y - 1}-10-09` })], director.cookie)).toEqual(
          invalid({ startDate: ['schoolYear.outsideYear'] }, { start: key(year.startDate), end: key(year.endDate) }),
        );
      });
    },
  },

  [A('removeHolidayAction')]: {
    allowed: async (k) => {
      const { holiday, director } = await yearSchool(k);
      expect(await k.call(A('removeHolidayAction'), [null, k.form({ holidayId: holiday.id })], director.cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.holiday.count({ where: { id: holiday.id } })).toBe(0);
    },
    outsider: async (k) => {
      const { school, holiday, teacher } = await yearSchool(k);
      const other = await yearSchool(k);
      await k.unchanged(yearsOf(k, school.id), async () => {
        expect(await k.call(A('removeHolidayAction'), [null, k.form({ holidayId: holiday.id })], other.director.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('removeHolidayAction'), [null, k.form({ holidayId: holiday.id })], teacher.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const { school, director } = await yearSchool(k);
      await k.unchanged(yearsOf(k, school.id), async () => {
        expect(await k.call(A('removeHolidayAction'), [null, k.form({})], director.cookie)).toEqual(invalid({ holidayId: ['required'] }));
      });
    },
  },
};
