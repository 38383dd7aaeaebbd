'use server';

import { z } from 'zod';
import { formAction, formFields, idSchema } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { setCareCoordinator } from './care';

const careSchema = z.object({ membershipId: idSchema, on: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const careCoordinatorAction = formAction({
  roles: ROLES.director,
  schema: careSchema,
  fields: (form) => formFields(form, ['membershipId', 'on']),
  run: async (actor, i) => {
    await setCareCoordinator(actor, i.membershipId, i.on);
    return undefined;
  },
  revalidate: () => '/directie',
});
