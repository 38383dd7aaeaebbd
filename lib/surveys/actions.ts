'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { answersSchema, createSurveySchema } from './schemas';
import { createSurvey, saveSurveyDraft, submitSurvey } from './service';

export async function createSurveyAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = createSurveySchema.safeParse({
    templateKey: formData.get('templateKey'),
    title: formData.get('title') || undefined,
    audiences: formData.getAll('audiences').map(String),
    groupIds: formData.getAll('groupIds').map(String),
    anonymous: formData.get('anonymous') === 'on',
    opensAt: formData.get('opensAt'),
    closesAt: formData.get('closesAt'),
  });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await createSurvey(actor, parsed.data);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/directie/enquetes');
  return { ok: true };
}

export async function saveSurveyDraftAction(input: unknown): Promise<ActionResult> {
  const actor = await requireRole();
  const parsed = answersSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    await saveSurveyDraft(actor, parsed.data.surveyId, parsed.data.answers);
    return { ok: true };
  } catch (e) {
    return toActionError(e);
  }
}

export async function submitSurveyAction(input: unknown): Promise<ActionResult<{ missing: string[] }>> {
  const actor = await requireRole();
  const parsed = answersSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    const res = await submitSurvey(actor, parsed.data.surveyId, parsed.data.answers);
    if (!res.ok) return { ok: false, error: 'INVALID_INPUT', fieldErrors: Object.fromEntries(res.missing.map((id) => [id, ['required']])) };
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/enquetes');
  return { ok: true };
}
