import { z } from 'zod';
import { idSchema } from '@/lib/access/ids';
import { zonedToUtc } from '@/lib/format/time';

// Messages are keys under "errors" (feature ones under errors.helping).
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalidDateTime')
  .transform((v) => zonedToUtc(v));

export const HELP_KINDS = ['DRIVING', 'SUPERVISING', 'CREATIVE', 'CELEBRATIONS', 'READING', 'TECHNICAL', 'LANGUAGE', 'OTHER'] as const;
export const ROLE_KINDS = ['DRIVER', 'SUPERVISOR', 'HELPER'] as const;
export const MAX_ROLES = 5;
export const MAX_SEATS = 8;

export const roleSchema = z.object({
  kind: z.enum(ROLE_KINDS),
  label: z.string().trim().min(1, 'required').max(80, 'tooLong'),
  places: z.coerce.number().int('outOfRange').min(1, 'outOfRange').max(50, 'outOfRange'),
});

export const activitySchema = z
  .object({
    title: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    description: z.string().trim().max(5_000, 'tooLong').default(''),
    // '' or absent: the whole school.
    groupId: idSchema.nullable(),
    startsAt: localDateTime,
    endsAt: localDateTime,
    signupDeadline: localDateTime,
    allocation: z.enum(['FIRST_COME', 'FAIR']),
    roles: z.array(roleSchema).min(1, 'required').max(MAX_ROLES, 'tooLong'),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], message: 'blockEndsBeforeStart' })
  .refine((v) => v.signupDeadline <= v.startsAt, { path: ['signupDeadline'], message: 'helping.deadlineAfterStart' });
export type ActivityInput = z.output<typeof activitySchema>;

export const signUpSchema = z.object({
  roleId: idSchema,
  seats: z.coerce.number().int('outOfRange').min(1, 'outOfRange').max(MAX_SEATS, 'outOfRange').optional(),
});
export type SignUpInput = z.output<typeof signUpSchema>;

export const roleIdSchema = z.object({ roleId: idSchema });
export const activityIdSchema = z.object({ activityId: idSchema });

export const talentSchema = z.object({
  helpWith: z.array(z.enum(HELP_KINDS)).max(HELP_KINDS.length),
  talents: z.string().trim().max(1_000, 'tooLong'),
});
export type TalentInput = z.output<typeof talentSchema>;

export const talentSearchSchema = z.object({
  kind: z.enum(HELP_KINDS).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

export const classParentSchema = z.object({ groupId: idSchema, userId: idSchema });
