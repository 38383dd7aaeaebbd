import { z } from 'zod';
import { idSchema as id } from '@/lib/access/ids';

// Messages are keys under "errors" (feature ones under errors.meetings).
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDateTime');
const time = z.string().regex(/^\d{2}:\d{2}$/, 'invalidDateTime');

export const MEETING_KINDS = ['THEME_EVENING', 'PRESENTATION', 'COUNCIL_OPEN', 'OTHER'] as const;
export const RSVP_ANSWERS = ['YES', 'NO', 'MAYBE'] as const;
export const MAX_PEOPLE = 10;

export const meetingSchema = z
  .object({
    kind: z.enum(MEETING_KINDS),
    title: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    description: z.string().trim().max(5_000, 'tooLong').default(''),
    location: z.string().trim().max(200, 'tooLong').optional(),
    date,
    from: time,
    to: time,
    audience: z.enum(['school', 'groups']),
    groupIds: z.array(id).max(60, 'tooLong'),
    targetPercent: z.coerce.number().int('outOfRange').min(1, 'outOfRange').max(100, 'outOfRange').default(80),
  })
  .refine((v) => v.from < v.to, { message: 'blockEndsBeforeStart', path: ['to'] })
  .refine((v) => v.audience === 'school' || v.groupIds.length > 0, { path: ['groupIds'], message: 'meetings.pickGroups' });
export type MeetingInput = z.infer<typeof meetingSchema>;

export const rsvpSchema = z.object({
  meetingId: id,
  answer: z.enum(RSVP_ANSWERS),
  people: z.coerce.number().int('outOfRange').min(1, 'outOfRange').max(MAX_PEOPLE, 'outOfRange').default(1),
});
export type RsvpInput = z.infer<typeof rsvpSchema>;

export const attendanceSchema = z.object({ meetingId: id, householdId: id, present: z.boolean() });
