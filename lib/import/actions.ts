'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { idSchema } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { toActionError } from '@/lib/errors';
import { applyImport, previewImport } from './apply';
import { decodeCsvBytes } from './csv';
import type { ImportPlan } from './plan';
import { MAX_FILE_BYTES } from './schemas';

/** What the page shows; the row lists and ids that apply() needs stay on the server. */
type Summary = Pick<ImportPlan, 'rejected' | 'counts' | 'changes' | 'rollover'> & {
  losing: { guardian: string; child: string }[];
  leaving: string[];
  unassigned: { teacher: string; group: string }[];
};
type Files = { pupils: string; staff: string; mode: 'add' | 'sync'; year: string };

export type ImportState =
  | null
  | { ok: true; stage: 'preview'; plan: Summary; files: Files }
  | { ok: true; stage: 'done'; plan: Summary }
  | { ok: false; error: string; plan?: Summary; files?: Files };

const fileText = z
  .union([z.instanceof(File), z.string(), z.null()])
  .transform(async (v) => (v instanceof File ? (v.size > MAX_FILE_BYTES ? null : decodeCsvBytes(await v.arrayBuffer())) : (v ?? '')))
  .refine((v): v is string => v !== null, 'fileTooLarge');

const input = z
  .object({ pupils: fileText, staff: fileText, intent: z.enum(['preview', 'confirm']), mode: z.enum(['add', 'sync']), year: idSchema.optional() })
  .refine((v) => v.pupils.trim() || v.staff.trim(), { message: 'noFiles', path: ['pupils'] });

const summary = ({ rejected, counts, changes, rollover, losing, leaving, unassigned }: ImportPlan): Summary => ({
  rejected,
  counts,
  changes,
  rollover,
  losing: losing.map(({ guardian, child }) => ({ guardian, child })),
  leaving: leaving.map((c) => c.child),
  unassigned: unassigned.map(({ teacher, group }) => ({ teacher, group })),
});

/**
 * One action for both steps. Not on the action wrapper: its state is the preview (the plan and the
 * files handed back to the form), not a plain result. Preview writes nothing and hands the file contents back to the form; confirm re-reads them, re-plans inside one transaction and writes everything or nothing.
 */
export async function importAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await requireRole(...ROLES.director);
  const parsed = await input.safeParseAsync({
    pupils: formData.get('pupilsText') ?? formData.get('pupils'),
    staff: formData.get('staffText') ?? formData.get('staff'),
    intent: formData.get('intent'),
    mode: formData.get('mode') ?? 'add',
    year: formData.get('year') || undefined,
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message === 'fileTooLarge' ? 'fileTooLarge' : 'noFiles' };
  const files = { pupils: parsed.data.pupils, staff: parsed.data.staff };
  const options = { sync: parsed.data.mode === 'sync', yearId: parsed.data.year };
  const echo = { ...files, mode: parsed.data.mode, year: parsed.data.year ?? '' };
  try {
    if (parsed.data.intent === 'preview') return { ok: true, stage: 'preview', plan: summary(await previewImport(actor, files, options)), files: echo };
    const plan = await applyImport(actor, files, options);
    revalidatePath('/directie');
    return { ok: true, stage: 'done', plan: summary(plan) };
  } catch (e) {
    const err = toActionError(e);
    if (err.error === 'INVALID_INPUT') return { ok: false, error: 'rowsRejected', plan: summary(await previewImport(actor, files, options)), files: echo };
    return err;
  }
}
