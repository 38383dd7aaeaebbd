import 'server-only';
import { toldOfTalk } from '@/lib/access/bookings';
import { prisma } from '@/lib/db';
import { fullName } from '@/lib/format/name';
import { formatTalkTime } from '@/lib/format/time';
import { translatorFor } from '@/lib/i18n/translator';
import { enqueueMail } from '@/lib/mail/outbox';

export const REMINDER_HOURS_BEFORE = 24;

/**
 * The reminder the day before: every talk starting within the next 24 hours that has not had one.
 * Each booking is claimed with a conditional update, so two workers never remind twice.
 */
export async function sendDueReminders(now = new Date(), scope: { schoolId?: string } = {}) {
  // The job runs for every school; a scope keeps a caller (a test) to its own school's bookings.
  const due = await prisma.booking.findMany({
    where: { ...(scope.schoolId ? { schoolId: scope.schoolId } : {}), remindedAt: null, claims: { some: { slot: { startsAt: { gt: now, lte: new Date(+now + REMINDER_HOURS_BEFORE * 3_600_000) } } } } },
    select: { id: true },
    take: 200,
  });
  let sent = 0;
  for (const { id } of due) {
    await prisma.$transaction(async (tx) => {
      const claimed = await tx.booking.updateMany({ where: { id, remindedAt: null }, data: { remindedAt: now } });
      if (claimed.count !== 1) return;
      const b = await tx.booking.findUniqueOrThrow({
        where: { id },
        select: {
          schoolId: true,
          childId: true,
          householdKey: true,
          round: { select: { stage: { select: { name: true } } } },
          child: { select: { firstName: true, prefix: true, lastName: true, guardianships: { where: { endedAt: null }, select: { childId: true, right: true, householdId: true, user: { select: { email: true, firstName: true, locale: true } } } } } },
          claims: { select: { slot: { select: { startsAt: true, location: true } } } },
        },
      });
      const slot = b.claims.map((c) => c.slot).sort((x, y) => +x.startsAt - +y.startsAt)[0];
      // Of a household's own talk, only that household is reminded.
      for (const { user } of toldOfTalk(b.child.guardianships, b.childId, b.householdKey)) {
        const t = await translatorFor(user.locale, 'mail.talkReminder');
        const values = { name: user.firstName, child: fullName(b.child), stage: b.round.stage.name, when: formatTalkTime(slot.startsAt, user.locale), location: slot.location ?? '–' };
        await enqueueMail(tx, { to: user.email, schoolId: b.schoolId, kind: 'talk_reminder', subject: t('subject', values), text: t('body', values) });
        sent++;
      }
    });
  }
  return sent;
}
