import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import type { Kit, Person } from './kit';
import type { ActionCases } from './types';

// The account page: staff set their own password, anyone signs out their own other devices. Only
// the signed-in user's own account and sessions are ever touched: someone else's session id is
// NOT_FOUND, and a parent has no password to set (the 404 page).

const A = (name: string) => `lib/account/actions.ts#${name}`;
const invalid = (fieldErrors: Record<string, string[]>) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors } });

/** The person's session of their cookie, plus `n` more (their other devices); answers the ids, the cookie's first. */
async function devices(k: Kit, p: Person, n: number) {
  const [current] = await k.db.userSession.findMany({ where: { userId: p.id }, select: { id: true } });
  const others = [];
  for (let i = 0; i < n; i++) others.push((await k.db.userSession.create({ data: { id: randomUUID(), userId: p.id } })).id);
  return { current: current.id, others };
}
const openSessions = (k: Kit, userId: string) => async () => (await k.db.userSession.findMany({ where: { userId, endedAt: null }, select: { id: true }, orderBy: { id: 'asc' } })).map((s) => s.id);
const passwordOf = (k: Kit, userId: string) => async () => (await k.db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash;

export const cases: ActionCases = {
  [A('changeOwnPasswordAction')]: {
    allowed: async (k) => {
      // A first password; the other devices are signed out, this one stays.
      const teacher = await k.staff({ role: 'TEACHER' });
      const { current } = await devices(k, teacher, 2);
      const pw = 'Appelboom bloeit in april';
      expect(await k.call(A('changeOwnPasswordAction'), [null, k.form({ current: '', next: pw, confirm: pw })], teacher.cookie)).toEqual({ result: { ok: true } });
      expect(await passwordOf(k, teacher.id)()).toMatch(/^scrypt\$/);
      expect(await openSessions(k, teacher.id)()).toEqual([current]);
      // A change needs the current one.
      const before = await passwordOf(k, teacher.id)();
      expect(await k.call(A('changeOwnPasswordAction'), [null, k.form({ current: pw, next: 'Peren rijpen in september', confirm: 'Peren rijpen in september' })], teacher.cookie)).toEqual({ result: { ok: true } });
      expect(await passwordOf(k, teacher.id)()).not.toBe(before);
    },
    outsider: async (k) => {
      // A parent signs in by link only: no password, no session ended.
      const fam = await k.family({ group: (await k.newGroup()).name });
      const parent = fam.guardians[0];
      await devices(k, parent, 1);
      await k.unchanged(async () => [await passwordOf(k, parent.id)(), await openSessions(k, parent.id)()], async () => {
        expect(await k.call(A('changeOwnPasswordAction'), [null, k.form({ current: '', next: 'Appelboom bloeit in april', confirm: 'Appelboom bloeit in april' })], parent.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const teacher = await k.staff({ role: 'TEACHER' });
      await devices(k, teacher, 1);
      await k.unchanged(async () => [await passwordOf(k, teacher.id)(), await openSessions(k, teacher.id)()], async () => {
        expect(await k.call(A('changeOwnPasswordAction'), [null, k.form({ current: '', next: 'kort', confirm: 'anders' })], teacher.cookie)).toEqual(invalid({ next: ['tooShort'], confirm: ['confirmDiffers'] }));
      });
      // With a password set, a wrong current one changes nothing either.
      const pw = 'Appelboom bloeit in april';
      expect(await k.call(A('changeOwnPasswordAction'), [null, k.form({ current: '', next: pw, confirm: pw })], teacher.cookie)).toEqual({ result: { ok: true } });
      await k.unchanged(async () => [await passwordOf(k, teacher.id)(), await openSessions(k, teacher.id)()], async () => {
        expect(await k.call(A('changeOwnPasswordAction'), [null, k.form({ current: 'Niet het wachtwoord', next: 'Peren rijpen in september', confirm: 'Peren rijpen in september' })], teacher.cookie)).toEqual(invalid({ current: ['wrongPassword'] }));
      });
    },
  },

  [A('endOwnSessionAction')]: {
    allowed: async (k) => {
      const fam = await k.family({ group: (await k.newGroup()).name });
      const parent = fam.guardians[0];
      const { current, others } = await devices(k, parent, 2);
      expect(await k.call(A('endOwnSessionAction'), [null, k.form({ sessionId: others[0] })], parent.cookie)).toEqual({ result: { ok: true } });
      expect(await openSessions(k, parent.id)()).toEqual([current, others[1]].sort());
    },
    outsider: async (k) => {
      // Another user's session, and the one asking (that is the sign-out button's): NOT_FOUND, all still open.
      const [a, b] = [await k.staff({ role: 'TEACHER' }), await k.staff({ role: 'TEACHER' })];
      const mine = await devices(k, a, 0);
      const theirs = await devices(k, b, 1);
      await k.unchanged(async () => [await openSessions(k, a.id)(), await openSessions(k, b.id)()], async () => {
        for (const sessionId of [theirs.others[0], theirs.current, mine.current]) {
          expect(await k.call(A('endOwnSessionAction'), [null, k.form({ sessionId })], a.cookie)).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
        }
      });
    },
    badInput: async (k) => {
      // Not a session id at all: it names no session of theirs either (NOT_FOUND), nothing ends.
      const teacher = await k.staff({ role: 'TEACHER' });
      await devices(k, teacher, 1);
      await k.unchanged(openSessions(k, teacher.id), async () => {
        for (const sessionId of ['', "x' or '1'='1", 'x'.repeat(65)]) {
          expect(await k.call(A('endOwnSessionAction'), [null, k.form({ sessionId })], teacher.cookie)).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
        }
      });
    },
  },

  [A('endOtherSessionsAction')]: {
    allowed: async (k) => {
      const teacher = await k.staff({ role: 'TEACHER' });
      const { current } = await devices(k, teacher, 3);
      expect(await k.call(A('endOtherSessionsAction'), [], teacher.cookie)).toEqual({ result: { ok: true } });
      expect(await openSessions(k, teacher.id)()).toEqual([current]);
    },
    outsider: async (k) => {
      // Only the caller's own: another user's sessions stay open.
      const [a, b] = [await k.staff({ role: 'TEACHER' }), await k.staff({ role: 'DIRECTOR' })];
      await devices(k, a, 1);
      await devices(k, b, 2);
      await k.unchanged(openSessions(k, b.id), async () => {
        expect(await k.call(A('endOtherSessionsAction'), [k.form({ userId: b.id })], a.cookie)).toEqual({ result: { ok: true } });
      });
    },
    badInput: async (k) => {
      // It takes no input; what it acts on is the session asking, so an ended session's cookie goes to sign in.
      const teacher = await k.staff({ role: 'TEACHER' });
      const { current } = await devices(k, teacher, 1);
      await k.db.userSession.update({ where: { id: current }, data: { endedAt: new Date() } });
      await k.unchanged(openSessions(k, teacher.id), async () => {
        expect(await k.call(A('endOtherSessionsAction'), [], teacher.cookie)).toEqual({ redirect: '/inloggen' });
      });
    },
  },
};
