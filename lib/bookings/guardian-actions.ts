'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { renewCalendarToken } from './calendar';
import { savePreferences } from './fair';
import { holdSlot } from './holds';
import { preferencesSchema } from './schemas';
import { joinWaitlist, leaveWaitlist } from './waitlist';

const input = z.object({ roundId: z.string().min(1).max(40), childId: z.string().min(1).max(40) });

export async function joinWaitlistAction(raw: unknown): Promise<ActionResult> {
  const actor = await requireRole('GUARDIAN');
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    await joinWaitlist(actor, parsed.data.roundId, parsed.data.childId);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath(`/ouder/gesprekken/${parsed.data.roundId}`);
  return { ok: true };
}

export async function leaveWaitlistAction(raw: unknown): Promise<ActionResult> {
  const actor = await requireRole('GUARDIAN');
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    await leaveWaitlist(actor, parsed.data.roundId, parsed.data.childId);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath(`/ouder/gesprekken/${parsed.data.roundId}`);
  return { ok: true };
}

/** Any signed-in user: make (or replace, revoking the old one) their personal calendar link. */
export async function renewCalendarAction() {
  const actor = await requireRole();
  await renewCalendarToken(actor.userId);
  revalidatePath('/agenda');
}

export async function savePreferencesAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('GUARDIAN');
  const parsed = preferencesSchema.safeParse({ roundId: formData.get('roundId'), childIds: formData.getAll('childIds').map(String), blockIds: formData.getAll('blockIds').map(String) });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await savePreferences(actor, parsed.data.roundId, parsed.data.childIds, parsed.data.blockIds);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath(`/ouder/gesprekken/${parsed.data.roundId}`);
  return { ok: true };
}

export async function holdSlotAction(raw: unknown): Promise<ActionResult<{ expiresAt: Date }>> {
  const actor = await requireRole('GUARDIAN');
  const parsed = z.object({ slotId: z.string().min(1).max(40) }).safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    return { ok: true, data: { expiresAt: (await holdSlot(actor, parsed.data.slotId)).expiresAt } };
  } catch (e) {
    return toActionError(e);
  }
}
