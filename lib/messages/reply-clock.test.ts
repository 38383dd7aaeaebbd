import { describe, expect, it } from 'vitest';
import { nextReachable, replyClock, type HoursRow } from './reply-clock';

// Amsterdam in December is UTC+1: "2026-12-04T16:00" local is 15:00Z. 4 December 2026 is a Friday.
const at = (local: string) => new Date(`${local}:00+01:00`);
const clock = { holidays: [] as { startDate: string; endDate: string }[], timeZone: 'Europe/Amsterdam' };
const endOf = (day: string) => new Date(+new Date(`${day}T00:00:00+01:00`) + 86_400_000 - 1);
const monToWed: HoursRow[] = [1, 2, 3].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 16 * 60 }));

describe('reply clock', () => {
  it('Friday 16:00 within the default hours: counts from then, due at the end of Monday', () => {
    expect(replyClock(at('2026-12-04T16:00'), [[]], clock)).toEqual({ countsFrom: at('2026-12-04T16:00'), dueAt: endOf('2026-12-07') });
  });

  it('Friday 20:00 to a teacher working Monday to Wednesday: the clock starts Monday 08:00, due at the end of Tuesday', () => {
    expect(replyClock(at('2026-12-04T20:00'), [monToWed], clock)).toEqual({ countsFrom: at('2026-12-07T08:00'), dueAt: endOf('2026-12-08') });
  });

  it('Wednesday within hours to that teacher: Thursday and Friday are not their working days, so due Monday', () => {
    expect(replyClock(at('2026-12-09T10:00'), [monToWed], clock).dueAt).toEqual(endOf('2026-12-14'));
  });

  it('duo colleagues share the inbox: anyone reachable starts the clock, any of their days counts', () => {
    const thuFri: HoursRow[] = [4, 5].map((weekday) => ({ weekday, startMinute: 12 * 60, endMinute: 18 * 60 }));
    // Wednesday 17:00: the first is done, the second starts Thursday 12:00; Friday is the next working day.
    expect(replyClock(at('2026-12-09T17:00'), [monToWed, thuFri], clock)).toEqual({ countsFrom: at('2026-12-10T12:00'), dueAt: endOf('2026-12-11') });
  });

  it("holidays are skipped: Friday before the Christmas holiday is due on the first day back", () => {
    const xmas = { ...clock, holidays: [{ startDate: '2026-12-19', endDate: '2027-01-03' }] };
    expect(replyClock(at('2026-12-18T09:00'), [[]], xmas).dueAt).toEqual(endOf('2027-01-04'));
    // Asked in the holiday: counting starts on the first morning back, due the day after.
    expect(replyClock(at('2026-12-28T09:00'), [[]], xmas)).toEqual({ countsFrom: at('2027-01-04T08:00'), dueAt: endOf('2027-01-05') });
  });

  it('before the morning start on a working day: counts from the start that day', () => {
    expect(nextReachable(at('2026-12-08T07:15'), [[]], clock)).toEqual(at('2026-12-08T08:00'));
    expect(nextReachable(at('2026-12-08T17:00'), [[]], clock)).toEqual(at('2026-12-09T08:00'));
  });
});
