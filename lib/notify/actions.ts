'use server';

import { formAction, formFields } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { saveNotificationPreferences } from './preferences';
import { preferencesSchema } from './schemas';

export const savePreferencesAction = formAction({
  roles: ROLES.anyone,
  schema: preferencesSchema,
  fields: (form) => formFields(form, ['MESSAGE', 'ANNOUNCEMENT']),
  run: async (actor, choices) => {
    await saveNotificationPreferences(actor, choices);
    return undefined;
  },
  revalidate: () => '/account',
});
