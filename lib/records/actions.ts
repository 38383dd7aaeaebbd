'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { createMoment, deleteMoment } from './moments';
import { savePreparation } from './preparation';
import { setChildLeft, setRetentionMonths } from './retention';
import { agreementResponseSchema, agreementStatusSchema, childNoteSchema, confirmSchema, guidanceEvaluationSchema, guidancePlanSchema, momentSchema, preparationSchema, recordSchema, retentionSchema } from './schemas';
import { addChildNote, confirmRecord, createGuidancePlan, evaluateGuidancePlan, publishRecord, respondToAgreement, saveRecord, setAgreementStatus } from './service';

/** Autosave and save: returns the record id so later saves update the same draft. */
export async function saveRecordAction(input: unknown): Promise<ActionResult<{ recordId: string }>> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = recordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    return { ok: true, data: { recordId: await saveRecord(actor, parsed.data) } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function publishRecordAction(input: unknown): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = z.object({ recordId: z.string().min(1).max(40), childId: z.string().min(1).max(40) }).safeParse(input);
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    await publishRecord(actor, parsed.data.recordId);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath(`/kind/${parsed.data.childId}`);
  return { ok: true };
}

async function onFile(childId: unknown, run: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await run();
  } catch (e) {
    return toActionError(e);
  }
  if (typeof childId === 'string' && /^[\w-]{1,40}$/.test(childId)) revalidatePath(`/kind/${childId}`, 'layout'); // the file and its sub-pages
  return { ok: true };
}

export async function agreementStatusAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = agreementStatusSchema.safeParse({ agreementId: formData.get('agreementId'), status: formData.get('status'), note: formData.get('note') || undefined });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  return onFile(formData.get('childId'), () => setAgreementStatus(actor, parsed.data.agreementId, parsed.data.status, parsed.data.note));
}

export async function agreementResponseAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('GUARDIAN');
  const parsed = agreementResponseSchema.safeParse({ agreementId: formData.get('agreementId'), kind: formData.get('kind'), note: formData.get('note') || undefined });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  return onFile(formData.get('childId'), () => respondToAgreement(actor, parsed.data.agreementId, parsed.data.kind, parsed.data.note));
}

export async function confirmRecordAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('GUARDIAN');
  const parsed = confirmSchema.safeParse({ recordId: formData.get('recordId'), response: formData.get('response') || undefined });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  return onFile(formData.get('childId'), () => confirmRecord(actor, parsed.data.recordId, parsed.data.response));
}

export async function addChildNoteAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('GUARDIAN');
  const parsed = childNoteSchema.safeParse({ childId: formData.get('childId'), text: formData.get('text'), visibleTo: formData.getAll('visibleTo').map(String) });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  return onFile(parsed.data.childId, () => addChildNote(actor, parsed.data.childId, parsed.data.text, parsed.data.visibleTo));
}

export async function createGuidancePlanAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = guidancePlanSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  return onFile(parsed.data.childId, () => createGuidancePlan(actor, parsed.data));
}

export async function evaluateGuidancePlanAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = guidanceEvaluationSchema.safeParse({ planId: formData.get('planId'), helped: formData.get('helped'), decision: formData.get('decision'), note: formData.get('note') || undefined });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  return onFile(formData.get('childId'), () => evaluateGuidancePlan(actor, parsed.data.planId, parsed.data.helped, parsed.data.decision, parsed.data.note));
}

export async function savePreparationAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('GUARDIAN');
  const pick = (prefix: string) => Object.fromEntries([...formData].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), String(v)]));
  const parsed = preparationSchema.safeParse({ roundId: formData.get('roundId'), childId: formData.get('childId'), answers: pick('answer:'), childAnswers: pick('child:') });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  return onFile(parsed.data.childId, () => savePreparation(actor, parsed.data));
}

export async function createMomentAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = momentSchema.safeParse({ ...Object.fromEntries(formData), location: formData.get('location') || undefined });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  return onFile(parsed.data.childId, () => createMoment(actor, parsed.data));
}

export async function deleteMomentAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = z.object({ momentId: z.string().min(1).max(40) }).safeParse({ momentId: formData.get('momentId') });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  return onFile(formData.get('childId'), () => deleteMoment(actor, parsed.data.momentId));
}

export async function setChildLeftAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = z.object({ childId: z.string().min(1).max(40), leftOn: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDateTime')]) }).safeParse({ childId: formData.get('childId'), leftOn: formData.get('leftOn') ?? '' });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { childId, leftOn } = parsed.data;
  return onFile(childId, () => setChildLeft(actor, childId, leftOn ? new Date(leftOn) : null));
}

export async function setRetentionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = retentionSchema.safeParse({ months: formData.get('months') });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await setRetentionMonths(actor, parsed.data.months);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/directie/bewaartermijn');
  return { ok: true };
}
