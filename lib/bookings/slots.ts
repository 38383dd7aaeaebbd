import { addMinutes } from 'date-fns';

export type Block = { startsAt: Date; endsAt: Date };
export type SlotTime = { startsAt: Date; endsAt: Date };

/**
 * Cut time blocks into talk slots: `slotMinutes` each with `gapMinutes` changeover between them.
 * A slot that would run past the end of its block is not made. Blocks may come in any order.
 */
export function generateSlotTimes(blocks: Block[], slotMinutes: number, gapMinutes: number): SlotTime[] {
  if (slotMinutes <= 0 || gapMinutes < 0) throw new RangeError('slot length must be positive and gap not negative');
  const out: SlotTime[] = [];
  for (const block of [...blocks].sort((a, b) => +a.startsAt - +b.startsAt)) {
    for (let t = block.startsAt; +addMinutes(t, slotMinutes) <= +block.endsAt; t = addMinutes(t, slotMinutes + gapMinutes)) {
      out.push({ startsAt: t, endsAt: addMinutes(t, slotMinutes) });
    }
  }
  return out;
}
