'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { setCareCoordinator } from './care';

const careSchema = z.object({ membershipId: z.string().min(1).max(40), on: z.enum(['true', 'false']).transform((v) => v === 'true') });

export async function careCoordinatorAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = careSchema.safeParse({ membershipId: formData.get('membershipId'), on: formData.get('on') });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    await setCareCoordinator(actor, parsed.data.membershipId, parsed.data.on);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/directie');
  return { ok: true };
}
