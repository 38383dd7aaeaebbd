import { z } from 'zod';
import { idSchema } from '@/lib/access/ids';

// Reports from home: absence, leave, changes. Messages are keys under "errors" (reports.* for ours).

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'reports.invalidDate')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'reports.invalidDate');

export const ABSENCE_REASONS = ['SICK', 'DOCTOR', 'FAMILY', 'OTHER'] as const;
export const DAY_PARTS = ['WHOLE_DAY', 'MORNING', 'AFTERNOON'] as const;
export const LEAVE_REASONS = ['SPECIAL_CIRCUMSTANCES', 'HOLIDAY_WORK', 'RELIGIOUS', 'OTHER'] as const;
export const HOME_CHANGE_KINDS = ['ADDRESS', 'PHONE', 'HOME_SITUATION'] as const;

export const absenceSchema = z
  .object({
    childId: idSchema,
    reason: z.enum(ABSENCE_REASONS, 'reports.pickReason'),
    note: z.string().trim().max(1000, 'tooLong').optional(),
    fromDate: date,
    dayPart: z.enum(DAY_PARTS, 'reports.pickDayPart'),
    expectedBack: date.optional(),
  })
  .refine((v) => !v.expectedBack || v.expectedBack >= v.fromDate, { path: ['expectedBack'], message: 'reports.backBeforeFrom' });
export type AbsenceInput = z.infer<typeof absenceSchema>;

export const leaveSchema = z
  .object({
    childIds: z.array(idSchema).min(1, 'required').max(10, 'tooLong'),
    fromDate: date,
    toDate: date,
    reason: z.enum(LEAVE_REASONS, 'reports.pickReason'),
    explanation: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
  })
  .refine((v) => v.toDate >= v.fromDate, { path: ['toDate'], message: 'reports.toBeforeFrom' });
export type LeaveInput = z.infer<typeof leaveSchema>;

export const leaveDecisionSchema = z
  .object({
    requestId: idSchema,
    decision: z.enum(['GRANTED', 'REFUSED']),
    decisionNote: z.string().trim().max(1000, 'tooLong').optional(),
  })
  // A refusal is a decision the parent may object to (Awb): it needs its reason.
  .refine((v) => v.decision === 'GRANTED' || !!v.decisionNote, { path: ['decisionNote'], message: 'reports.refusalNeedsReason' });
export type LeaveDecision = z.infer<typeof leaveDecisionSchema>;

export const homeChangeSchema = z
  .object({
    childId: idSchema.optional(),
    kind: z.enum(HOME_CHANGE_KINDS, 'reports.pickKind'),
    text: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
    addToFile: z.boolean(),
  })
  .refine((v) => !v.addToFile || !!v.childId, { path: ['childId'], message: 'reports.fileNeedsChild' });
export type HomeChangeInput = z.infer<typeof homeChangeSchema>;
