import { z } from 'zod';
import { idSchema as id } from '@/lib/access/ids';

// When plans change (lib/bookings/disruption.ts). Error messages are keys under "errors".

/** A calendar date that exists ("2026-02-30" does not), as the date input sends it. */
export const dayString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'disruption.badDate')
  .refine((d) => {
    const [y, m, day] = d.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, day));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
  }, 'disruption.badDate');

export const cancelTeacherDaySchema = z.object({
  groupId: id,
  teacherId: id,
  date: dayString,
  // Parents read it in the mail: required, and a sentence rather than an essay.
  reason: z.string().trim().min(3, 'disruption.reasonRequired').max(300, 'tooLong'),
});
export type CancelTeacherDayInput = z.infer<typeof cancelTeacherDaySchema>;

export const moveBlockSchema = z.object({
  blockId: id,
  date: dayString,
  // Empty: the same wall-clock start on the new day.
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'disruption.badTime')
    .optional(),
});
export type MoveBlockInput = z.infer<typeof moveBlockSchema>;
