'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { attendanceSchema, createEventSchema } from './schemas';
import { createGroupEvent, recordAttendance } from './service';

export async function createEventAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = createEventSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await createGroupEvent(actor, parsed.data);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/gesprekken');
  return { ok: true };
}

export async function attendanceSheetAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const parsed = attendanceSchema.safeParse({ eventId: formData.get('eventId'), present: formData.getAll('present').map(String) });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  try {
    await recordAttendance(actor, parsed.data.eventId, parsed.data.present);
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath('/gesprekken');
  return { ok: true };
}
