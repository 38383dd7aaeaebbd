import { isGuardian } from '@/lib/access/roles';
import { guardianRounds } from '@/lib/bookings/queries';
import { roundWishes } from '@/lib/talk-wishes/queries';
import { setTalkWish } from '@/lib/talk-wishes/service';
import { type Probes, type Target, refusedAsNotFound } from './types';

// Probes for the teacher's mark per pupil (lib/access/policy.ts talkWish). The mark a read probe looks
// for is set once per child by its school's director.

const marked = new Map<string, Promise<unknown>>();
const markOnce = (c: Target) => {
  if (!marked.has(c.id)) marked.set(c.id, setTalkWish(c.director, { roundId: c.roundId, childId: c.id, kind: 'REQUESTED', doubleSlot: false }));
  return marked.get(c.id)!;
};

export const wishesProbes: Probes = {
  // A guardian on the home page (guardianRounds), staff in the round's group view.
  'talkWish.read': async (a, c) => {
    await markOnce(c);
    const sees = isGuardian(a)
      ? (await guardianRounds(a)).some((x) => x.child.id === c.id && x.rounds.some((r) => r.round.id === c.roundId && r.wish?.kind === 'REQUESTED'))
      : (await roundWishes(a, c.roundId)).groups.some((g) => g.children.some((x) => x.id === c.id && x.wish?.kind === 'REQUESTED'));
    if (!sees) refusedAsNotFound();
  },
  'talkWish.write': (a, c) => setTalkWish(a, { roundId: c.roundId, childId: c.id, kind: 'REQUESTED', doubleSlot: false }),
};
