// When a parent's question is due: the one rule, used by the service and shown to parents.
//
// The rule (issue 13: "the reply promise counts from when staff are reachable"):
// 1. A *working day* is a school day (lib/school/working-days.ts: Monday–Friday, not in one of the
//    school year's holidays) on which at least one person of the inbox has working hours.
// 2. The clock starts (countsFrom) at the moment of asking when someone of the inbox is within their
//    hours then; otherwise at the next start of anyone's hours on a working day.
// 3. The answer is due at the end (23:59:59.999, school zone) of the first working day after the
//    day the clock started.
// So a question on Friday at 16:00 (within hours) is due at the end of Monday; one on Friday at
// 20:00, to a teacher who works Monday to Wednesday, starts counting on Monday at 08:00 and is due at
// the end of Tuesday: the teacher always gets one whole working day after hearing of it.
// Someone without any hours set counts as reachable on school days 08:00–17:00 (DEFAULT_HOURS).
import { zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { addDaysToKey } from '@/lib/school/holidays-nl';
import { type HolidayRange, isSchoolDay } from '@/lib/school/working-days';

/** One weekday's hours: 1 = Monday … 5 = Friday, minutes after midnight on the school's clock. */
export type HoursRow = { weekday: number; startMinute: number; endMinute: number };

export const DEFAULT_START = 8 * 60;
export const DEFAULT_END = 17 * 60;
export const DEFAULT_HOURS: HoursRow[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: DEFAULT_START, endMinute: DEFAULT_END }));

/** A person's hours: their own rows, or the default when they set none. */
export const effectiveHours = (rows: readonly HoursRow[]) => (rows.length ? rows : DEFAULT_HOURS);

const weekdayOf = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};
const pad = (n: number) => String(n).padStart(2, '0');
export const minuteToTime = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

type Clock = { holidays: readonly HolidayRange[]; timeZone: string };

/** The reachable intervals of any of the people on that date: none on a day that is not a working day. */
function intervalsOn(day: string, people: readonly (readonly HoursRow[])[], c: Clock): [Date, Date][] {
  if (!isSchoolDay(day, c.holidays, c.timeZone)) return [];
  const wd = weekdayOf(day);
  return people.flatMap((rows) =>
    effectiveHours(rows)
      .filter((r) => r.weekday === wd)
      .map((r): [Date, Date] => [zonedToUtc(`${day}T${minuteToTime(r.startMinute)}`, c.timeZone), zonedToUtc(`${day}T${minuteToTime(r.endMinute)}`, c.timeZone)]),
  );
}

// A school year has at most ~13 weeks of holidays: a year without a working day means the data is wrong.
const GUARD_DAYS = 400;

/** `at` itself when one of the people is within their hours then, else the next start of anyone's hours. */
export function nextReachable(at: Date, people: readonly (readonly HoursRow[])[], c: Clock): Date {
  const who = people.length ? people : [[]];
  let day = zonedDateKey(at, c.timeZone);
  for (let i = 0; i < GUARD_DAYS; i++, day = addDaysToKey(day, 1)) {
    const intervals = intervalsOn(day, who, c);
    if (intervals.some(([s, e]) => s <= at && at < e)) return at;
    const later = intervals.map(([s]) => +s).filter((s) => s > +at);
    if (later.length) return new Date(Math.min(...later));
  }
  throw new RangeError('no working hours within a year');
}

/** When the clock starts and when the answer is due, for a question asked at `askedAt` of these people. */
export function replyClock(askedAt: Date, people: readonly (readonly HoursRow[])[], c: Clock) {
  const who = people.length ? people : [[]];
  const countsFrom = nextReachable(askedAt, who, c);
  let day = zonedDateKey(countsFrom, c.timeZone);
  for (let i = 0; i < GUARD_DAYS; i++) {
    day = addDaysToKey(day, 1);
    if (intervalsOn(day, who, c).length) {
      const dueAt = new Date(+zonedToUtc(`${addDaysToKey(day, 1)}T00:00`, c.timeZone) - 1);
      return { countsFrom, dueAt };
    }
  }
  throw new RangeError('no working day within a year');
}
