import { expect } from '@playwright/test';
import type { ActionCases, Kit } from './types';

// The director's personal message to families the portal does not reach (lib/reach): one
// conversation per household of their own school; another school's household is not found.

const K = 'lib/reach/actions.ts#sendReachMessageAction';
const threadsOf = (k: Kit, householdId: string) => k.db.thread.findMany({ where: { households: { some: { householdId } } }, select: { id: true } });

export const cases: ActionCases = {
  [K]: {
    allowed: async (k) => {
      const f = await k.family({ separated: true });
      const director = await k.staff({ role: 'DIRECTOR' });
      const answer = await k.call(K, [null, k.form({ householdIds: f.households, subject: 'Even kennismaken', body: 'Wij bellen u deze week.' })], director.cookie);
      expect(answer).toEqual({ result: { ok: true, data: { threadIds: [expect.any(String), expect.any(String)] } } });
      const ids = (answer as { result: { data: { threadIds: string[] } } }).result.data.threadIds;
      // One conversation per household, never one shared by the two.
      for (const [i, id] of ids.entries()) {
        expect(await k.db.thread.findUniqueOrThrow({ where: { id }, select: { schoolId: true, inbox: true, childId: true, startedById: true, subject: true, households: { select: { householdId: true } }, messages: { select: { body: true, authorId: true } } } })).toEqual({
          schoolId: f.school.id, inbox: 'DIRECTOR', childId: null, startedById: director.id, subject: 'Even kennismaken', households: [{ householdId: f.households[i] }], messages: [{ body: 'Wij bellen u deze week.', authorId: director.id }],
        });
      }
    },
    outsider: async (k) => {
      const f = await k.family();
      const otherDirector = await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' });
      await k.unchanged(() => threadsOf(k, f.households[0]), async () => {
        expect(await k.call(K, [null, k.form({ householdIds: [f.households[0]], subject: 'Hallo', body: 'Hallo' })], otherDirector.cookie)).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
      });
      expect(await k.db.outboxMail.count({ where: { to: f.guardians[0].email } })).toBe(0);
    },
    badInput: async (k) => {
      const f = await k.family();
      const director = await k.staff({ role: 'DIRECTOR' });
      await k.unchanged(() => threadsOf(k, f.households[0]), async () => {
        expect(await k.call(K, [null, k.form({ householdIds: [f.households[0]], subject: '', body: 'Hallo' })], director.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { subject: ['required'] } } });
      });
    },
  },
};
