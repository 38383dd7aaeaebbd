'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { type BookOutcome, bookOrSuggest } from './book-or-suggest';
import { bookSchema, cancelSchema, moveSchema } from './schemas';
import { cancelBooking, moveBooking } from './service';

export type BookActionResult = BookOutcome | { ok: false; error: 'INVALID_INPUT' | 'UNEXPECTED' | string; alternatives?: undefined; fieldErrors?: Record<string, string[]> };

/** Parents book for their children; staff book on behalf of a family. */
export async function bookAction(input: unknown): Promise<BookActionResult> {
  const actor = await requireRole();
  const parsed = bookSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  let outcome: BookOutcome;
  try {
    outcome = await bookOrSuggest(actor, parsed.data);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/ouder');
  return outcome;
}

export async function cancelAction(input: unknown): Promise<ActionResult> {
  const actor = await requireRole();
  const parsed = cancelSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    await cancelBooking(actor, parsed.data.bookingId);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/ouder');
  return { ok: true };
}

export async function moveAction(input: unknown): Promise<ActionResult> {
  const actor = await requireRole();
  const parsed = moveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    await moveBooking(actor, parsed.data.bookingId, parsed.data.slotId);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/ouder');
  return { ok: true };
}
