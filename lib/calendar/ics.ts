import { createEvent, type EventAttributes } from 'ics';

/**
 * A talk as the calendars see it. `uid` is its identity (Booking.calendarUid, `<id>@ouderportaal`
 * for moments): every later message about the talk carries the same uid, and `sequence` says which
 * is newer, so a calendar updates or removes the one event instead of adding a second.
 */
export type CalendarTalk = { uid: string; title: string; description?: string; location: string | null; startsAt: Date; endsAt: Date; sequence?: number };

/** REQUEST puts the talk in the calendar or updates it (higher SEQUENCE); CANCEL takes it out (RFC 5546). */
export type IcsMethod = 'REQUEST' | 'CANCEL';

const parts = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [number, number, number, number, number];

/** A talk as an ics event (RFC 5545, times in UTC so every calendar shows local time right); the mail attachment and the feed share it. */
export function talkEvent(talk: CalendarTalk): EventAttributes {
  return {
    uid: talk.uid,
    sequence: talk.sequence ?? 0,
    title: talk.title,
    ...(talk.description !== undefined ? { description: talk.description } : {}),
    location: talk.location ?? undefined,
    start: parts(talk.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: parts(talk.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
  };
}

/** The mailbox the school's mail comes from: the ORGANIZER that REQUEST and CANCEL need (RFC 5546). */
function organizer() {
  const from = process.env.MAIL_FROM ?? 'Ouderportaal <noreply@localhost>';
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1] || 'Ouderportaal', email: m[2] } : { name: 'Ouderportaal', email: from.trim() };
}

/**
 * One talk as an .ics file for a mail: REQUEST (a new talk, or its new time with a higher sequence)
 * or CANCEL (same uid, STATUS:CANCELLED). `to` is the guardian it is mailed to (the ATTENDEE).
 */
export function talkToIcs(talk: CalendarTalk, method: IcsMethod = 'REQUEST', to?: { email: string; name?: string }): string {
  const { error, value } = createEvent({
    ...talkEvent(talk),
    productId: 'ouderportaal',
    method,
    status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: organizer(),
    // RSVP false: the school asks no answer; the attendee line only tells the calendar whose copy it is.
    ...(to ? { attendees: [{ email: to.email, name: to.name, rsvp: false, partstat: 'ACCEPTED', role: 'REQ-PARTICIPANT' }] } : {}),
  });
  if (error || !value) throw error ?? new Error('ics');
  return value;
}

/** The METHOD an .ics file carries, for the mail's `Content-Type: text/calendar; method=…` (PUBLISH when it has none). */
export function icsMethodOf(ics: string): string {
  return /^METHOD:([A-Z-]+)\r?$/m.exec(ics)?.[1] ?? 'PUBLISH';
}
