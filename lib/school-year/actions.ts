'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { type ActionResult, toActionError } from '@/lib/errors';
import { addHolidaySchema, createYearSchema, removeHolidaySchema, updateHolidaySchema } from './schemas';
import { addHoliday, createSchoolYear, removeHoliday, updateHoliday } from './service';

const PATH = '/directie/schooljaar';

// Success goes on to the new year's page: a redirect, which must not pass through the wrapper's
// error handling (Next throws it), so this one action is written out.
export async function createSchoolYearAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole(...ROLES.director);
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

// The year's page and its holiday list share the layout.
const refresh = (): [string, 'layout'][] => [[PATH, 'layout']];

export const addHolidayAction = formAction({
  roles: ROLES.director,
  schema: addHolidaySchema,
  fields: (form) => Object.fromEntries(form),
  run: async (actor, input) => {
    await addHoliday(actor, input);
    return undefined;
  },
  revalidate: refresh,
});

export const updateHolidayAction = formAction({
  roles: ROLES.director,
  schema: updateHolidaySchema,
  fields: (form) => Object.fromEntries(form),
  run: async (actor, input) => {
    await updateHoliday(actor, input);
    return undefined;
  },
  revalidate: refresh,
});

export const removeHolidayAction = formAction({
  roles: ROLES.director,
  schema: removeHolidaySchema,
  fields: (form) => Object.fromEntries(form),
  run: async (actor, { holidayId }) => {
    await removeHoliday(actor, holidayId);
    return undefined;
  },
  revalidate: refresh,
});
