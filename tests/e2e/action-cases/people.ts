import { expect } from '@playwright/test';
import type { ActionCases } from './types';

// The director names a teacher internal supervisor (intern begeleider): access to every child's file
// of the school, so only the school's own director, only for the school's own teachers.

const CARE = 'lib/people/actions.ts#careCoordinatorAction';
const careOf = (k: Parameters<ActionCases[string]['allowed']>[0], userId: string) => () => k.db.membership.findMany({ where: { userId }, select: { role: true, careCoordinator: true } });

export const cases: ActionCases = {
  [CARE]: {
    allowed: async (k) => {
      const [director, teacher] = [await k.staff({ role: 'DIRECTOR' }), await k.staff({ role: 'TEACHER' })];
      const m = await k.db.membership.findFirstOrThrow({ where: { userId: teacher.id } });
      expect(await k.call(CARE, [null, k.form({ membershipId: m.id, on: 'true' })], director.cookie)).toEqual({ result: { ok: true } });
      expect(await careOf(k, teacher.id)()).toEqual([{ role: 'TEACHER', careCoordinator: true }]);
      expect(await k.call(CARE, [null, k.form({ membershipId: m.id, on: 'false' })], director.cookie)).toEqual({ result: { ok: true } });
      expect(await careOf(k, teacher.id)()).toEqual([{ role: 'TEACHER', careCoordinator: false }]);
    },
    outsider: async (k) => {
      const teacher = await k.staff({ role: 'TEACHER' });
      const m = await k.db.membership.findFirstOrThrow({ where: { userId: teacher.id } });
      const fam = await k.family({ group: (await k.newGroup()).name });
      const parentMembership = await k.db.membership.findFirstOrThrow({ where: { userId: fam.guardians[0].id } });
      const otherDirector = await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' });
      const director = await k.staff({ role: 'DIRECTOR' });
      await k.unchanged(async () => [await careOf(k, teacher.id)(), await careOf(k, fam.guardians[0].id)()], async () => {
        // Another school's director: not theirs. A teacher naming themself: not the director's page at all.
        expect(await k.call(CARE, [null, k.form({ membershipId: m.id, on: 'true' })], otherDirector.cookie)).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
        expect(await k.call(CARE, [null, k.form({ membershipId: m.id, on: 'true' })], teacher.cookie)).toEqual({ notFound: true });
        // A parent's membership is no teacher's: the file of every child is not for them.
        expect(await k.call(CARE, [null, k.form({ membershipId: parentMembership.id, on: 'true' })], director.cookie)).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
      });
    },
    badInput: async (k) => {
      const [director, teacher] = [await k.staff({ role: 'DIRECTOR' }), await k.staff({ role: 'TEACHER' })];
      const m = await k.db.membership.findFirstOrThrow({ where: { userId: teacher.id } });
      await k.unchanged(careOf(k, teacher.id), async () => {
        expect(await k.call(CARE, [null, k.form({ membershipId: m.id })], director.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { on: ['required'] } } });
      });
    },
  },
};
