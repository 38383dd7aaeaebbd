'use server';

import { z } from 'zod';
import { formAction, idSchema } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { endGuardianshipSchema, familySettingsSchema, groupTeachersSchema, inviteSchema, memberSchema } from './schemas';
import { deactivateStaff, endGuardianship, inviteStaff, resetSignIn, setFamilySettings, setGroupTeachers } from './service';

const baseUrl = () => process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const TEAM = '/directie/team';

// Refusals of one field (FieldError in ./service.ts) carry their field, so the wrapper answers them
// like a schema's field message.

export const inviteStaffAction = formAction({
  roles: ROLES.director,
  schema: inviteSchema,
  fields: (form) => Object.fromEntries(form),
  run: async (actor, input) => {
    await inviteStaff(actor, input, baseUrl());
    return undefined;
  },
  revalidate: () => TEAM,
});

export const deactivateStaffAction = formAction({
  roles: ROLES.director,
  schema: memberSchema,
  fields: (form) => Object.fromEntries(form),
  run: async (actor, { membershipId }) => {
    await deactivateStaff(actor, membershipId);
    return undefined;
  },
  revalidate: () => TEAM,
});

export const resetSignInAction = formAction({
  roles: ROLES.director,
  schema: memberSchema,
  fields: (form) => Object.fromEntries(form),
  run: async (actor, { membershipId }) => {
    await resetSignIn(actor, membershipId);
    return undefined;
  },
  revalidate: () => TEAM,
});

export const groupTeachersAction = formAction({
  roles: ROLES.director,
  schema: groupTeachersSchema,
  fields: (form) => ({ groupId: form.get('groupId'), userIds: form.getAll('userIds') }),
  run: async (actor, { groupId, userIds }) => {
    await setGroupTeachers(actor, groupId, userIds);
    return undefined;
  },
  revalidate: () => TEAM,
});

/** From the child's page (childId given) or the team page. */
export const endGuardianshipAction = formAction({
  roles: ROLES.director,
  schema: endGuardianshipSchema.and(z.object({ childId: idSchema.optional() })),
  fields: (form) => ({ ...Object.fromEntries(form), childId: form.get('childId') || undefined }),
  run: async (actor, input) => {
    await endGuardianship(actor, input);
    return undefined;
  },
  revalidate: ({ childId }) => (childId ? `/kind/${childId}` : TEAM),
});

export const familySettingsAction = formAction({
  roles: ROLES.director,
  schema: familySettingsSchema,
  fields: (form) => ({ shareGuardianContacts: form.get('shareGuardianContacts') ?? undefined }),
  run: async (actor, input) => {
    await setFamilySettings(actor, input);
    return undefined;
  },
  revalidate: () => TEAM,
});
