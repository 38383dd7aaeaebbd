import { z } from 'zod';
import { idSchema } from '@/lib/access/ids';

// Messages are keys under "errors" (threads.* for this feature's own).
const subject = z.string().trim().min(1, 'required').max(200, 'tooLong');
const body = z.string().trim().min(1, 'required').max(5000, 'tooLong');

/** A guardian's new question: about one of their children (to the group's teachers) or a school matter (to the director). */
export const questionSchema = z.object({ about: z.union([z.literal('school'), idSchema]), subject, body });
export type QuestionInput = z.infer<typeof questionSchema>;

export const replySchema = z.object({ threadId: idSchema, body });

/** Staff start a conversation with a child's guardians: one household, or 'all' (both of separated parents). */
export const startSchema = z.object({ childId: idSchema, households: z.union([z.literal('all'), idSchema]).optional(), subject, body });
export type StartInput = z.infer<typeof startSchema>;

/** A worry or complaint: to the teacher first, or straight to the director (optionally about a teacher). */
export const complaintSchema = z.object({ childId: idSchema, to: z.enum(['TEACHER', 'DIRECTOR']), concernsUserId: idSchema.optional(), subject, body });
export type ComplaintInput = z.infer<typeof complaintSchema>;

export const escalateSchema = z.object({ threadId: idSchema, body: z.string().trim().max(5000, 'tooLong').optional() });
export const handOverSchema = z.object({ threadId: idSchema, assigneeId: idSchema });
export const closeSchema = z.object({ threadId: idSchema, closed: z.boolean() });

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'threads.invalidTime')
  .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3)));

export const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/**
 * Monday (1) to Friday (5) as flat form fields (works1, start1, end1, …) so each error lands on its
 * field; out comes a list of the days they work.
 */
export const workingHoursSchema = z
  .object(Object.fromEntries(WEEKDAYS.flatMap((n) => [[`works${n}`, z.boolean()], [`start${n}`, time.optional()], [`end${n}`, time.optional()]])) as Record<string, z.ZodType>)
  .superRefine((v, ctx) => {
    // Nobody is unreachable all week; the default (school days 08:00–17:00) is five ticked days.
    if (!WEEKDAYS.some((n) => v[`works${n}`])) ctx.addIssue({ code: 'custom', path: ['works1'], message: 'threads.pickADay' });
    for (const n of WEEKDAYS) {
      if (!v[`works${n}`]) continue;
      for (const f of [`start${n}`, `end${n}`]) if (v[f] === undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'required' });
      if (v[`start${n}`] !== undefined && v[`end${n}`] !== undefined && (v[`end${n}`] as number) <= (v[`start${n}`] as number))
        ctx.addIssue({ code: 'custom', path: [`end${n}`], message: 'threads.endBeforeStart' });
    }
  })
  .transform((v) => ({
    days: WEEKDAYS.filter((n) => v[`works${n}`]).map((weekday) => ({ weekday, startMinute: v[`start${weekday}`] as number, endMinute: v[`end${weekday}`] as number })),
  }));
export type WorkingHoursInput = z.output<typeof workingHoursSchema>;
