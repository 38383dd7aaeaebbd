import { MIN_GROUP_SIZE } from './schemas';

/**
 * Complementary suppression for figures shown next to their total. A cell under `min` answers is
 * hidden; if that leaves exactly one hidden cell, it could be worked out from the total and the shown
 * cells, so the smallest shown cell is hidden with it (ties: the first in the given order).
 */
export function suppress<T extends { n: number }>(cells: readonly T[], min = MIN_GROUP_SIZE): (T & { hidden: boolean })[] {
  const hidden = cells.map((c) => c.n < min);
  if (hidden.filter(Boolean).length === 1) {
    let partner = -1;
    cells.forEach((c, i) => {
      if (!hidden[i] && (partner < 0 || c.n < cells[partner].n)) partner = i;
    });
    if (partner >= 0) hidden[partner] = true;
  }
  return cells.map((c, i) => ({ ...c, hidden: hidden[i] }));
}
