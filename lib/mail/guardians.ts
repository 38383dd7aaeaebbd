import 'server-only';
import type { Tx } from '@/lib/db';
import { translatorFor } from '@/lib/i18n/translator';
import { enqueueMail } from './outbox';

type GuardianMail = {
  namespace: string; // messages with subject, body (and calendarTitle when `ics` is given)
  kind: string;
  values: (locale: string) => Record<string, string>;
  ics?: (calendarTitle: string) => string;
};

/** One mail to every guardian of the child, in each one's language, queued in the caller's transaction. */
export async function mailChildGuardians(tx: Tx, schoolId: string, childId: string, mail: GuardianMail) {
  const guardians = await tx.guardianship.findMany({ where: { childId, schoolId, endedAt: null }, select: { user: { select: { email: true, firstName: true, locale: true } } } });
  for (const { user } of guardians) {
    const t = await translatorFor(user.locale, mail.namespace);
    const v = { name: user.firstName, ...mail.values(user.locale) };
    await enqueueMail(tx, { to: user.email, schoolId, kind: mail.kind, subject: t('subject', v), text: t('body', v), icsFile: mail.ics?.(t('calendarTitle', v)) ?? null });
  }
}
