import { z } from 'zod';
import { idSchema } from '@/lib/access/ids';

// Messages are keys under "errors" (reach.* for this feature's own).
export const MAX_RECIPIENTS = 1000;

/** The director's personal message to the selected families: one conversation per household. */
export const reachMessageSchema = z.object({
  householdIds: z.array(idSchema).min(1, 'reach.chooseFamilies').max(MAX_RECIPIENTS, 'reach.tooManyFamilies'),
  subject: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  body: z.string().trim().min(1, 'required').max(5000, 'tooLong'),
});
export type ReachMessageInput = z.infer<typeof reachMessageSchema>;
