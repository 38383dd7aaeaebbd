'use server';

import { formAction, formFields } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { COMPLAINT_SETTINGS_FIELDS, complaintSettingsSchema } from './schemas';
import { saveComplaintSettings } from './service';

export const saveComplaintSettingsAction = formAction({
  roles: ROLES.director,
  schema: complaintSettingsSchema,
  fields: (form) => formFields(form, COMPLAINT_SETTINGS_FIELDS),
  run: (actor, input) => saveComplaintSettings(actor, input),
  revalidate: () => '/directie/communicatie',
});
