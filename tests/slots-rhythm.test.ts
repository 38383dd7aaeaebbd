import { describe, expect, it } from 'vitest';
import { breaksBetween, generateSlotTimes } from '@/lib/bookings/slots';

const at = (hhmm: string) => new Date(`2026-11-17T${hhmm}:00Z`);
const hhmm = (d: Date) => d.toISOString().slice(11, 16);
const starts = (slots: { startsAt: Date }[]) => slots.map((s) => hhmm(s.startsAt));

describe('generateSlotTimes with a rhythm', () => {
  it('15:00-17:30, 10-minute talks, a 10-minute break after 6: the 7th talk starts 16:10', () => {
    const slots = generateSlotTimes([{ startsAt: at('15:00'), endsAt: at('17:30') }], 10, 0, { breakAfterTalks: 6, breakMinutes: 10 });
    expect(starts(slots)).toEqual([
      '15:00', '15:10', '15:20', '15:30', '15:40', '15:50',
      '16:10', '16:20', '16:30', '16:40', '16:50', '17:00',
      '17:20',
    ]);
    expect(hhmm(slots[5].endsAt)).toBe('16:00');
    expect(hhmm(slots[6].startsAt)).toBe('16:10');
    expect(hhmm(slots.at(-1)!.endsAt)).toBe('17:30');
  });

  it('a break replaces the changeover when it is longer, and the changeover counts when the break is shorter', () => {
    const longer = generateSlotTimes([{ startsAt: at('15:00'), endsAt: at('16:00') }], 10, 5, { breakAfterTalks: 2, breakMinutes: 15 });
    expect(starts(longer)).toEqual(['15:00', '15:15', '15:40']);
    const shorter = generateSlotTimes([{ startsAt: at('15:00'), endsAt: at('16:00') }], 10, 5, { breakAfterTalks: 2, breakMinutes: 3 });
    expect(starts(shorter)).toEqual(['15:00', '15:15', '15:30', '15:45']);
  });

  it('leaves a fixed coffee break 19:00-19:15 free; the run starts again after it', () => {
    const slots = generateSlotTimes([{ startsAt: at('18:30'), endsAt: at('20:00') }], 10, 0, {
      breakAfterTalks: 4,
      breakMinutes: 10,
      breaks: [{ startsAt: at('19:00'), endsAt: at('19:15') }],
    });
    // 18:30 18:40 18:50 (run 3, the fixed break resets it), 19:15 19:25 19:35 19:45 (4th → break, block over)
    expect(starts(slots)).toEqual(['18:30', '18:40', '18:50', '19:15', '19:25', '19:35', '19:45']);
  });

  it('a talk that would overlap the fixed break is not made: it waits for the break to end', () => {
    const slots = generateSlotTimes([{ startsAt: at('18:55'), endsAt: at('19:40') }], 10, 0, { breakAfterTalks: 0, breakMinutes: 0, breaks: [{ startsAt: at('19:00'), endsAt: at('19:15') }] });
    expect(starts(slots)).toEqual(['19:15', '19:25']);
  });

  it('without a rhythm (the defaults of existing rounds) nothing changes', () => {
    const plain = generateSlotTimes([{ startsAt: at('15:00'), endsAt: at('16:00') }], 10, 5);
    const zero = generateSlotTimes([{ startsAt: at('15:00'), endsAt: at('16:00') }], 10, 5, { breakAfterTalks: 0, breakMinutes: 0 });
    expect(starts(zero)).toEqual(starts(plain));
    expect(starts(zero)).toEqual(['15:00', '15:15', '15:30', '15:45']);
  });

  it('refuses a negative break', () => {
    expect(() => generateSlotTimes([], 10, 0, { breakAfterTalks: -1, breakMinutes: 5 })).toThrow(RangeError);
  });
});

describe('breaksBetween', () => {
  it('finds the break after six talks as the one pause longer than the changeover', () => {
    const slots = generateSlotTimes([{ startsAt: at('15:00'), endsAt: at('17:30') }], 10, 0, { breakAfterTalks: 6, breakMinutes: 10 });
    expect(breaksBetween(slots, 0).map((b) => `${hhmm(b.startsAt)}-${hhmm(b.endsAt)}`)).toEqual(['16:00-16:10', '17:10-17:20']);
  });

  it('shows no pause for the plain changeover', () => {
    expect(breaksBetween(generateSlotTimes([{ startsAt: at('15:00'), endsAt: at('16:00') }], 10, 5), 5)).toEqual([]);
  });
});
