import { z } from 'zod';
import { idSchema as id } from '@/lib/access/action';
import { emailSchema } from '@/lib/auth/schemas';

// Messages are keys under "errors" in messages/*.json.

const name = z.string().trim().min(1, 'required').max(100, 'tooLong');
const checkbox = z.enum(['on', 'true', '']).optional().transform((v) => v === 'on' || v === 'true');

export const inviteSchema = z.object({
  email: emailSchema,
  firstName: name,
  prefix: z.string().trim().max(30, 'tooLong').optional().transform((v) => v || null),
  lastName: name,
  careCoordinator: checkbox,
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const memberSchema = z.object({ membershipId: id });

export const groupTeachersSchema = z.object({ groupId: id, userIds: z.array(id).max(10, 'tooManyTeachers') });

export const END_REASONS = ['COURT_ORDER', 'MOVED_AWAY', 'OTHER'] as const;

// "Other" says what happened: the audit log must explain, years later, why a parent lost access.
export const endGuardianshipSchema = z
  .object({
    guardianshipId: id,
    reason: z.enum(END_REASONS, 'endReasonRequired'),
    note: z.string().trim().max(500, 'tooLong').optional().transform((v) => v || null),
  })
  .refine((v) => v.reason !== 'OTHER' || !!v.note, { message: 'endNoteRequired', path: ['note'] });
export type EndGuardianshipInput = z.infer<typeof endGuardianshipSchema>;

// Whether every guardian sees every other guardian's e-mail and phone (lib/access/child-file.ts);
// by default a parent sees only their own household's (BW 1:377c: information about the child).
export const familySettingsSchema = z.object({ shareGuardianContacts: checkbox });
export type FamilySettingsInput = z.infer<typeof familySettingsSchema>;
