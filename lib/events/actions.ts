'use server';

import { formAction } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { attendanceSchema, createEventSchema } from './schemas';
import { createGroupEvent, recordAttendance } from './service';

export const createEventAction = formAction({
  roles: ROLES.staff,
  schema: createEventSchema,
  fields: (form) => Object.fromEntries(form),
  run: async (actor, input) => {
    await createGroupEvent(actor, input);
    return undefined;
  },
  revalidate: () => '/gesprekken',
});

export const attendanceSheetAction = formAction({
  roles: ROLES.staff,
  schema: attendanceSchema,
  fields: (form) => ({ eventId: form.get('eventId'), present: form.getAll('present').map(String) }),
  run: async (actor, { eventId, present }) => {
    await recordAttendance(actor, eventId, present);
    return undefined;
  },
  revalidate: () => '/gesprekken',
});
