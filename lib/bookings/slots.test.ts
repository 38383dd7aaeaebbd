import { describe, expect, it } from 'vitest';
import { planBackToBack, type FreeSlot } from './siblings';
import { generateSlotTimes } from './slots';

const at = (hhmm: string) => new Date(`2026-11-17T${hhmm}:00Z`);
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

describe('generateSlotTimes', () => {
  it('cuts an afternoon into 10-minute talks with a 5-minute changeover, never past the block', () => {
    const slots = generateSlotTimes([{ startsAt: at('15:00'), endsAt: at('16:00') }], 10, 5);
    expect(slots.map((s) => hhmm(s.startsAt))).toEqual(['15:00', '15:15', '15:30', '15:45']);
    expect(hhmm(slots.at(-1)!.endsAt)).toBe('15:55');
  });

  it('handles several blocks (an afternoon and an evening, a break in between) in time order', () => {
    const slots = generateSlotTimes(
      [
        { startsAt: at('18:30'), endsAt: at('19:00') },
        { startsAt: at('15:00'), endsAt: at('15:20') },
      ],
      10,
      0,
    );
    expect(slots.map((s) => hhmm(s.startsAt))).toEqual(['15:00', '15:10', '18:30', '18:40', '18:50']);
  });

  it('rejects a zero slot length', () => {
    expect(() => generateSlotTimes([], 0, 0)).toThrow(RangeError);
  });
});

const slot = (id: string, start: string, location: string | null, minutes = 10): FreeSlot => ({
  id,
  startsAt: at(start),
  endsAt: new Date(+at(start) + minutes * 60_000),
  location,
});

describe('planBackToBack', () => {
  it('books two children with different teachers back to back, walking time included', () => {
    const plans = planBackToBack(
      [
        { childId: 'anna', slots: [slot('a1', '19:00', 'lokaal 3'), slot('a2', '19:30', 'lokaal 3')] },
        { childId: 'bram', slots: [slot('b1', '19:10', 'lokaal 7'), slot('b2', '19:15', 'lokaal 7'), slot('b3', '18:40', 'lokaal 7')] },
      ],
      5,
    );
    // 19:00 Anna → walk 5 → 19:15 Bram and 19:15 Bram → 19:30 Anna both span 25 min (earliest first);
    // 18:40 Bram → 19:00 Anna spans 30; 19:00 Anna → 19:10 Bram is impossible (no time to walk).
    expect(plans.map((plan) => plan.map((p) => p.slot.id))).toEqual([
      ['a1', 'b2'],
      ['b2', 'a2'],
      ['b3', 'a1'],
    ]);
  });

  it('never overlaps and needs no walking time within one room', () => {
    const plans = planBackToBack(
      [
        { childId: 'x', slots: [slot('x1', '19:00', 'lokaal 1')] },
        { childId: 'y', slots: [slot('y1', '19:05', 'lokaal 1'), slot('y2', '19:10', 'lokaal 1')] },
      ],
      5,
    );
    expect(plans[0].map((p) => p.slot.id)).toEqual(['x1', 'y2']);
  });

  it('finds nothing when a child has no free slot, and orders three children optimally', () => {
    expect(planBackToBack([{ childId: 'a', slots: [] }, { childId: 'b', slots: [slot('b', '19:00', null)] }], 0)).toEqual([]);
    const plans = planBackToBack(
      [
        { childId: 'a', slots: [slot('a1', '19:20', 'A')] },
        { childId: 'b', slots: [slot('b1', '19:00', 'B'), slot('b2', '19:40', 'B')] },
        { childId: 'c', slots: [slot('c1', '19:10', 'C'), slot('c2', '19:30', 'C')] },
      ],
      0,
    );
    expect(plans[0].map((p) => p.childId)).toEqual(['b', 'c', 'a']);
    expect(plans[0].map((p) => hhmm(p.slot.startsAt))).toEqual(['19:00', '19:10', '19:20']);
  });
});
