import { expect } from '@playwright/test';
import type { ActionCases, Kit } from './types';

// Notification choices (lib/notify): each person's own, per kind of news they receive; guardians
// choose for announcements and messages, staff (who receive no announcements) for messages only.

const K = 'lib/notify/actions.ts#savePreferencesAction';
const prefs = (k: Kit, userIds: string[]) => k.db.notificationPreference.findMany({ where: { userId: { in: userIds } }, orderBy: [{ userId: 'asc' }, { kind: 'asc' }], select: { userId: true, kind: true, mode: true } });

export const cases: ActionCases = {
  [K]: {
    allowed: async (k) => {
      const f = await k.family();
      expect(await k.call(K, [null, k.form({ MESSAGE: 'IMMEDIATE', ANNOUNCEMENT: 'DIGEST' })], f.guardians[0].cookie)).toEqual({ result: { ok: true } });
      expect(await prefs(k, [f.guardians[0].id])).toEqual([
        { userId: f.guardians[0].id, kind: 'ANNOUNCEMENT', mode: 'DIGEST' },
        { userId: f.guardians[0].id, kind: 'MESSAGE', mode: 'IMMEDIATE' },
      ]);
    },
    // No one else's choice is reachable (the actor's own rows only): the refusal is a kind the person
    // does not receive, and the other guardian of the household keeps theirs.
    outsider: async (k) => {
      const f = await k.family({ informationOnly: true });
      const teacher = await k.staff({ role: 'TEACHER', groups: ['3A'] });
      expect(await k.call(K, [null, k.form({ MESSAGE: 'DIGEST', ANNOUNCEMENT: 'DIGEST' })], f.guardians[1].cookie)).toEqual({ result: { ok: true } });
      await k.unchanged(() => prefs(k, [teacher.id, f.guardians[0].id, f.guardians[1].id]), async () => {
        expect(await k.call(K, [null, k.form({ MESSAGE: 'DIGEST', ANNOUNCEMENT: 'DIGEST' })], teacher.cookie)).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
      });
      expect(await prefs(k, [f.guardians[0].id])).toEqual([]);
    },
    badInput: async (k) => {
      const f = await k.family();
      await k.unchanged(() => prefs(k, [f.guardians[0].id]), async () => {
        expect(await k.call(K, [null, k.form({ ANNOUNCEMENT: 'DIGEST' })], f.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { MESSAGE: ['required'] } } });
      });
    },
  },
};
