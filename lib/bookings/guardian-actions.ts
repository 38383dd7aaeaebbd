'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction, idSchema, inputAction } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { renewCalendarToken } from './calendar';
import { savePreferences } from './fair';
import { holdSlot } from './holds';
import { preferencesSchema } from './schemas';
import { joinWaitlist, leaveWaitlist } from './waitlist';

const waitlistInput = z.object({ roundId: idSchema, childId: idSchema });
const roundPage = (i: { roundId: string }) => `/ouder/gesprekken/${i.roundId}`;

export const joinWaitlistAction = inputAction({
  roles: ROLES.guardian,
  schema: waitlistInput,
  run: (actor, i) => joinWaitlist(actor, i.roundId, i.childId),
  revalidate: roundPage,
});

export const leaveWaitlistAction = inputAction({
  roles: ROLES.guardian,
  schema: waitlistInput,
  run: (actor, i) => leaveWaitlist(actor, i.roundId, i.childId),
  revalidate: roundPage,
});

/** Any signed-in user: make (or replace, revoking the old one) their personal calendar link. A plain form action: the page reloads with the new link. */
export async function renewCalendarAction() {
  const actor = await requireRole(...ROLES.anyone);
  await renewCalendarToken(actor.userId);
  revalidatePath('/agenda');
}

export const savePreferencesAction = formAction({
  roles: ROLES.guardian,
  schema: preferencesSchema,
  fields: (form) => ({ roundId: form.get('roundId'), childIds: form.getAll('childIds').map(String), blockIds: form.getAll('blockIds').map(String) }),
  run: (actor, i) => savePreferences(actor, i.roundId, i.childIds, i.blockIds),
  revalidate: roundPage,
});

export const holdSlotAction = inputAction({
  roles: ROLES.guardian,
  schema: z.object({ slotId: idSchema }),
  run: async (actor, i) => ({ expiresAt: (await holdSlot(actor, i.slotId)).expiresAt }),
});
