import 'server-only';
import { toldOfTalk } from '@/lib/access/bookings';
import type { Tx } from '@/lib/db';
import { fullName } from '@/lib/format/name';
import { enqueueMail } from '@/lib/mail/outbox';
import { renderTalkMail, type TalkMail, type TalkMailKind } from '@/lib/mail/talk';

// The rendering moved to lib/mail/talk.ts (the outbox worker needs it, and lib/mail must not import
// lib/bookings); re-exported under its old name.
export { renderTalkMail as renderBookingMail };

/** A talk's confirmation, move or cancellation, queued in the caller's transaction. */
export async function mailBooking(tx: Tx, kind: TalkMailKind, m: TalkMail) {
  await enqueueMail(tx, await renderTalkMail(kind, m));
}

/** What a talk mail needs of a booking (bookingForCancel in ./service.ts loads it). */
export type TalkOfBooking = {
  id: string;
  schoolId: string;
  childId: string;
  householdKey: string;
  calendarUid: string;
  calendarSequence: number;
  round: { stage: { name: string } };
  claims: { slot: { startsAt: Date; endsAt: Date; location: string | null } }[];
};

/** Whom the calendar message went to, and the .ics itself (for a caller that writes its own mail). */
export type CalendarMessage = { userId: string; email: string; icsFile: string };

export type TalkMailOptions = {
  /** moved: the time the talk had before. */
  previousStartsAt?: Date;
  /** Why the school cancels or moves it (a teacher fell ill, snow), told to the parents. */
  reason?: string;
  /** false: queue nothing, only return the calendar messages (the caller attaches them to its own mail). */
  mail?: boolean;
};

/**
 * Tells every guardian who was told of the talk (toldOfTalk: of a household's own talk only that
 * household) in their language, with the .ics: REQUEST for booked/moved, CANCEL for cancelled, the
 * booking's uid and sequence as `booking` holds them (a cancel sends sequence + 1).
 */
export async function mailTalk(tx: Tx, kind: TalkMailKind, booking: TalkOfBooking, opts: TalkMailOptions = {}): Promise<CalendarMessage[]> {
  const slots = booking.claims.map((c) => c.slot).sort((a, b) => +a.startsAt - +b.startsAt);
  if (!slots.length) return [];
  const child = await tx.child.findUniqueOrThrow({ where: { id: booking.childId }, select: { firstName: true, prefix: true, lastName: true } });
  const guardians = await tx.guardianship.findMany({
    where: { schoolId: booking.schoolId, childId: booking.childId, endedAt: null },
    orderBy: { userId: 'asc' },
    select: { childId: true, userId: true, right: true, householdId: true, user: { select: { email: true, firstName: true, locale: true } } },
  });
  const told = toldOfTalk(guardians, booking.childId, booking.householdKey);
  const out: CalendarMessage[] = [];
  for (const g of told) {
    const rendered = await renderTalkMail(kind, {
      to: g.user, schoolId: booking.schoolId, child: fullName(child), stage: booking.round.stage.name, bookingId: booking.id,
      calendarUid: booking.calendarUid, sequence: booking.calendarSequence,
      startsAt: slots[0].startsAt, endsAt: slots.at(-1)!.endsAt, location: slots[0].location,
      previousStartsAt: opts.previousStartsAt, reason: opts.reason,
    });
    if (opts.mail !== false) await enqueueMail(tx, rendered);
    out.push({ userId: g.userId, email: g.user.email, icsFile: rendered.icsFile });
  }
  return out;
}

/**
 * A booked talk's time changed in place (its slots moved, the booking kept its id: an evening that
 * moves): raises the booking's calendar sequence and sends every guardian told of it the move mail
 * with the .ics at the new time (same uid), so their calendar moves the one event. Call it in the
 * transaction that changed the slots, after the change.
 */
export async function talkTimeChanged(tx: Tx, bookingId: string, opts: TalkMailOptions & { previousStartsAt: Date }): Promise<CalendarMessage[]> {
  const booking = await tx.booking.update({
    where: { id: bookingId },
    data: { calendarSequence: { increment: 1 } },
    include: { round: { select: { stage: { select: { name: true } } } }, claims: { select: { slot: { select: { startsAt: true, endsAt: true, location: true } } } } },
  });
  return mailTalk(tx, 'moved', booking, opts);
}
