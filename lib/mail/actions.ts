'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { kickMailDelivery } from './outbox';
import { retryMail } from './undeliverable';

const retrySchema = z.object({ id: z.string().min(1).max(40) });

export async function retryMailAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = retrySchema.safeParse({ id: formData.get('id') });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    await retryMail(actor, parsed.data.id);
  } catch (e) {
    return toActionError(e);
  }
  kickMailDelivery();
  revalidatePath('/directie/mail');
  revalidatePath('/directie');
  return { ok: true };
}
