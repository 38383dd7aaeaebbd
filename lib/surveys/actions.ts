'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { addSurveyAction, evaluateSurveyAction, publishSummary, remindSurvey } from './feedback';
import { actionSchema, answersSchema, createSurveySchema, editQuestionsSchema, evaluationSchema, summarySchema } from './schemas';
import { createSurvey, saveSurveyDraft, submitSurvey, updateSurveyQuestions } from './service';

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

export async function addActionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const surveyId = String(formData.get('surveyId') ?? '');
  const parsed = actionSchema.safeParse({ ...Object.fromEntries(formData), questionId: formData.get('questionId') || undefined });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await addSurveyAction(actor, surveyId, parsed.data);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath(`/directie/enquetes/${surveyId}`);
  return { ok: true };
}

export async function evaluateActionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = evaluationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await evaluateSurveyAction(actor, String(formData.get('actionId') ?? ''), parsed.data);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath(`/directie/enquetes/${String(formData.get('surveyId') ?? '')}`);
  return { ok: true };
}

export async function publishSummaryAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = summarySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await publishSummary(actor, parsed.data.surveyId, parsed.data.summary);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/ouder');
  return { ok: true };
}

export async function remindSurveyAction(_prev: ActionResult<{ sent: number }> | null, formData: FormData): Promise<ActionResult<{ sent: number }>> {
  const actor = await requireRole('DIRECTOR');
  try {
    return { ok: true, data: { sent: await remindSurvey(actor, String(formData.get('surveyId') ?? '')) } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function editQuestionsAction(input: unknown): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = editQuestionsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await updateSurveyQuestions(actor, parsed.data.surveyId, parsed.data.questions);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath(`/directie/enquetes/${parsed.data.surveyId}`);
  return { ok: true };
}
