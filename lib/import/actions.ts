'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { toActionError } from '@/lib/errors';
import { applyImport, previewImport } from './apply';
import { decodeCsvBytes } from './csv';
import type { ImportPlan } from './plan';
import { MAX_FILE_BYTES } from './schemas';

// What apply() needs but the preview does not show.
type PlanDetail = 'children' | 'people' | 'guardianships' | 'groups' | 'households' | 'teacherAssignments' | 'careCoordinators';

export type ImportState =
  | null
  | { ok: true; stage: 'preview'; plan: Omit<ImportPlan, PlanDetail>; files: { pupils: string; staff: string } }
  | { ok: true; stage: 'done'; plan: Omit<ImportPlan, PlanDetail> }
  | { ok: false; error: string; plan?: Omit<ImportPlan, PlanDetail>; files?: { pupils: string; staff: string } };

const fileText = z
  .union([z.instanceof(File), z.string(), z.null()])
  .transform(async (v) => (v instanceof File ? (v.size > MAX_FILE_BYTES ? null : decodeCsvBytes(await v.arrayBuffer())) : (v ?? '')))
  .refine((v): v is string => v !== null, 'fileTooLarge');

const input = z
  .object({ pupils: fileText, staff: fileText, intent: z.enum(['preview', 'confirm']) })
  .refine((v) => v.pupils.trim() || v.staff.trim(), { message: 'noFiles', path: ['pupils'] });

/** What the page shows: counts, changes and rejections; the row lists stay on the server. */
const summary = ({ rejected, counts, changes }: ImportPlan) => ({ rejected, counts, changes });

/**
 * One action for both steps. Preview writes nothing and hands the file contents back to the form;
 * confirm re-reads them, re-plans inside one transaction and writes everything or nothing.
 */
export async function importAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await requireRole('DIRECTOR');
  const parsed = await input.safeParseAsync({
    pupils: formData.get('pupilsText') ?? formData.get('pupils'),
    staff: formData.get('staffText') ?? formData.get('staff'),
    intent: formData.get('intent'),
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message === 'fileTooLarge' ? 'fileTooLarge' : 'noFiles' };
  const files = { pupils: parsed.data.pupils, staff: parsed.data.staff };
  try {
    if (parsed.data.intent === 'preview') return { ok: true, stage: 'preview', plan: summary(await previewImport(actor, files)), files };
    const plan = await applyImport(actor, files);
    revalidatePath('/directie');
    return { ok: true, stage: 'done', plan: summary(plan) };
  } catch (e) {
    const err = toActionError(e);
    if (err.error === 'INVALID_INPUT') return { ok: false, error: 'rowsRejected', plan: summary(await previewImport(actor, files)), files };
    return err;
  }
}
