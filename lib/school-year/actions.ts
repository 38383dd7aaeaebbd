'use server';

import { formAction } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { addHolidaySchema, createYearSchema, removeHolidaySchema, updateHolidaySchema } from './schemas';
import { addHoliday, createSchoolYear, removeHoliday, updateHoliday } from './service';

const PATH = '/directie/schooljaar';

// Success goes on to the new year's page.
export const createSchoolYearAction = formAction({
  roles: ROLES.director,
  schema: createYearSchema,
  fields: (form) => Object.fromEntries(form),
  run: async (actor, input) => (await createSchoolYear(actor, input)).year.id,
  revalidate: () => PATH,
  redirectTo: (_, yearId) => `${PATH}/${yearId}`,
});

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
