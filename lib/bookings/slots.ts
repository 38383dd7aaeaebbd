import { addMinutes } from 'date-fns';

export type Block = { startsAt: Date; endsAt: Date };
export type SlotTime = { startsAt: Date; endsAt: Date };

/**
 * A teacher's rhythm: after `breakAfterTalks` talks in a row a break of `breakMinutes` (0: never),
 * and fixed breaks (coffee 19:00-19:15) that no talk may overlap. A fixed break also ends a run.
 */
export type Rhythm = { breakAfterTalks: number; breakMinutes: number; breaks?: Block[] };
export const NO_BREAKS: Rhythm = { breakAfterTalks: 0, breakMinutes: 0 };

/**
 * Cut time blocks into talk slots: `slotMinutes` each with `gapMinutes` changeover between them.
 * A slot that would run past the end of its block is not made. Blocks may come in any order. The
 * rhythm leaves its breaks as gaps: a break replaces the changeover it falls on (the longer counts).
 */
export function generateSlotTimes(blocks: Block[], slotMinutes: number, gapMinutes: number, rhythm: Rhythm = NO_BREAKS): SlotTime[] {
  if (slotMinutes <= 0 || gapMinutes < 0) throw new RangeError('slot length must be positive and gap not negative');
  if (rhythm.breakAfterTalks < 0 || rhythm.breakMinutes < 0) throw new RangeError('a break cannot be negative');
  const fixed = [...(rhythm.breaks ?? [])].sort((a, b) => +a.startsAt - +b.startsAt);
  const out: SlotTime[] = [];
  for (const block of [...blocks].sort((a, b) => +a.startsAt - +b.startsAt)) {
    let run = 0;
    let t = block.startsAt;
    while (+addMinutes(t, slotMinutes) <= +block.endsAt) {
      const end = addMinutes(t, slotMinutes);
      const pause = fixed.find((b) => +b.startsAt < +end && +t < +b.endsAt);
      if (pause) {
        t = pause.endsAt;
        run = 0;
        continue;
      }
      out.push({ startsAt: t, endsAt: end });
      run++;
      const breakNow = rhythm.breakAfterTalks > 0 && rhythm.breakMinutes > 0 && run === rhythm.breakAfterTalks;
      if (breakNow) run = 0;
      t = addMinutes(end, breakNow ? Math.max(gapMinutes, rhythm.breakMinutes) : gapMinutes);
    }
  }
  return out;
}

/**
 * The breaks in one schedule's day, for the pages: every pause between consecutive talks that is
 * longer than the changeover (a rhythm break, a fixed break, the time between two blocks of a day).
 */
export function breaksBetween(slots: SlotTime[], gapMinutes: number): SlotTime[] {
  const sorted = [...slots].sort((a, b) => +a.startsAt - +b.startsAt);
  const out: SlotTime[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const next = sorted[i];
    const sameDay = +next.startsAt - +prev.endsAt < 12 * 3_600_000;
    if (sameDay && +next.startsAt - +prev.endsAt > gapMinutes * 60_000) out.push({ startsAt: prev.endsAt, endsAt: next.startsAt });
  }
  return out;
}
