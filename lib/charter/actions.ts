'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { charterDraftSchema } from './schemas';
import { acknowledgeCharter, remindCharter, saveCharterDraft } from './service';

/** The draft form posts sections as repeated fields, in order. */
export async function saveCharterAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const titles = formData.getAll('sectionTitle').map(String);
  const parents = formData.getAll('parents').map(String);
  const school = formData.getAll('school').map(String);
  const parsed = charterDraftSchema.safeParse({
    title: formData.get('title'),
    intro: formData.get('intro') ?? '',
    sections: titles.map((title, i) => ({ title, parentsMayExpect: parents[i] ?? '', schoolMayExpect: school[i] ?? '' })),
  });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const publish = formData.get('intent') === 'publish';
  try {
    await saveCharterDraft(actor, parsed.data, publish);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/directie/afspraken');
  return { ok: true };
}

export async function acknowledgeCharterAction(formData: FormData) {
  const actor = await requireRole('GUARDIAN');
  const parsed = z.object({ versionId: z.string().min(1).max(40) }).safeParse({ versionId: formData.get('versionId') });
  if (parsed.success) await acknowledgeCharter(actor, parsed.data.versionId).catch(() => undefined);
  revalidatePath('/ouder');
  redirect('/ouder');
}

export async function remindCharterAction(_prev: ActionResult<{ sent: number }> | null, formData: FormData): Promise<ActionResult<{ sent: number }>> {
  const actor = await requireRole('DIRECTOR');
  const parsed = z.object({ groupId: z.string().min(1).max(40) }).safeParse({ groupId: formData.get('groupId') });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    return { ok: true, data: { sent: await remindCharter(actor, parsed.data.groupId) } };
  } catch (e) {
    return toActionError(e);
  }
}
