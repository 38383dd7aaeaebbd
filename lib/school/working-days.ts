// School days: the one place that decides whether a day counts (reply times, talk planning).
// Days are wall-clock dates in the school's zone ("YYYY-MM-DD"); holidays are the school year's
// Holiday rows (@db.Date, so midnight UTC) or plain date keys, both ends inclusive.
import { SCHOOL_TZ, zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { addDaysToKey } from './holidays-nl';

export type HolidayRange<D extends Date | string = Date | string> = { name?: string; startDate: D; endDate: D };

const key = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
const dayKey = (d: Date | string, timeZone: string) => (typeof d === 'string' ? d.slice(0, 10) : zonedDateKey(d, timeZone));

/** The holiday a date falls in, if any. */
export function holidayOn<H extends HolidayRange>(date: string, holidays: readonly H[]): H | undefined {
  return holidays.find((h) => key(h.startDate) <= date && date <= key(h.endDate));
}

/** Monday to Friday and not in a holiday. An instant counts by its date in the school's zone. */
export function isSchoolDay(date: Date | string, holidays: readonly HolidayRange[], timeZone = SCHOOL_TZ) {
  const day = dayKey(date, timeZone);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidayOn(day, holidays);
}

/** The n-th school day after `from`'s date ("YYYY-MM-DD"); `from` itself never counts. */
export function addWorkingDays(from: Date | string, n: number, holidays: readonly HolidayRange[], timeZone = SCHOOL_TZ) {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive whole number');
  let day = dayKey(from, timeZone);
  // A school year has at most ~13 weeks of holidays: a year of looking means the data is wrong.
  for (let left = n, guard = 0; left > 0; guard++) {
    if (guard > 366 + n * 7) throw new RangeError('no school day found within a year');
    day = addDaysToKey(day, 1);
    if (isSchoolDay(day, holidays, timeZone)) left--;
  }
  return day;
}

/** The last moment of the next school day after `from`, in the school's zone ("before the end of the next working day"). */
export function endOfNextWorkingDay(from: Date, holidays: readonly HolidayRange[], timeZone = SCHOOL_TZ) {
  const next = addWorkingDays(from, 1, holidays, timeZone);
  return new Date(+zonedToUtc(`${addDaysToKey(next, 1)}T00:00`, timeZone) - 1);
}
