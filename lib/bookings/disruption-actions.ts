'use server';

import { formAction, formFields } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { cancelTeacherDay, moveRoundBlock } from './disruption';
import { cancelTeacherDaySchema, moveBlockSchema } from './disruption-schemas';

// When plans change, from the day view: staff only here, the service asks the policy about the group.

export const cancelTeacherDayAction = formAction({
  roles: ROLES.staff,
  schema: cancelTeacherDaySchema,
  // The day view offers one choice "group · teacher" (groupTeacher); groupId and teacherId also work alone.
  fields: (form) => {
    const [groupId, teacherId] = String(form.get('groupTeacher') ?? '').split(':');
    return { ...(groupId && teacherId ? { groupId, teacherId } : {}), ...formFields(form, ['groupId', 'teacherId', 'date', 'reason']) };
  },
  // The day view shows what was done (the DayCancellation row with its counts) after the refresh.
  run: (actor, input) => cancelTeacherDay(actor, input).then(() => undefined),
  revalidate: () => '/gesprekken/dag',
});

export const moveBlockAction = formAction({
  roles: ROLES.staff,
  schema: moveBlockSchema,
  fields: (form) => formFields(form, ['blockId', 'date', 'time']),
  run: (actor, input) => moveRoundBlock(actor, input).then(() => undefined),
  revalidate: () => '/gesprekken/dag',
});
