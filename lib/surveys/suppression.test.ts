import { describe, expect, it } from 'vitest';
import { suppress } from './suppression';

describe('suppress (complementary)', () => {
  it('hides a small group and the next smallest with it', () => {
    expect(suppress([{ name: '3A', n: 9 }, { name: '5A', n: 6 }, { name: '7B', n: 3 }, { name: '8', n: 7 }])).toEqual([
      { name: '3A', n: 9, hidden: false },
      { name: '5A', n: 6, hidden: true },
      { name: '7B', n: 3, hidden: true },
      { name: '8', n: 7, hidden: false },
    ]);
  });

  it('two small groups already hide each other; nothing small, nothing hidden; one group alone stays as it is', () => {
    expect(suppress([{ n: 2 }, { n: 4 }, { n: 8 }]).map((c) => c.hidden)).toEqual([true, true, false]);
    expect(suppress([{ n: 5 }, { n: 8 }]).map((c) => c.hidden)).toEqual([false, false]);
    expect(suppress([{ n: 3 }]).map((c) => c.hidden)).toEqual([true]);
    expect(suppress([{ n: 6 }, { n: 5 }, { n: 5 }, { n: 1 }]).map((c) => c.hidden)).toEqual([false, true, false, true]);
  });

  it('two hidden groups of one person each take a third with them, or their combined answer would show', () => {
    expect(suppress([{ n: 1 }, { n: 9 }, { n: 1 }, { n: 7 }]).map((c) => c.hidden)).toEqual([true, false, true, true]);
    expect(suppress([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 9 }]).map((c) => c.hidden)).toEqual([true, true, true, false]);
  });
});
