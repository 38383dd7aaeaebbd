import 'server-only';
import { talkToIcs } from '@/lib/calendar/ics';
import { formatTalkTime } from '@/lib/format/time';
import { translatorFor } from '@/lib/i18n/translator';

// A talk's confirmation and cancellation mail. It lives with the mail, not the bookings: the outbox
// worker renders stored booking confirmations (./templates.ts), and lib/mail depends on no feature.

export type TalkMail = {
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
export async function renderTalkMail(kind: 'booked' | 'cancelled', m: TalkMail) {
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
