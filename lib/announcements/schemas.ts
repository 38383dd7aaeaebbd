import { z } from 'zod';
import { idSchema } from '@/lib/access/ids';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './files';

// Messages are keys under "errors" (feature ones under errors.announcements).
export const announcementFields = {
  title: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  // Plain text: paragraphs are blank lines; it is shown as text, never as HTML.
  body: z.string().trim().min(1, 'required').max(20_000, 'tooLong'),
  kind: z.enum(['NEWSLETTER', 'NOTICE']),
  audience: z.enum(['school', 'groups']),
  groupIds: z.array(idSchema).max(60, 'tooLong'),
  urgent: z.boolean(),
  confirmRead: z.boolean(),
};

const pickGroups = <T extends { audience: 'school' | 'groups'; groupIds: string[] }>(v: T) => v.audience === 'school' || v.groupIds.length > 0;

export const announcementSchema = z.object(announcementFields).refine(pickGroups, { path: ['groupIds'], message: 'announcements.pickGroups' });
export type AnnouncementInput = z.infer<typeof announcementSchema>;

/**
 * The form's files, checked for count and size before anything is read (the service checks each
 * file's bytes again). A browser sends an empty, nameless part when no file was chosen: dropped in `fields`.
 */
export const announcementFormSchema = z
  .object({
    ...announcementFields,
    attachments: z
      .array(z.instanceof(File).refine((f) => f.size <= MAX_ATTACHMENT_BYTES, 'announcements.fileTooLarge'))
      .max(MAX_ATTACHMENTS, 'announcements.tooManyFiles'),
  })
  .refine(pickGroups, { path: ['groupIds'], message: 'announcements.pickGroups' });

export const announcementIdSchema = z.object({ announcementId: idSchema });
