import 'server-only';
import type { NotifyKind } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import { zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { translatorFor } from '@/lib/i18n/translator';
import { enqueueMail, kickMailDelivery } from '@/lib/mail/outbox';
import { addDaysToKey } from '@/lib/school/holidays-nl';
import { portalUrl } from './url';

// The daily digest: whoever chose "one daily summary" for a kind (lib/notify/notify.ts leaves a
// DigestItem instead of a mail) gets ONE mail a day listing what came in before the digest moment,
// late afternoon on the school's clock, after the school day. Each item is sent once: the items are
// marked sent in the same transaction that queues the mail, so a second run, or a second server
// process running the job at the same moment, sends nothing more.

/** The digest moment on the school's wall clock. */
export const DIGEST_TIME = '17:00';

/** The latest digest moment at or before `now`: today's once it has passed, else yesterday's. */
export function lastDigestMoment(now: Date, timeZone: string) {
  const today = zonedDateKey(now, timeZone);
  const moment = zonedToUtc(`${today}T${DIGEST_TIME}`, timeZone);
  return moment <= now ? moment : zonedToUtc(`${addDaysToKey(today, -1)}T${DIGEST_TIME}`, timeZone);
}

const KIND_ORDER: NotifyKind[] = ['ANNOUNCEMENT', 'MESSAGE'];

/** Send the digests that are due; returns how many mails were queued. The job runs for every school; a scope keeps a caller (a test) to one. */
export async function sendDigests(scope: { schoolId?: string } = {}, now = new Date()) {
  const schools = await prisma.school.findMany({
    where: { ...(scope.schoolId ? { id: scope.schoolId } : {}), digestItems: { some: { sentAt: null } } },
    select: { id: true, timeZone: true },
  });
  let sent = 0;
  for (const school of schools) {
    const before = lastDigestMoment(now, school.timeZone);
    const users = await prisma.digestItem.findMany({ where: { schoolId: school.id, sentAt: null, createdAt: { lt: before } }, distinct: ['userId'], select: { userId: true } });
    for (const { userId } of users) {
      const queued = await prisma.$transaction(async (tx) => {
        // Claim and read in one statement: a concurrent run blocks on these rows and then finds them sent.
        const claimed = await tx.$queryRaw<{ title: string; path: string; kind: NotifyKind; createdAt: Date }[]>`
          UPDATE "DigestItem" SET "sentAt" = ${now}
          WHERE "schoolId" = ${school.id} AND "userId" = ${userId} AND "sentAt" IS NULL AND "createdAt" < ${before}
          RETURNING title, path, kind::text AS kind, "createdAt"`;
        if (!claimed.length) return false;
        const items = claimed.sort((a, b) => +a.createdAt - +b.createdAt);
        const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, locale: true } });
        const t = await translatorFor(user.locale, 'mail.digest');
        const sections = KIND_ORDER.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) }))
          .filter((s) => s.items.length)
          .map((s) => `${t(`kinds.${s.kind}`)}\n${s.items.map((i) => `- ${i.title}\n  ${portalUrl(i.path)}`).join('\n')}`);
        const values = { name: user.firstName, count: items.length };
        await enqueueMail(tx, { to: user.email, schoolId: school.id, kind: 'digest', subject: t('subject', values), text: `${t('intro', values)}\n\n${sections.join('\n\n')}\n\n${t('outro', values)}` });
        return true;
      });
      if (queued) sent++;
    }
  }
  if (sent) kickMailDelivery();
  return sent;
}
