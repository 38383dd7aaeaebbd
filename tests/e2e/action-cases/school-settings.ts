import { expect } from '@playwright/test';
import type { ActionCases, Kit } from './types';

// The complaint route's settings (lib/school-settings): the director's, of their own school only.
// Cases run at the second demo school and put its settings back, so the demo's route is untouched.

const K = 'lib/school-settings/actions.ts#saveComplaintSettingsAction';
const SCHOOL = 'de-regenboog';
const settings = (k: Kit) => k.db.school.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, complaintProcedureUrl: true, counsellorName: true, counsellorContact: true } });

async function restoring(k: Kit, run: () => Promise<void>) {
  const s = await k.db.school.findUniqueOrThrow({ where: { slug: SCHOOL }, select: { complaintProcedureUrl: true, counsellorName: true, counsellorContact: true } });
  try {
    await run();
  } finally {
    await k.db.school.update({ where: { slug: SCHOOL }, data: s });
  }
}

export const cases: ActionCases = {
  [K]: {
    allowed: async (k) => {
      const director = await k.staff({ role: 'DIRECTOR', school: SCHOOL });
      const before = await settings(k);
      await restoring(k, async () => {
        const values = { complaintProcedureUrl: 'https://bestuur.example/klachtenregeling', counsellorName: 'Mw. De Vries', counsellorContact: 'vertrouwenspersoon@bestuur.example' };
        expect(await k.call(K, [null, k.form(values)], director.cookie)).toEqual({ result: { ok: true } });
        // Only the director's own school changed.
        expect(await settings(k)).toEqual(before.map((s) => (s.slug === SCHOOL ? { slug: s.slug, ...values } : s)));
      });
    },
    outsider: async (k) => {
      // Only a director: a teacher of the school gets requireRole's 404.
      const teacher = await k.staff({ role: 'TEACHER', school: SCHOOL });
      await k.unchanged(() => settings(k), async () => {
        expect(await k.call(K, [null, k.form({ complaintProcedureUrl: 'https://elders.example', counsellorName: 'X', counsellorContact: 'Y' })], teacher.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const director = await k.staff({ role: 'DIRECTOR', school: SCHOOL });
      await k.unchanged(() => settings(k), async () => {
        expect(await k.call(K, [null, k.form({ complaintProcedureUrl: 'http://bestuur.example/klachten', counsellorName: 'X', counsellorContact: 'Y' })], director.cookie)).toEqual({
          result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { complaintProcedureUrl: ['httpsUrl'] } },
        });
      });
    },
  },
};
