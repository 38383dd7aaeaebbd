import { describe, expect, it } from 'vitest';
import { formatTalkTime, zonedDateKey, zonedToUtc } from './time';

describe('school time zone', () => {
  it('turns Dutch wall-clock times into UTC in winter and summer time', () => {
    expect(zonedToUtc('2026-11-17T19:00').toISOString()).toBe('2026-11-17T18:00:00.000Z');
    expect(zonedToUtc('2027-06-15T15:30').toISOString()).toBe('2027-06-15T13:30:00.000Z');
  });

  it('keeps the local date of a late talk and formats it in Dutch', () => {
    const late = zonedToUtc('2026-11-17T23:30');
    expect(zonedDateKey(late)).toBe('2026-11-17');
    expect(formatTalkTime(zonedToUtc('2026-11-17T19:00'), 'nl')).toBe('dinsdag 17 november 2026 om 19:00');
  });
});
