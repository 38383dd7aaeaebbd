import 'server-only';
import { type IcsMethod, talkToIcs } from '@/lib/calendar/ics';
import { formatTalkTime } from '@/lib/format/time';
import { translatorFor } from '@/lib/i18n/translator';

// A talk's confirmation, move and cancellation mail. It lives with the mail, not the bookings: the
// outbox worker renders stored booking confirmations (./templates.ts), and lib/mail depends on no feature.
// Every one carries the talk as .ics with the same UID: REQUEST puts it in the calendar or moves it
// (higher SEQUENCE), CANCEL takes it out, so a calendar that reads them in order holds the one right event.

export type TalkMailKind = 'booked' | 'moved' | 'cancelled';

export type TalkMail = {
  to: { email: string; firstName: string; locale: string };
  schoolId: string;
  child: string;
  stage: string;
  bookingId: string;
  /** Booking.calendarUid; mails queued before it existed fall back to the uid their booking had then. */
  calendarUid?: string;
  /** Booking.calendarSequence as the talk now stands (a cancel sends one more). */
  sequence?: number;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  /** moved: the time the talk had before. */
  previousStartsAt?: Date;
  /** moved or cancelled by the school: why, told to the parents. */
  reason?: string;
};

const KIND: Record<TalkMailKind, { kind: string; method: IcsMethod }> = {
  booked: { kind: 'booking_confirmed', method: 'REQUEST' },
  moved: { kind: 'booking_moved', method: 'REQUEST' },
  cancelled: { kind: 'booking_cancelled', method: 'CANCEL' },
};

/** The talk's calendar message alone (for a caller that writes its own mail around it). */
export async function talkIcs(kind: TalkMailKind, m: TalkMail): Promise<string> {
  return (await renderTalkMail(kind, m)).icsFile;
}

/** The mail in the recipient's language, with the talk as .ics (REQUEST or CANCEL). */
export async function renderTalkMail(kind: TalkMailKind, m: TalkMail) {
  const t = await translatorFor(m.to.locale, `mail.${kind}`);
  const common = await translatorFor(m.to.locale, 'mail.talk');
  const values = {
    name: m.to.firstName,
    child: m.child,
    stage: m.stage,
    when: formatTalkTime(m.startsAt, m.to.locale),
    previous: m.previousStartsAt ? formatTalkTime(m.previousStartsAt, m.to.locale) : '–',
    location: m.location ?? '–',
    reason: m.reason ? common('reason', { reason: m.reason }) : '',
  };
  const { kind: mailKind, method } = KIND[kind];
  const sequence = (m.sequence ?? 0) + (kind === 'cancelled' ? 1 : 0);
  const title = t('calendarTitle', values);
  return {
    to: m.to.email,
    schoolId: m.schoolId,
    kind: mailKind,
    subject: t('subject', values),
    text: t('body', values),
    icsFile: talkToIcs(
      { uid: m.calendarUid ?? `${m.bookingId}@ouderportaal`, sequence, title, description: title, location: m.location, startsAt: m.startsAt, endsAt: m.endsAt },
      method,
      { email: m.to.email, name: m.to.firstName },
    ),
  };
}
