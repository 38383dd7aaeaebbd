import 'server-only';
import type { Tx } from '@/lib/db';
import { enqueueMail } from '@/lib/mail/outbox';
import { renderTalkMail, type TalkMail } from '@/lib/mail/talk';

// The rendering moved to lib/mail/talk.ts (the outbox worker needs it, and lib/mail must not import
// lib/bookings); re-exported under its old name.
export { renderTalkMail as renderBookingMail };

/** A talk's confirmation or cancellation, queued in the caller's transaction. */
export async function mailBooking(tx: Tx, kind: 'booked' | 'cancelled', m: TalkMail) {
  await enqueueMail(tx, await renderTalkMail(kind, m));
}
