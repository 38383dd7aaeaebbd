import 'server-only';
import type { Tx } from '@/lib/db';
import { formatTalkTime } from '@/lib/format/time';
import { translatorFor } from '@/lib/i18n/translator';
import { enqueueMail } from '@/lib/mail/outbox';
import { talkToIcs } from './ics';

type TalkMail = {
  to: { email: string; firstName: string; locale: string };
  schoolId: string;
  child: string;
  stage: string;
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
};

/** Confirmation (with the talk as .ics) or cancellation, in the recipient's language. */
export async function renderBookingMail(kind: 'booked' | 'cancelled', m: TalkMail) {
  const t = await translatorFor(m.to.locale, `mail.${kind}`);
  const values = { name: m.to.firstName, child: m.child, stage: m.stage, when: formatTalkTime(m.startsAt, m.to.locale), location: m.location ?? '–' };
  return {
    to: m.to.email,
    schoolId: m.schoolId,
    kind: kind === 'booked' ? 'booking_confirmed' : 'booking_cancelled',
    subject: t('subject', values),
    text: t('body', values),
    icsFile:
      kind === 'booked'
        ? talkToIcs({ uid: `${m.bookingId}@ouderportaal`, title: t('calendarTitle', values), description: t('calendarTitle', values), location: m.location, startsAt: m.startsAt, endsAt: m.endsAt })
        : null,
  };
}

/** The same, queued in the caller's transaction. */
export async function mailBooking(tx: Tx, kind: 'booked' | 'cancelled', m: TalkMail) {
  await enqueueMail(tx, await renderBookingMail(kind, m));
}
