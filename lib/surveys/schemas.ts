import { z } from 'zod';

const id = z.string().min(1).max(40);
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalidDateTime');

export const createSurveySchema = z
  .object({
    templateKey: z.enum(['satisfaction', 'schoolscan', 'school_kind']),
    title: z.string().trim().max(200, 'tooLong').optional(),
    audiences: z.array(z.enum(['GUARDIANS', 'TEAM'])).min(1, 'required'),
    groupIds: z.array(id).default([]),
    anonymous: z.boolean().default(true),
    opensAt: localDateTime,
    closesAt: localDateTime,
  })
  .refine((v) => v.opensAt < v.closesAt, { message: 'deadlineBeforeOpening', path: ['closesAt'] });
export type CreateSurveyInput = z.infer<typeof createSurveySchema>;

/** One answer as the form sends it; which fields count depends on the question type. */
export const answerSchema = z.object({
  likert: z.number().int().min(1).max(5).nullish(),
  yes: z.boolean().nullish(),
  choices: z.array(z.string().max(200)).max(20).nullish(),
  text: z.string().max(4000, 'tooLong').nullish(),
});
export type Answer = z.infer<typeof answerSchema>;
export const answersSchema = z.object({ surveyId: id, answers: z.record(id, answerSchema) });

/** Breakdowns with fewer answers than this are not shown, so nobody can be singled out. */
export const MIN_GROUP_SIZE = 5;
