'use server';

import { formAction } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { allocateActivity, createActivity, signUp, withdraw } from './activities';
import { appointClassParent, removeClassParent } from './class-parents';
import { activityIdSchema, activitySchema, classParentSchema, MAX_ROLES, roleIdSchema, signUpSchema, talentSchema } from './schemas';
import { saveTalents } from './talents';

// A role row left empty in the form (no name, no places) is not asked for.
function roleRows(form: FormData) {
  const rows = [];
  for (let i = 0; i < MAX_ROLES; i++) {
    const label = String(form.get(`roles.${i}.label`) ?? '').trim();
    const places = String(form.get(`roles.${i}.places`) ?? '').trim();
    if (!label && !places) continue;
    rows.push({ kind: form.get(`roles.${i}.kind`), label, places });
  }
  return rows;
}

export const createActivityAction = formAction({
  roles: ROLES.anyone,
  schema: activitySchema,
  fields: (form) => ({
    title: form.get('title'),
    description: form.get('description') ?? '',
    groupId: form.get('groupId') || null,
    startsAt: form.get('startsAt'),
    endsAt: form.get('endsAt'),
    signupDeadline: form.get('signupDeadline'),
    allocation: form.get('allocation'),
    roles: roleRows(form),
  }),
  run: async (actor, input) => ({ id: await createActivity(actor, input) }),
  revalidate: () => '/helpen',
  redirectTo: (_input, { id }) => `/helpen/${id}`,
});

export const signUpAction = formAction({
  roles: ROLES.guardian,
  schema: signUpSchema,
  fields: (form) => ({ roleId: form.get('roleId'), seats: form.get('seats') || undefined }),
  run: (actor, input) => signUp(actor, input),
  revalidate: () => [['/helpen', 'layout']],
});

export const withdrawAction = formAction({
  roles: ROLES.guardian,
  schema: roleIdSchema,
  fields: (form) => ({ roleId: form.get('roleId') }),
  run: async (actor, { roleId }) => {
    await withdraw(actor, roleId);
    return undefined;
  },
  revalidate: () => [['/helpen', 'layout']],
});

export const allocateActivityAction = formAction({
  roles: ROLES.anyone,
  schema: activityIdSchema,
  fields: (form) => ({ activityId: form.get('activityId') }),
  run: async (actor, { activityId }) => ({ placed: await allocateActivity(actor, activityId) }),
  revalidate: ({ activityId }) => ['/helpen', `/helpen/${activityId}`],
});

export const saveTalentsAction = formAction({
  roles: ROLES.guardian,
  schema: talentSchema,
  // The form always sends its text field (empty clears it); a request without it is refused as
  // "required" rather than wiping what the parent wrote.
  fields: (form) => ({ helpWith: form.getAll('helpWith').map(String), talents: form.get('talents') }),
  run: async (actor, input) => {
    await saveTalents(actor, input);
    return undefined;
  },
  revalidate: () => '/helpen/talenten',
});

export const appointClassParentAction = formAction({
  roles: ROLES.staff,
  schema: classParentSchema,
  fields: (form) => ({ groupId: form.get('groupId'), userId: form.get('userId') }),
  run: async (actor, input) => {
    await appointClassParent(actor, input);
    return undefined;
  },
  revalidate: () => '/helpen/klassenouders',
});

export const removeClassParentAction = formAction({
  roles: ROLES.staff,
  schema: classParentSchema,
  fields: (form) => ({ groupId: form.get('groupId'), userId: form.get('userId') }),
  run: async (actor, input) => {
    await removeClassParent(actor, input);
    return undefined;
  },
  revalidate: () => '/helpen/klassenouders',
});
