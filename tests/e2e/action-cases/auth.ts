import { expect } from '@playwright/test';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// The role switch: someone who is a parent at one school and a teacher at another picks the membership
// they act in. The only thing written is the `ctx` cookie, and the next request acts in that role
// (lib/auth/actor.ts's currentActor), which is what the cases check.

const SWITCH = 'lib/auth/actions.ts#switchMembershipAction';
const LINK = 'lib/auth/actions.ts#requestLinkAction';

// The sign-in form (public, from /inloggen): a known address gets a one-time link in the outbox; an
// unknown one gets the same answer and nothing is sent, so the form cannot tell who is a parent here.
const linkMails = (k: Kit, email: string) => () => k.db.outboxMail.findMany({ where: { to: email }, select: { kind: true, schoolId: true } });
const loginTokens = (k: Kit, userId?: string) => () => k.db.loginToken.count(userId ? { where: { userId } } : undefined);

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

  [LINK]: {
    allowed: async (k) => {
      const fam = await k.family({ group: (await k.newGroup()).name });
      const parent = fam.guardians[0];
      // As typed: spaces and capitals do not matter.
      expect(await k.callAt(LINK, '/inloggen', [null, k.form({ email: `  ${parent.email.toUpperCase()} ` })])).toEqual({ result: { ok: true } });
      expect(await linkMails(k, parent.email)()).toEqual([{ kind: 'sign_in_link', schoolId: null }]);
      expect(await loginTokens(k, parent.id)()).toBe(1);
      const mail = await k.db.outboxMail.findFirstOrThrow({ where: { to: parent.email }, select: { text: true } });
      expect(mail.text).toMatch(/\/inloggen\/link\?token=[A-Za-z0-9_-]{43}/);
    },
    outsider: async (k) => {
      // An address nobody has, and an account without any school (a teacher who left): the same answer, nothing sent.
      const unknown = `niemand-${k.uid()}@cases.test`;
      const left = await k.db.user.create({ data: { email: `weg-${k.uid()}@cases.test`, firstName: 'Oud', lastName: 'Collega' } });
      await k.unchanged(async () => [await linkMails(k, unknown)(), await linkMails(k, left.email)(), await loginTokens(k)()], async () => {
        expect(await k.callAt(LINK, '/inloggen', [null, k.form({ email: unknown })])).toEqual({ result: { ok: true } });
        expect(await k.callAt(LINK, '/inloggen', [null, k.form({ email: left.email })])).toEqual({ result: { ok: true } });
      });
    },
    badInput: async (k) => {
      await k.unchanged(async () => [await loginTokens(k)(), await k.db.outboxMail.count({ where: { kind: 'sign_in_link' } })], async () => {
        expect(await k.callAt(LINK, '/inloggen', [null, k.form({ email: 'geen-adres' })])).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { email: ['invalidEmail'] } } });
        // An empty field is both (the form shows the first).
        expect(await k.callAt(LINK, '/inloggen', [null, k.form({ email: ' ' })])).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { email: ['required', 'invalidEmail'] } } });
      });
    },
  },
};
