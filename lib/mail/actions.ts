'use server';

import { z } from 'zod';
import { formAction, idSchema } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { kickMailDelivery } from './outbox';
import { retryMail } from './undeliverable';

export const retryMailAction = formAction({
  roles: ROLES.director,
  schema: z.object({ id: idSchema }),
  fields: (form) => ({ id: form.get('id') }),
  run: async (actor, { id }) => {
    await retryMail(actor, id);
    kickMailDelivery();
    return undefined;
  },
  revalidate: () => ['/directie/mail', '/directie'],
});
