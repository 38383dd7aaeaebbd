// Back-to-back planning for families with several children in one round: one free slot per child,
// with different teachers, no overlap, walking time between different rooms, and the shortest
// evening for the parent. Families rarely have more than four children in a round, so trying every
// order of children and every first slot is exact and cheap (4! × slots).

export type FreeSlot = { id: string; startsAt: Date; endsAt: Date; location: string | null };
export type ChildSlots = { childId: string; slots: FreeSlot[] };
export type Plan = { childId: string; slot: FreeSlot }[];

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Plans in order of preference: shortest span first, then earliest start. At most `limit`. */
export function planBackToBack(children: ChildSlots[], walkingMinutes: number, limit = 3): Plan[] {
  if (children.length === 0 || children.some((c) => c.slots.length === 0)) return [];
  const walkMs = walkingMinutes * 60_000;
  const sorted = children.map((c) => ({ ...c, slots: [...c.slots].sort((a, b) => +a.startsAt - +b.startsAt) }));
  const candidates: { plan: Plan; span: number; start: number }[] = [];
  for (const order of permutations(sorted)) {
    const [first, ...rest] = order;
    for (const start of first.slots) {
      const plan: Plan = [{ childId: first.childId, slot: start }];
      let prev = start;
      let ok = true;
      for (const next of rest) {
        const earliest = (s: FreeSlot) => +prev.endsAt + (s.location && s.location === prev.location ? 0 : walkMs);
        const pick = next.slots.find((s) => +s.startsAt >= earliest(s));
        if (!pick) {
          ok = false;
          break;
        }
        plan.push({ childId: next.childId, slot: pick });
        prev = pick;
      }
      if (ok) candidates.push({ plan, span: +prev.endsAt - +start.startsAt, start: +start.startsAt });
    }
  }
  candidates.sort((a, b) => a.span - b.span || a.start - b.start);
  // Distinct by first start time, so alternatives are really different moments.
  const seen = new Set<number>();
  const out: Plan[] = [];
  for (const c of candidates) {
    if (seen.has(c.start)) continue;
    seen.add(c.start);
    out.push(c.plan);
    if (out.length === limit) break;
  }
  return out;
}
