'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction, idSchema } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { charterDraftSchema } from './schemas';
import { acknowledgeCharter, remindCharter, saveCharterDraft } from './service';

/** The draft form posts sections as repeated fields, in order. */
export const saveCharterAction = formAction({
  roles: ROLES.director,
  schema: charterDraftSchema.extend({ publish: z.boolean() }),
  fields: (form) => {
    const titles = form.getAll('sectionTitle').map(String);
    const parents = form.getAll('parents').map(String);
    const school = form.getAll('school').map(String);
    return {
      title: form.get('title'),
      intro: form.get('intro') ?? '',
      sections: titles.map((title, i) => ({ title, parentsMayExpect: parents[i] ?? '', schoolMayExpect: school[i] ?? '' })),
      publish: form.get('intent') === 'publish',
    };
  },
  run: async (actor, { publish, ...draft }) => {
    await saveCharterDraft(actor, draft, publish);
    return undefined;
  },
  revalidate: () => '/directie/afspraken',
});

// A plain form on the parent's page that always returns home: there is no result to show, so it
// stays outside the wrapper (which answers with a result); the id is validated all the same.
export async function acknowledgeCharterAction(formData: FormData) {
  const actor = await requireRole(...ROLES.guardian);
  const parsed = z.object({ versionId: idSchema }).safeParse({ versionId: formData.get('versionId') });
  if (parsed.success) await acknowledgeCharter(actor, parsed.data.versionId).catch(() => undefined);
  revalidatePath('/ouder');
  redirect('/ouder');
}

export const remindCharterAction = formAction({
  roles: ROLES.director,
  schema: z.object({ groupId: idSchema }),
  fields: (form) => ({ groupId: form.get('groupId') }),
  run: async (actor, { groupId }) => ({ sent: await remindCharter(actor, groupId) }),
});
