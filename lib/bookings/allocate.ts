import { type FreeSlot, planBackToBack } from './siblings';

// Fair opening: instead of first come, first served at 19:00, families say which moments they can
// make, and when the preference window closes everyone is allocated at once:
// - the most constrained families go first (fewest usable slots per child, then more children),
//   ties broken by a seeded shuffle, never by who answered first;
// - siblings get back-to-back talks across their teachers (the same planner as manual booking);
// - within preferences where possible; otherwise the nearest free moment, so nobody is left out
//   (those are reported as outside their preference).

export type AllocSlot = FreeSlot & { schedule: string; blockId: string };
export type AllocFamily = { key: string; children: { childId: string; schedule: string }[]; blockIds: string[] | null };
export type Allocation = { assignments: { childId: string; slotId: string; familyKey: string }[]; outsidePreference: string[]; unplaced: string[] };

function seededRandom(seed: string) {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 4294967296;
  };
}

export function allocate(families: AllocFamily[], slots: AllocSlot[], walkingMinutes: number, seed: string): Allocation {
  const free = new Map(slots.map((s) => [s.id, s]));
  const rnd = seededRandom(seed);
  const usable = (f: AllocFamily, c: { schedule: string }) =>
    [...free.values()].filter((s) => s.schedule === c.schedule && (!f.blockIds || f.blockIds.includes(s.blockId)));
  const tiebreak = new Map(families.map((f) => [f.key, rnd()]));
  // Families without preferences are placed last: they can go anywhere.
  const order = [...families].sort((a, b) => {
    if (!a.blockIds !== !b.blockIds) return a.blockIds ? -1 : 1;
    const room = (f: AllocFamily) => Math.min(...f.children.map((c) => usable(f, c).length));
    return room(a) - room(b) || b.children.length - a.children.length || tiebreak.get(a.key)! - tiebreak.get(b.key)!;
  });

  const result: Allocation = { assignments: [], outsidePreference: [], unplaced: [] };
  const take = (f: AllocFamily, childId: string, slot: FreeSlot) => {
    free.delete(slot.id);
    result.assignments.push({ childId, slotId: slot.id, familyKey: f.key });
  };
  for (const f of order) {
    const attempt = (preferred: boolean) => {
      const pool = (c: { schedule: string }) => [...free.values()].filter((s) => s.schedule === c.schedule && (!preferred || !f.blockIds || f.blockIds.includes(s.blockId)));
      const [plan] = planBackToBack(f.children.map((c) => ({ childId: c.childId, slots: pool(c) })), walkingMinutes, 1);
      return plan;
    };
    const inPreference = attempt(true);
    const plan = inPreference ?? attempt(false);
    if (plan) {
      for (const p of plan) take(f, p.childId, p.slot);
      if (!inPreference && f.blockIds) result.outsidePreference.push(f.key);
      continue;
    }
    // Not even apart from preferences can the children be placed back to back: place each on its own,
    // still never two at the same moment for one family.
    const placed: FreeSlot[] = [];
    for (const c of f.children) {
      const options = [...free.values()]
        .filter((s) => s.schedule === c.schedule && !placed.some((p) => p.startsAt < s.endsAt && s.startsAt < p.endsAt))
        .sort((a, b) => Number(!!f.blockIds && !f.blockIds.includes(a.blockId)) - Number(!!f.blockIds && !f.blockIds.includes(b.blockId)) || +a.startsAt - +b.startsAt);
      if (options[0]) {
        take(f, c.childId, options[0]);
        placed.push(options[0]);
      } else result.unplaced.push(c.childId);
    }
    if (f.blockIds) result.outsidePreference.push(f.key);
  }
  return result;
}
