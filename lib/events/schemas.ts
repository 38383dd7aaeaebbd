import { z } from 'zod';
import { idSchema as id } from '@/lib/access/action';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDateTime');
const time = z.string().regex(/^\d{2}:\d{2}$/, 'invalidDateTime');

export const createEventSchema = z
  .object({ stageId: id, groupId: id, date, from: time, to: time, location: z.string().trim().max(200, 'tooLong').optional() })
  .refine((v) => v.from < v.to, { message: 'blockEndsBeforeStart', path: ['to'] });
export type CreateEventInput = z.infer<typeof createEventSchema>;

export const attendanceSchema = z.object({ eventId: id, present: z.array(id).max(100) });
