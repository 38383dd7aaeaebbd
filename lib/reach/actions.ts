'use server';

import { formAction } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { reachMessageSchema } from './schemas';
import { sendPersonalMessage } from './service';

export const sendReachMessageAction = formAction({
  roles: ROLES.director,
  schema: reachMessageSchema,
  fields: (form) => ({
    householdIds: form.getAll('householdIds').filter((v) => typeof v === 'string' && v !== ''),
    subject: form.get('subject') ?? undefined,
    body: form.get('body') ?? undefined,
  }),
  run: (actor, input) => sendPersonalMessage(actor, input),
  revalidate: () => ['/berichten', '/directie/bereik'],
});
