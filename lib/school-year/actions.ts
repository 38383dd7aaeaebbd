'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { addHolidaySchema, createYearSchema, removeHolidaySchema, updateHolidaySchema } from './schemas';
import { addHoliday, createSchoolYear, removeHoliday, updateHoliday } from './service';

const PATH = '/directie/schooljaar';

export async function createSchoolYearAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = createYearSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  let yearId: string;
  try {
    yearId = (await createSchoolYear(actor, parsed.data)).year.id;
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath(PATH);
  redirect(`${PATH}/${yearId}`);
}

async function holidayChange(run: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await run();
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath(PATH, 'layout');
  return { ok: true };
}

export async function addHolidayAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = addHolidaySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  return holidayChange(() => addHoliday(actor, parsed.data));
}

export async function updateHolidayAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = updateHolidaySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  return holidayChange(() => updateHoliday(actor, parsed.data));
}

export async function removeHolidayAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('DIRECTOR');
  const parsed = removeHolidaySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT' };
  return holidayChange(() => removeHoliday(actor, parsed.data.holidayId));
}
