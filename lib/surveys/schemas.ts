import { z } from 'zod';
import { idSchema as id } from '@/lib/access/ids';
import { questionTypes } from './question-types';

export { questionTypes };
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

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDateTime');
export const actionSchema = z
  .object({
    questionId: id.optional(),
    heard: z.string().trim().min(1, 'required').max(1000, 'tooLong'),
    action: z.string().trim().min(1, 'required').max(1000, 'tooLong'),
    owner: z.string().trim().min(1, 'required').max(120, 'tooLong'),
    startsOn: date,
    dueOn: date,
  })
  .refine((v) => v.startsOn <= v.dueOn, { message: 'deadlineBeforeOpening', path: ['dueOn'] });
export type ActionInput = z.infer<typeof actionSchema>;

/** The evaluation form of annex II (002): goal, results, bottlenecks, next steps. */
export const evaluationSchema = z.object({
  goal: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
  results: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
  bottlenecks: z.string().trim().max(2000, 'tooLong'),
  nextSteps: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
});
export type EvaluationInput = z.infer<typeof evaluationSchema>;
export const summarySchema = z.object({ surveyId: id, summary: z.string().trim().min(1, 'required').max(5000, 'tooLong') });

export const editQuestionsSchema = z.object({
  surveyId: id,
  questions: z
    .array(
      z
        .object({
          section: z.string().trim().min(1, 'required').max(200, 'tooLong'),
          type: z.enum(questionTypes),
          text: z.string().trim().min(1, 'required').max(500, 'tooLong'),
          required: z.boolean(),
          options: z.array(z.string().trim().min(1).max(200, 'tooLong')).max(20, 'tooLong'),
        })
        .refine((q) => !['SINGLE', 'MULTI'].includes(q.type) || q.options.length >= 2, { message: 'needsOptions', path: ['options'] }),
    )
    .min(1, 'required')
    .max(100, 'tooLong'),
});
export type EditQuestionsInput = z.infer<typeof editQuestionsSchema>;
