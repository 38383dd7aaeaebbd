import 'server-only';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { formatTalkTime } from '@/lib/format/time';
import { enqueueToUsers, fromMessages } from '@/lib/mail/guardians';
import { kickMailDelivery } from '@/lib/mail/outbox';
import type { ActionInput, EvaluationInput } from './schemas';

// What the director does with the results: actions per question, a summary published to parents,
// evaluations of each action, and reminders to those who have not answered yet.

async function ownSurvey(actor: Actor, surveyId: string) {
  requireAtSchool(actor, 'survey', 'write');
  const survey = await prisma.survey.findFirst({ where: { id: surveyId, schoolId: actor.schoolId } });
  if (!survey) throw new AppError('NOT_FOUND');
  return survey;
}

export async function addSurveyAction(actor: Actor, surveyId: string, input: ActionInput) {
  await ownSurvey(actor, surveyId);
  if (input.questionId && !(await prisma.surveyQuestion.findFirst({ where: { id: input.questionId, surveyId } }))) throw new AppError('NOT_FOUND');
  return prisma.surveyAction.create({
    data: { schoolId: actor.schoolId, surveyId, questionId: input.questionId || null, heard: input.heard, action: input.action, owner: input.owner, startsOn: new Date(input.startsOn), dueOn: new Date(input.dueOn) },
  });
}

export async function evaluateSurveyAction(actor: Actor, actionId: string, input: EvaluationInput, now = new Date()) {
  requireAtSchool(actor, 'survey', 'write');
  const res = await prisma.surveyAction.updateMany({
    where: { id: actionId, schoolId: actor.schoolId },
    data: { evalGoal: input.goal, evalResults: input.results, evalBottlenecks: input.bottlenecks, evalNextSteps: input.nextSteps, evaluatedAt: now },
  });
  if (res.count !== 1) throw new AppError('NOT_FOUND');
}

/** The director's follow-up list (parents see published summaries, publishedSummaries below). */
export function surveyActions(actor: Actor, surveyId: string) {
  requireAtSchool(actor, 'survey', 'write');
  return prisma.surveyAction.findMany({ where: { surveyId, schoolId: actor.schoolId }, orderBy: { createdAt: 'asc' } });
}

/** Publish (or update) the results summary; parents of the school see it on their home page. */
export async function publishSummary(actor: Actor, surveyId: string, summary: string, now = new Date()) {
  await ownSurvey(actor, surveyId);
  await prisma.survey.update({ where: { id: surveyId }, data: { summary, summaryPublishedAt: now } });
}

/** Published summaries with their actions, for parents' home pages (no results of small groups in them). */
export function publishedSummaries(actor: Actor) {
  return prisma.survey.findMany({
    where: { schoolId: actor.schoolId, summaryPublishedAt: { not: null } },
    orderBy: { summaryPublishedAt: 'desc' },
    take: 3,
    select: { id: true, title: true, summary: true, summaryPublishedAt: true, actions: { orderBy: { createdAt: 'asc' }, select: { id: true, heard: true, action: true, owner: true, dueOn: true } } },
  });
}

/** Remind only those who have not answered yet (the invitation says who; never what). */
export async function remindSurvey(actor: Actor, surveyId: string, now = new Date()) {
  const survey = await ownSurvey(actor, surveyId);
  if (now > survey.closesAt) throw new AppError('DEADLINE_PASSED');
  const open = await prisma.surveyInvitation.findMany({ where: { surveyId, submittedAt: null }, select: { id: true, userId: true } });
  const sent = await prisma.$transaction(async (tx) => {
    const n = await enqueueToUsers(tx, {
      schoolId: actor.schoolId,
      userIds: open.map((i) => i.userId),
      kind: 'survey_reminder',
      render: fromMessages('mail.surveyReminder', (to) => ({ title: survey.title, until: formatTalkTime(survey.closesAt, to.locale) })),
    });
    await tx.surveyInvitation.updateMany({ where: { id: { in: open.map((i) => i.id) } }, data: { remindedAt: now } });
    return n;
  });
  kickMailDelivery();
  return sent;
}
