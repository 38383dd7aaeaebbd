import { z } from 'zod';

const id = z.string().min(1).max(40);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDateTime');

export const agreementInput = z.object({
  owner: z.enum(['CHILD', 'PARENT', 'TEACHER', 'SCHOOL']),
  what: z.string().trim().min(1, 'required').max(500, 'tooLong'),
  dueOn: date.optional().or(z.literal('').transform(() => undefined)),
  sharing: z.string().trim().max(300, 'tooLong').optional(),
});

export const recordSchema = z.object({
  recordId: id.optional(),
  childId: id,
  kind: z.enum(['talk', 'phone', 'extra']).default('talk'),
  stageKey: z.string().max(40).optional(),
  title: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  heldOn: date,
  notes: z.record(z.string().max(300), z.string().max(5000, 'tooLong')).default({}),
  agreements: z.array(agreementInput).max(20).default([]),
});
export type RecordInput = z.infer<typeof recordSchema>;

export const agreementStatusSchema = z.object({ agreementId: id, status: z.enum(['OPEN', 'ACHIEVED', 'ADJUSTED', 'DROPPED']), note: z.string().trim().max(500, 'tooLong').optional() });
export const agreementResponseSchema = z.object({ agreementId: id, kind: z.enum(['parent_done', 'parent_help']), note: z.string().trim().max(500, 'tooLong').optional() });
export const confirmSchema = z.object({ recordId: id, response: z.string().trim().max(2000, 'tooLong').optional() });

export const childNoteSchema = z.object({
  childId: id,
  text: z.string().trim().min(1, 'required').max(4000, 'tooLong'),
  visibleTo: z.array(z.enum(['TEACHER', 'DIRECTOR', 'SUPERVISOR'])).default([]),
  // The checkbox "also the other household": left out (unticked) means the writer's own household only.
  sharedWithOtherHousehold: z.literal('true').optional().transform((v) => v === 'true'),
});

export const guidancePlanSchema = z.object({
  childId: id,
  subject: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  parentTask: z.string().trim().min(1, 'required').max(1000, 'tooLong'),
  how: z.string().trim().min(1, 'required').max(1000, 'tooLong'),
  howOften: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  startsOn: date,
  evaluateOn: date,
}).refine((v) => v.startsOn <= v.evaluateOn, { message: 'evaluateBeforeStart', path: ['evaluateOn'] });
export type GuidancePlanInput = z.infer<typeof guidancePlanSchema>;

export const guidanceEvaluationSchema = z.object({
  planId: id,
  helped: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
  decision: z.enum(['continue', 'adjust', 'stop']),
  note: z.string().trim().max(2000, 'tooLong').optional(),
});

const answer = z.string().trim().max(2000, 'tooLong');
const byPosition = z.record(z.string().regex(/^\d{1,2}$/), answer).transform((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [Number(k), v])) as Record<number, string>);

export const preparationSchema = z.object({
  roundId: id,
  childId: id,
  // By position: parents' answers in the stage's agenda, the child's in its questions (the service stores them under the wording).
  answers: byPosition,
  childAnswers: byPosition.default({}),
});
export type PreparationInput = z.infer<typeof preparationSchema>;

const time = z.string().regex(/^\d{2}:\d{2}$/, 'invalidDateTime');

export const momentSchema = z.object({
  childId: id,
  purpose: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  date,
  time,
  minutes: z.coerce.number().int('outOfRange').min(5, 'outOfRange').max(240, 'outOfRange'),
  location: z.string().trim().max(200, 'tooLong').optional(),
});
export type MomentInput = z.infer<typeof momentSchema>;

export const retentionSchema = z.object({ months: z.coerce.number().int('outOfRange').min(12, 'outOfRange').max(240, 'outOfRange') });
