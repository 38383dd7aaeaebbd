import { expect } from '@playwright/test';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// The director queues an undeliverable mail of their school again. Each case works at a new school
// of its own (the demo director's home counts undeliverable mail); the outsider is another school's
// director (NOT_FOUND) and a teacher (the 404 page).

const RETRY = 'lib/mail/actions.ts#retryMailAction';
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };

async function failedMail(k: Kit) {
  const slug = await k.newSchool();
  const school = await k.school(slug);
  const mail = await k.db.outboxMail.create({
    data: { schoolId: school.id, to: `weg-${k.uid()}@cases.test`, subject: 'Nieuwsbrief', text: 'Hallo', kind: 'announcement', attempts: 5, lastError: '550 mailbox unavailable', failedAt: new Date() },
  });
  return { slug, school, mail, director: await k.staff({ role: 'DIRECTOR', school: slug }), teacher: await k.staff({ role: 'TEACHER', school: slug }) };
}
const row = (k: Kit, id: string) => () => k.db.outboxMail.findUniqueOrThrow({ where: { id }, select: { failedAt: true, attempts: true, sentAt: true, nextAttemptAt: true } });

export const cases: ActionCases = {
  [RETRY]: {
    allowed: async (k) => {
      const { mail, director } = await failedMail(k);
      expect(await k.call(RETRY, [null, k.form({ id: mail.id })], director.cookie)).toEqual({ result: { ok: true } });
      // Queued again with a fresh round of attempts (the worker may already have sent it meanwhile).
      const after = await row(k, mail.id)();
      expect(after.failedAt).toBeNull();
      expect(after.sentAt !== null || after.attempts === 0).toBe(true);
    },
    outsider: async (k) => {
      const { mail, teacher } = await failedMail(k);
      const other = await failedMail(k);
      await k.unchanged(row(k, mail.id), async () => {
        expect(await k.call(RETRY, [null, k.form({ id: mail.id })], other.director.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(RETRY, [null, k.form({ id: mail.id })], teacher.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      // No id; and a mail that did not fail (it is sent): nothing to retry.
      const { school, mail, director } = await failedMail(k);
      const sent = await k.db.outboxMail.create({ data: { schoolId: school.id, to: `ok-${k.uid()}@cases.test`, subject: 'x', text: 'x', kind: 'announcement', attempts: 1, sentAt: new Date() } });
      await k.unchanged(async () => [await row(k, mail.id)(), await row(k, sent.id)()], async () => {
        expect(await k.call(RETRY, [null, k.form({})], director.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { id: ['required'] } } });
        expect(await k.call(RETRY, [null, k.form({ id: sent.id })], director.cookie)).toEqual(NOT_FOUND);
      });
    },
  },
};
