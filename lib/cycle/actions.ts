'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { AppError, type ActionResult, toActionError } from '@/lib/errors';
import { stageFromForm, stageSchema } from './schemas';
import { addStage, removeStage, updateStage } from './service';

const stageId = z.string().min(1).max(40);

function invalid(error: z.ZodError): ActionResult {
  return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
}

export async function updateStageAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const id = stageId.safeParse(formData.get('stageId'));
  if (!id.success) return { ok: false, error: 'NOT_FOUND' };
  const parsed = stageSchema.safeParse(stageFromForm(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await updateStage(actor, id.data, parsed.data);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/directie/cyclus');
  return { ok: true };
}

export async function addStageAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = stageSchema.safeParse(stageFromForm(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await addStage(actor, parsed.data);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/directie/cyclus');
  return { ok: true };
}

export async function removeStageAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const id = stageId.safeParse(formData.get('stageId'));
  if (!id.success) return { ok: false, error: 'NOT_FOUND' };
  try {
    await removeStage(actor, id.data);
  } catch (e) {
    // The one conflict here is a stage that has rounds or meetings: say that, not "reload".
    if (e instanceof AppError && e.code === 'CONFLICT') return { ok: false, error: 'CONFLICT', fieldErrors: { stage: ['inUse'] } };
    return toActionError(e);
  }
  revalidatePath('/directie/cyclus');
  return { ok: true };
}
