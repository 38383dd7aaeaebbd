// The Dutch school holidays, per region, as proposals for a new school year.
//
// Source: the vacation dates published by Rijksoverheid (rijksoverheid.nl, "Schoolvakanties
// 2026-2027" and "2027-2028"; for 2027-2028 some dates are advisory). The national days off that fall
// in school time are derived from Easter (Goede Vrijdag −2, Tweede Paasdag +1, Hemelvaart +39 and the
// Friday after, Tweede Pinksterdag +50) and Koningsdag (27 April); Bevrijdingsdag (5 May) is a day
// off for schools only in lustrum years (2025, 2030), so not in these years. A day that already falls
// in a vacation of the region is not proposed separately.
//
// These are proposals: the school changes, removes or adds holidays when it creates its year
// (/directie/schooljaar), because boards may shift a week or add study days.

export const HOLIDAY_REGIONS = ['noord', 'midden', 'zuid'] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

export type ProposedHoliday = { name: string; startDate: string; endDate: string };

type Range = readonly [start: string, end: string];
type Vacations = { herfst: Range; kerst: Range; voorjaar: Range; mei: Range; zomer: Range };
type YearData = { easter: string; vacations: Record<HolidayRegion, Vacations> };

const KERST_2026: Range = ['2026-12-19', '2027-01-03'];
const MEI_2027: Range = ['2027-04-24', '2027-05-02'];
const KERST_2027: Range = ['2027-12-25', '2028-01-09'];
const MEI_2028: Range = ['2028-04-22', '2028-04-30'];

export const NL_SCHOOL_YEARS: Record<string, YearData> = {
  '2026-2027': {
    easter: '2027-03-28',
    vacations: {
      noord: { herfst: ['2026-10-17', '2026-10-25'], kerst: KERST_2026, voorjaar: ['2027-02-20', '2027-02-28'], mei: MEI_2027, zomer: ['2027-07-17', '2027-08-29'] },
      midden: { herfst: ['2026-10-17', '2026-10-25'], kerst: KERST_2026, voorjaar: ['2027-02-13', '2027-02-21'], mei: MEI_2027, zomer: ['2027-07-10', '2027-08-22'] },
      zuid: { herfst: ['2026-10-10', '2026-10-18'], kerst: KERST_2026, voorjaar: ['2027-02-13', '2027-02-21'], mei: MEI_2027, zomer: ['2027-07-24', '2027-09-05'] },
    },
  },
  '2027-2028': {
    easter: '2028-04-16',
    vacations: {
      noord: { herfst: ['2027-10-16', '2027-10-24'], kerst: KERST_2027, voorjaar: ['2028-02-26', '2028-03-05'], mei: MEI_2028, zomer: ['2028-07-08', '2028-08-20'] },
      midden: { herfst: ['2027-10-16', '2027-10-24'], kerst: KERST_2027, voorjaar: ['2028-02-19', '2028-02-27'], mei: MEI_2028, zomer: ['2028-07-22', '2028-09-03'] },
      zuid: { herfst: ['2027-10-23', '2027-10-31'], kerst: KERST_2027, voorjaar: ['2028-02-26', '2028-03-05'], mei: MEI_2028, zomer: ['2028-07-15', '2028-08-27'] },
    },
  },
};

const VACATION_NAMES: Record<keyof Vacations, string> = {
  herfst: 'Herfstvakantie',
  kerst: 'Kerstvakantie',
  voorjaar: 'Voorjaarsvakantie',
  mei: 'Meivakantie',
  zomer: 'Zomervakantie',
};

const LUSTRUM = (year: number) => year % 5 === 0;

/** "YYYY-MM-DD" plus n calendar days. */
export function addDaysToKey(key: string, n: number) {
  const d = new Date(`${key}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Easter Sunday (Gregorian; anonymous algorithm of Meeus/Jones/Butcher) as "YYYY-MM-DD". */
export function easterSunday(year: number) {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The national days off between New Year and the summer of `year` (the spring of a school year). */
export function nationalDaysOff(year: number): ProposedHoliday[] {
  const easter = easterSunday(year);
  const one = (name: string, day: string) => ({ name, startDate: day, endDate: day });
  return [
    one('Goede Vrijdag', addDaysToKey(easter, -2)),
    one('Tweede Paasdag', addDaysToKey(easter, 1)),
    one('Koningsdag', `${year}-04-27`),
    ...(LUSTRUM(year) ? [one('Bevrijdingsdag', `${year}-05-05`)] : []),
    { name: 'Hemelvaart', startDate: addDaysToKey(easter, 39), endDate: addDaysToKey(easter, 40) },
    one('Tweede Pinksterdag', addDaysToKey(easter, 50)),
  ];
}

/**
 * The holidays Rijksoverheid publishes for a school year and region, in date order; an empty list
 * for a year this file does not know (the school then enters its own).
 */
export function proposedHolidays(yearName: string, region: HolidayRegion): ProposedHoliday[] {
  const data = NL_SCHOOL_YEARS[yearName];
  if (!data) return [];
  const vacations = (Object.keys(VACATION_NAMES) as (keyof Vacations)[]).map((k) => ({ name: VACATION_NAMES[k], startDate: data.vacations[region][k][0], endDate: data.vacations[region][k][1] }));
  const inVacation = (day: ProposedHoliday) => vacations.some((v) => v.startDate <= day.startDate && day.endDate <= v.endDate);
  const days = nationalDaysOff(Number(data.easter.slice(0, 4))).filter((d) => !inVacation(d));
  return [...vacations, ...days].sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/** Monday of ISO week `week` of `year` ("YYYY-MM-DD"). */
function isoWeekMonday(year: number, week: number) {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = Date.UTC(year, 0, 4) - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday1 + (week - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The school year a date falls in (from July on: the one starting after this summer), for a region:
 * its name and first and last day. Where the holidays are published, it runs from the day after one
 * summer holiday to the day before the next; otherwise the usual weeks (Monday of week 35 to Friday of
 * week 28). The demo school is made for the year it is started in, so it never runs out.
 */
export function schoolYearOf(today: string, region: HolidayRegion) {
  const y = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 7 ? 0 : 1);
  const name = `${y}-${y + 1}`;
  const previous = NL_SCHOOL_YEARS[`${y - 1}-${y}`]?.vacations[region].zomer;
  const own = NL_SCHOOL_YEARS[name]?.vacations[region].zomer;
  return {
    name,
    startDate: previous ? addDaysToKey(previous[1], 1) : isoWeekMonday(y, 35),
    endDate: own ? addDaysToKey(own[0], -1) : addDaysToKey(isoWeekMonday(y + 1, 28), 4),
  };
}
