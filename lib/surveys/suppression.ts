import { MIN_GROUP_SIZE } from './schemas';

/**
 * Complementary suppression for figures shown next to their total. A cell under `min` answers is
 * hidden; the hidden cells together can be worked out from the total and the shown cells, so the
 * smallest shown cells are hidden with them until the hidden ones hold at least `min` answers
 * together (two hidden groups of one person each would otherwise give away their combined answer).
 * Ties: the first in the given order.
 */
export function suppress<T extends { n: number }>(cells: readonly T[], min = MIN_GROUP_SIZE): (T & { hidden: boolean })[] {
  const hidden = cells.map((c) => c.n < min);
  const hiddenTotal = () => cells.reduce((sum, c, i) => sum + (hidden[i] ? c.n : 0), 0);
  while (hidden.some(Boolean) && hiddenTotal() < min) {
    let partner = -1;
    cells.forEach((c, i) => {
      if (!hidden[i] && (partner < 0 || c.n < cells[partner].n)) partner = i;
    });
    if (partner < 0) break;
    hidden[partner] = true;
  }
  return cells.map((c, i) => ({ ...c, hidden: hidden[i] }));
}
