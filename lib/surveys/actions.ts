'use server';

import { z } from 'zod';
import { formAction, idSchema, inputAction } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { AppError } from '@/lib/errors';
import { startAfterRound } from './after-round';
import { addSurveyAction, evaluateSurveyAction, publishSummary, remindSurvey } from './feedback';
import { actionSchema, answersSchema, createSurveySchema, editQuestionsSchema, evaluationSchema, summarySchema } from './schemas';
import { createSurvey, saveSurveyDraft, submitSurvey, updateSurveyQuestions } from './service';

const surveyIdSchema = z.object({ surveyId: idSchema });

export const createSurveyAction = formAction({
  roles: ROLES.director,
  schema: createSurveySchema,
  fields: (form) => ({
    templateKey: form.get('templateKey'),
    title: form.get('title') || undefined,
    audiences: form.getAll('audiences').map(String),
    groupIds: form.getAll('groupIds').map(String),
    anonymous: form.get('anonymous') === 'on',
    opensAt: form.get('opensAt'),
    closesAt: form.get('closesAt'),
  }),
  run: async (actor, input) => {
    await createSurvey(actor, input);
    return undefined;
  },
  revalidate: () => '/directie/enquetes',
});

// Anyone invited answers: guardians and the team (the invitation decides, in the service).
export const saveSurveyDraftAction = inputAction({
  roles: ROLES.anyone,
  schema: answersSchema,
  run: async (actor, { surveyId, answers }) => {
    await saveSurveyDraft(actor, surveyId, answers);
    return undefined;
  },
});

export const submitSurveyAction = inputAction({
  roles: ROLES.anyone,
  schema: answersSchema,
  run: async (actor, { surveyId, answers }) => {
    const res = await submitSurvey(actor, surveyId, answers);
    // Required questions left open: named per question, as the form marks them.
    if (!res.ok) throw new AppError('INVALID_INPUT', 'missing', { fieldErrors: Object.fromEntries(res.missing.map((id) => [id, ['required']])) });
    return undefined;
  },
  revalidate: () => '/enquetes',
});

export const addActionAction = formAction({
  roles: ROLES.director,
  schema: actionSchema.and(surveyIdSchema),
  fields: (form) => ({ ...Object.fromEntries(form), questionId: form.get('questionId') || undefined }),
  run: async (actor, { surveyId, ...input }) => {
    await addSurveyAction(actor, surveyId, input);
    return undefined;
  },
  revalidate: ({ surveyId }) => `/directie/enquetes/${surveyId}`,
});

export const evaluateActionAction = formAction({
  roles: ROLES.director,
  schema: evaluationSchema.extend({ surveyId: idSchema, actionId: idSchema }),
  fields: (form) => Object.fromEntries(form),
  run: async (actor, input) => {
    await evaluateSurveyAction(actor, input.actionId, input);
    return undefined;
  },
  revalidate: ({ surveyId }) => `/directie/enquetes/${surveyId}`,
});

export const publishSummaryAction = formAction({
  roles: ROLES.director,
  schema: summarySchema,
  fields: (form) => Object.fromEntries(form),
  run: async (actor, { surveyId, summary }) => {
    await publishSummary(actor, surveyId, summary);
    return undefined;
  },
  revalidate: () => '/ouder',
});

export const remindSurveyAction = formAction({
  roles: ROLES.director,
  schema: surveyIdSchema,
  fields: (form) => ({ surveyId: form.get('surveyId') }),
  run: async (actor, { surveyId }) => ({ sent: await remindSurvey(actor, surveyId) }),
});

export const editQuestionsAction = inputAction({
  roles: ROLES.director,
  schema: editQuestionsSchema,
  run: async (actor, { surveyId, questions }) => {
    await updateSurveyQuestions(actor, surveyId, questions);
    return undefined;
  },
  revalidate: ({ surveyId }) => `/directie/enquetes/${surveyId}`,
});

// The two questions after a talk round, opened by the director before the job would (lib/surveys/after-round.ts).
export const startAfterRoundAction = formAction({
  roles: ROLES.director,
  schema: z.object({ roundId: idSchema }),
  fields: (form) => ({ roundId: form.get('roundId') }),
  run: (actor, { roundId }) => startAfterRound(actor, roundId),
  revalidate: ({ roundId }) => [`/gesprekken/${roundId}`, '/directie/enquetes'],
});
