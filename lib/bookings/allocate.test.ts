import { describe, expect, it } from 'vitest';
import { allocate, type AllocFamily, type AllocSlot } from './allocate';

const at = (hhmm: string) => new Date(`2027-02-09T${hhmm}:00Z`);
// Two schedules (teacher A, teacher B), an afternoon block and an evening block, four slots each.
const slots: AllocSlot[] = ['A', 'B'].flatMap((schedule) =>
  [['15:00', 'aft'], ['15:10', 'aft'], ['19:00', 'eve'], ['19:10', 'eve']].map(([t, blockId]) => ({
    id: `${schedule}-${t}`,
    schedule,
    blockId,
    startsAt: at(t),
    endsAt: new Date(+at(t) + 10 * 60_000),
    location: `lokaal ${schedule}`,
  })),
);

describe('allocate (fair opening)', () => {
  it('respects preferences, puts siblings back to back and leaves nobody out', () => {
    const families: AllocFamily[] = [
      { key: 'siblings', children: [{ childId: 's1', schedule: 'A' }, { childId: 's2', schedule: 'B' }], blockIds: ['eve'] },
      { key: 'evening-only', children: [{ childId: 'e1', schedule: 'A' }], blockIds: ['eve'] },
      { key: 'anytime', children: [{ childId: 'x1', schedule: 'A' }], blockIds: ['aft', 'eve'] },
      { key: 'silent', children: [{ childId: 'n1', schedule: 'A' }], blockIds: null },
    ];
    const r = allocate(families, slots, 0, 'round-1');
    const slotOf = (c: string) => r.assignments.find((a) => a.childId === c)?.slotId;
    expect(r.unplaced).toEqual([]);
    expect(r.assignments).toHaveLength(5);
    expect(new Set(r.assignments.map((a) => a.slotId)).size).toBe(5); // no slot twice
    expect([slotOf('s1'), slotOf('s2')].sort()).toEqual(expect.arrayContaining([expect.stringMatching(/19:/), expect.stringMatching(/19:/)]));
    expect(slotOf('e1')).toMatch(/^A-19:/);
    expect(slotOf('x1')).toMatch(/^A-15:/); // the flexible family makes room for the constrained ones
    expect(r.outsidePreference).toEqual([]);
    const [a, b] = ['s1', 's2'].map((c) => slots.find((s) => s.id === slotOf(c))!).sort((p, q) => +p.startsAt - +q.startsAt);
    expect(+b.startsAt - +a.endsAt).toBe(0); // back to back
  });

  it('when preferences cannot all be met, places the family anyway and says so', () => {
    const families: AllocFamily[] = ['f1', 'f2', 'f3'].map((key) => ({ key, children: [{ childId: key, schedule: 'A' }], blockIds: ['eve'] }));
    const r = allocate(families, slots, 0, 'round-2');
    expect(r.unplaced).toEqual([]);
    expect(r.outsidePreference).toHaveLength(1);
    expect(r.assignments.filter((a) => a.slotId.startsWith('A-19')).length).toBe(2);
  });

  it('is fair: who goes first among equals depends on the seed, not on the order of answers', () => {
    const families: AllocFamily[] = ['p', 'q', 'r'].map((key) => ({ key, children: [{ childId: key, schedule: 'A' }], blockIds: ['eve'] }));
    const losers = new Set<string>();
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) losers.add(allocate(families, slots, 0, seed).outsidePreference[0]);
    expect(losers.size).toBeGreaterThan(1);
    expect(allocate(families, slots, 0, 'same')).toEqual(allocate(families, slots, 0, 'same'));
  });

  it('reports children that cannot be placed at all when there are more children than slots', () => {
    const families: AllocFamily[] = Array.from({ length: 5 }, (_, i) => ({ key: `f${i}`, children: [{ childId: `c${i}`, schedule: 'B' }], blockIds: null }));
    expect(allocate(families, slots, 0, 'x').unplaced).toHaveLength(1);
  });
});
