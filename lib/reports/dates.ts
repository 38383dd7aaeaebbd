import { SCHOOL_TZ, zonedDateKey } from '@/lib/format/time';

// Reports are about school days as dates ("YYYY-MM-DD" on the school's wall clock), stored as
// @db.Date (midnight UTC).

/** When lessons start. The schema has no per-school setting yet: the common Dutch start. */
export const SCHOOL_STARTS_AT = '08:15';

export const todayKey = (now: Date) => zonedDateKey(now, SCHOOL_TZ);
export const asDate = (key: string) => new Date(`${key}T00:00:00Z`);
export const keyOf = (d: Date) => d.toISOString().slice(0, 10);

/** "HH:MM" of an instant on the school's wall clock. */
export function wallClock(now: Date) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: SCHOOL_TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
}

/** Whether a report for `fromDate` comes after lessons started that day. */
export const afterSchoolStart = (fromDate: string, now: Date) => fromDate === todayKey(now) && wallClock(now) >= SCHOOL_STARTS_AT;
