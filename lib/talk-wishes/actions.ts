'use server';

import { formAction, formFields } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { wishSchema } from '@/lib/bookings/schemas';
import { setTalkWish } from './service';

/** The teacher marks one pupil on the round page; who may is the service's question (policy.ts talkWish.write). */
export const setTalkWishAction = formAction({
  roles: ROLES.staff,
  schema: wishSchema,
  fields: (form) => ({ ...formFields(form, ['roundId', 'childId', 'kind', 'note']), doubleSlot: form.get('doubleSlot') === 'on' }),
  run: async (actor, input) => {
    await setTalkWish(actor, input);
    return undefined;
  },
  revalidate: (input) => `/gesprekken/${input.roundId}`,
});
