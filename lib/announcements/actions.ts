'use server';

import { formAction } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { announcementFormSchema, announcementIdSchema } from './schemas';
import { confirmAnnouncement, postAnnouncement, remindAnnouncement } from './service';

const flag = (form: FormData, name: string) => form.get(name) === 'on' || form.get(name) === 'true';

// Files arrive in the FormData (next.config.ts: serverActions.bodySizeLimit fits five of 5 MB).
export const postAnnouncementAction = formAction({
  roles: ROLES.staff,
  schema: announcementFormSchema,
  fields: (form) => ({
    title: form.get('title'),
    body: form.get('body'),
    kind: form.get('kind'),
    audience: form.get('audience'),
    groupIds: form.getAll('groupIds').map(String),
    urgent: flag(form, 'urgent'),
    confirmRead: flag(form, 'confirmRead'),
    // No file chosen: the browser still sends one empty part without a name.
    attachments: form.getAll('attachments').filter((f) => !(f instanceof File) || f.size > 0 || f.name !== ''),
  }),
  run: async (actor, { attachments, ...input }) => {
    const files = await Promise.all(attachments.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
    return { id: await postAnnouncement(actor, { ...input, attachments: files }) };
  },
  revalidate: () => '/mededelingen',
  redirectTo: (_input, { id }) => `/mededelingen/${id}`,
});

export const confirmAnnouncementAction = formAction({
  roles: ROLES.guardian,
  schema: announcementIdSchema,
  fields: (form) => ({ announcementId: form.get('announcementId') }),
  run: async (actor, { announcementId }) => {
    await confirmAnnouncement(actor, announcementId);
    return undefined;
  },
  revalidate: ({ announcementId }) => ['/mededelingen', `/mededelingen/${announcementId}`],
});

export const remindAnnouncementAction = formAction({
  roles: ROLES.staff,
  schema: announcementIdSchema,
  fields: (form) => ({ announcementId: form.get('announcementId') }),
  run: async (actor, { announcementId }) => ({ sent: await remindAnnouncement(actor, announcementId) }),
  revalidate: ({ announcementId }) => `/mededelingen/${announcementId}`,
});
