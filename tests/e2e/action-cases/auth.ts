import { expect } from '@playwright/test';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// The role switch: someone who is a parent at one school and a teacher at another picks the membership
// they act in. The only thing written is the `ctx` cookie, and the next request acts in that role
// (lib/auth/actor.ts's currentActor), which is what the cases check.

const SWITCH = 'lib/auth/actions.ts#switchMembershipAction';

/** A new parent at the demo school who also teaches at the other school. */
async function twoHats(k: Kit) {
  const fam = await k.family({ group: (await k.newGroup()).name });
  const parent = fam.guardians[0];
  const other = await k.school('de-regenboog');
  const teaching = await k.db.membership.create({ data: { schoolId: other.id, userId: parent.id, role: 'TEACHER' } });
  return { parent, teaching };
}

const ctxOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('ctx='))?.split(';')[0];
/** Where "/" sends this cookie: the home of the role the request acts in. */
const home = async (k: Kit, cookie: string) => (await k.api('GET', '/', undefined, cookie)).headers.get('location');

export const cases: ActionCases = {
  [SWITCH]: {
    allowed: async (k) => {
      const { parent, teaching } = await twoHats(k);
      expect(await home(k, parent.cookie)).toMatch(/\/ouder$/);
      const res = await k.raw(SWITCH, [k.form({ membershipId: teaching.id })], parent.cookie);
      expect(res.headers.get('x-action-redirect')?.split(';')[0]).toBe('/');
      expect(ctxOf(res)).toBe(`ctx=${teaching.id}`);
      expect(await home(k, `${parent.cookie}; ctx=${teaching.id}`)).toMatch(/\/leerkracht$/);
    },
    outsider: async (k) => {
      // Someone else's membership (the demo director's): no cookie, and naming it by hand changes nothing.
      const { parent } = await twoHats(k);
      const director = await k.db.membership.findFirstOrThrow({ where: { role: 'DIRECTOR', school: { slug: 'distelvlinder' } } });
      const res = await k.raw(SWITCH, [k.form({ membershipId: director.id })], parent.cookie);
      expect(res.headers.get('x-action-redirect')?.split(';')[0]).toBe('/');
      expect(ctxOf(res)).toBeUndefined();
      expect(await home(k, `${parent.cookie}; ctx=${director.id}`)).toMatch(/\/ouder$/);
    },
    badInput: async (k) => {
      const { parent } = await twoHats(k);
      for (const membershipId of ['', 'x'.repeat(41), "1' or '1'='1"]) {
        const res = await k.raw(SWITCH, [k.form({ membershipId })], parent.cookie);
        expect(res.headers.get('x-action-redirect')?.split(';')[0]).toBe('/');
        expect(ctxOf(res)).toBeUndefined();
      }
    },
  },
};
