'use server';

import { formAction } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { complaintSettingsFields, complaintSettingsSchema } from './schemas';
import { saveComplaintSettings } from './service';

export const saveComplaintSettingsAction = formAction({
  roles: ROLES.director,
  schema: complaintSettingsSchema,
  fields: complaintSettingsFields,
  run: (actor, input) => saveComplaintSettings(actor, input),
  revalidate: () => '/directie/communicatie',
});
