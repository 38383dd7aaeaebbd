'use server';

import { revalidatePath } from 'next/cache';
import { inputAction, parseInput } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { toActionError } from '@/lib/errors';
import { type BookOutcome, bookOrSuggest } from './book-or-suggest';
import { bookSchema, cancelSchema, moveSchema } from './schemas';
import { cancelBooking, moveBooking } from './service';

export type BookActionResult = BookOutcome | { ok: false; error: 'INVALID_INPUT' | 'UNEXPECTED' | string; alternatives?: undefined; fieldErrors?: Record<string, string[]> };

/**
 * Parents book for their children; staff book on behalf of a family. Not inputAction: "just taken"
 * answers with the nearest free slots ({ ok: false, error, alternatives }) and a success with the
 * bookings ({ ok: true, bookings }), the shape BookingPanel and the JSON API share (BookOutcome).
 */
export async function bookAction(input: unknown): Promise<BookActionResult> {
  const actor = await requireRole(...ROLES.anyone);
  // parseInput: the same message keys as every other action ('required' for an empty list), never zod's English.
  const parsed = parseInput(bookSchema, input);
  if (!parsed.ok) return parsed;
  let outcome: BookOutcome;
  try {
    outcome = await bookOrSuggest(actor, parsed.data);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/ouder');
  return outcome;
}

// Who may cancel or move which talk is the service's question (lib/access/bookings.ts): anyone signed in may ask.
export const cancelAction = inputAction({
  roles: ROLES.anyone,
  schema: cancelSchema,
  run: (actor, { bookingId }) => cancelBooking(actor, bookingId).then(() => undefined),
  revalidate: () => '/ouder',
});

export const moveAction = inputAction({
  roles: ROLES.anyone,
  schema: moveSchema,
  run: (actor, { bookingId, slotId }) => moveBooking(actor, bookingId, slotId).then(() => undefined),
  revalidate: () => '/ouder',
});
