import { z } from 'zod';

// The director edits the draft as text: one item per line. Messages are keys under "errors".
const lines = z
  .string()
  .max(5000, 'tooLong')
  .transform((v) => v.split('\n').map((l) => l.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(300, 'tooLong')).max(30, 'tooLong'));

export const charterDraftSchema = z.object({
  title: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  intro: z.string().trim().max(2000, 'tooLong'),
  sections: z
    .array(z.object({ title: z.string().trim().min(1, 'required').max(200, 'tooLong'), parentsMayExpect: lines, schoolMayExpect: lines }))
    .min(1, 'required')
    .max(20, 'tooLong'),
});
export type CharterDraft = z.infer<typeof charterDraftSchema>;
