// School times are entered and shown in the school's time zone, stored as UTC instants.
export const SCHOOL_TZ = 'Europe/Amsterdam';

function offsetMs(instant: number, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - (instant - (instant % 1000));
}

/** "2026-11-17T19:00" on the school's wall clock → the UTC instant. */
export function zonedToUtc(local: string, timeZone = SCHOOL_TZ): Date {
  const [d, t] = local.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [hh, mm] = t.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, day, hh, mm);
  let guess = wall - offsetMs(wall, timeZone);
  guess = wall - offsetMs(guess, timeZone); // second pass settles DST edges
  return new Date(guess);
}

/** The wall-clock date "YYYY-MM-DD" of an instant in the school's zone. */
export function zonedDateKey(instant: Date, timeZone = SCHOOL_TZ) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function formatTalkTime(instant: Date, locale: string, timeZone = SCHOOL_TZ) {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(instant);
}
