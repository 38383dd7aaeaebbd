import 'server-only';
import { randomInt, randomUUID } from 'node:crypto';
import { Prisma, type QuestionType, type SurveyAudience } from '@/generated/prisma/client';
import { requireAtSchool, surveyAudienceOf } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { formatTalkTime, zonedToUtc } from '@/lib/format/time';
import { enqueueToUsers, fromMessages } from '@/lib/mail/guardians';
import { kickMailDelivery } from '@/lib/mail/outbox';
import { currentSchoolYear } from '@/lib/school/year';
import { type Answer, type CreateSurveyInput, type EditQuestionsInput, MIN_GROUP_SIZE } from './schemas';
import { SURVEY_TEMPLATES } from './templates';

// Surveys: the director opens one from a template for guardians of chosen groups and/or the team.
// Every invited person answers once (the invitation is spent); answers save as you go on the
// invitation and move, on submit, into a response that in an anonymous survey has no link to them.

export async function createSurvey(actor: Actor, input: CreateSurveyInput) {
  requireAtSchool(actor, 'survey', 'write');
  const template = SURVEY_TEMPLATES.find((t) => t.key === input.templateKey);
  const year = await currentSchoolYear(actor.schoolId);
  if (!template || !year) throw new AppError('NOT_FOUND');
  const groups = await prisma.group.findMany({ where: { schoolId: actor.schoolId, schoolYearId: year.id, ...(input.groupIds.length ? { id: { in: input.groupIds } } : {}) }, select: { id: true } });
  if (input.groupIds.length && groups.length !== new Set(input.groupIds).size) throw new AppError('NOT_FOUND');
  const groupIds = groups.map((g) => g.id);

  const survey = await prisma.$transaction(async (tx) => {
    const s = await tx.survey.create({
      data: {
        schoolId: actor.schoolId,
        templateKey: template.key,
        title: input.title || template.title,
        intro: template.intro,
        anonymous: input.anonymous,
        audiences: input.audiences,
        groupIds: input.groupIds,
        opensAt: zonedToUtc(input.opensAt),
        closesAt: zonedToUtc(input.closesAt),
        createdById: actor.userId,
      },
    });
    let position = 0;
    await tx.surveyQuestion.createMany({
      data: template.sections.flatMap((section) =>
        section.questions.map((q) => ({
          schoolId: actor.schoolId,
          surveyId: s.id,
          section: section.title,
          position: position++,
          type: q.type as QuestionType,
          text: q.text,
          required: q.required,
          options: 'options' in q ? q.options : [],
        })),
      ),
    });
    const invitations: { userId: string; audience: SurveyAudience; groupIds: string[] }[] = [];
    if (input.audiences.includes('GUARDIANS')) {
      const links = await tx.guardianship.findMany({
        where: { schoolId: actor.schoolId, endedAt: null, child: { enrolments: { some: { groupId: { in: groupIds } } } } },
        select: { userId: true, child: { select: { enrolments: { where: { groupId: { in: groupIds } }, select: { groupId: true } } } } },
      });
      const byUser = new Map<string, Set<string>>();
      for (const l of links) for (const e of l.child.enrolments) byUser.set(l.userId, (byUser.get(l.userId) ?? new Set()).add(e.groupId));
      for (const [userId, gs] of byUser) invitations.push({ userId, audience: 'GUARDIANS', groupIds: [...gs] });
    }
    if (input.audiences.includes('TEAM')) {
      const team = await tx.membership.findMany({ where: { schoolId: actor.schoolId, role: { in: ['TEACHER', 'DIRECTOR'] } }, select: { userId: true } });
      for (const userId of new Set(team.map((m) => m.userId))) invitations.push({ userId, audience: 'TEAM', groupIds: [] });
    }
    await tx.surveyInvitation.createMany({ data: invitations.map((i) => ({ ...i, schoolId: actor.schoolId, surveyId: s.id })) });
    await enqueueToUsers(tx, {
      schoolId: actor.schoolId,
      userIds: invitations.map((i) => i.userId),
      kind: 'survey_invitation',
      render: fromMessages('mail.survey', (to) => ({ title: s.title, until: formatTalkTime(s.closesAt, to.locale) })),
    });
    return s;
  }, { timeout: 60_000 });
  kickMailDelivery();
  return survey;
}

export async function directorSurveys(actor: Actor) {
  requireAtSchool(actor, 'survey', 'write');
  const [surveys, answered] = await Promise.all([
    prisma.survey.findMany({
      where: { schoolId: actor.schoolId },
      orderBy: { opensAt: 'desc' },
      select: { id: true, title: true, opensAt: true, closesAt: true, anonymous: true, audiences: true, _count: { select: { invitations: true } } },
    }),
    // Spent invitations, not responses: an anonymous answer may still wait in the pool.
    prisma.surveyInvitation.groupBy({ by: ['surveyId'], where: { schoolId: actor.schoolId, submittedAt: { not: null } }, _count: { _all: true } }),
  ]);
  return surveys.map((s) => ({ ...s, answered: answered.find((a) => a.surveyId === s.id)?._count._all ?? 0 }));
}

/** The surveys this person is invited to that are open now. */
export function mySurveys(actor: Actor, now = new Date()) {
  return prisma.surveyInvitation.findMany({
    where: { schoolId: actor.schoolId, userId: actor.userId, audience: surveyAudienceOf(actor), survey: { opensAt: { lte: now }, closesAt: { gte: now } } },
    select: { submittedAt: true, survey: { select: { id: true, title: true, closesAt: true } } },
  });
}

async function myInvitation(actor: Actor, surveyId: string, now: Date) {
  const inv = await prisma.surveyInvitation.findUnique({
    where: { surveyId_userId_audience: { surveyId, userId: actor.userId, audience: surveyAudienceOf(actor) } },
    include: { survey: { include: { questions: { orderBy: { position: 'asc' } } } } },
  });
  if (!inv || inv.schoolId !== actor.schoolId) throw new AppError('NOT_FOUND');
  if (now < inv.survey.opensAt || now > inv.survey.closesAt) throw new AppError('ROUND_NOT_OPEN');
  return inv;
}

export async function surveyForRespondent(actor: Actor, surveyId: string, now = new Date()) {
  const inv = await myInvitation(actor, surveyId, now);
  return { survey: inv.survey, submitted: !!inv.submittedAt, draft: (inv.draft ?? {}) as Record<string, Answer> };
}

type Question = { id: string; type: QuestionType; required: boolean; options: string[] };

/** Keep only answers that fit their question; an answer to an unknown question is bad input. */
function clean(questions: Question[], answers: Record<string, Answer>) {
  const out: Record<string, Answer> = {};
  for (const [questionId, a] of Object.entries(answers)) {
    const q = questions.find((x) => x.id === questionId);
    if (!q) throw new AppError('INVALID_INPUT');
    const fits =
      (q.type === 'LIKERT' && a.likert != null) ||
      (q.type === 'YES_NO' && a.yes != null) ||
      ((q.type === 'SINGLE' || q.type === 'MULTI') && !!a.choices?.length && a.choices.every((c) => q.options.includes(c)) && (q.type === 'MULTI' || a.choices.length === 1)) ||
      (q.type === 'OPEN' && !!a.text?.trim());
    if (fits) out[questionId] = a;
  }
  return out;
}

/** Answers save as you go (on the invitation, until submitted). */
export async function saveSurveyDraft(actor: Actor, surveyId: string, answers: Record<string, Answer>, now = new Date()) {
  const inv = await myInvitation(actor, surveyId, now);
  const draft = clean(inv.survey.questions, answers);
  const res = await prisma.surveyInvitation.updateMany({ where: { id: inv.id, submittedAt: null }, data: { draft } });
  if (res.count !== 1) throw new AppError('CONFLICT');
}

/*
 * Anonymous surveys: the threat model, enforced here and in results.ts.
 *
 * Who we protect against: the director (through the portal, watching the results as answers come in)
 * and anyone who can read the database (a database administrator, a backup, a copy of the data
 * directory) without the application's help.
 *
 * Protected:
 * - Nothing in a stored response names the person: no invitation id, no time, a random id, its own
 *   SurveyAnswer rows keyed by that id. The invitation only says *that* someone answered (needed for
 *   "one response per person" and for reminders), never *what*.
 * - Order and transaction ids. Spending the invitation and writing the response in one transaction
 *   would give both rows the same xmin, and writing each response on its own would make the order of
 *   responses (xmin, ctid, WAL position) follow the order of spends (submittedAt). So a submit spends
 *   the invitation and parks the answers in SurveyPendingResponse, in one transaction (atomic: an
 *   answer is never lost and nobody answers twice: a failure rolls both back and the person can send
 *   again; a second send finds the invitation spent). Responses are written from that pool in batches,
 *   in a separate transaction, in random order, under fresh random ids: a batch is written only when at
 *   least 2 × MIN_GROUP_SIZE answers wait, and it takes a random selection, leaving MIN_GROUP_SIZE
 *   behind; at the close everything left is written. All responses of a batch share one xmin and their
 *   physical order is shuffled, so from the database a response can only be placed in a batch, and a
 *   batch mixes at least 10 people who had sent before it was written (the last batch mixes leftovers
 *   from the whole survey, so the last to answer are not a batch of their own).
 * - The director sees no figures of an anonymous survey until it has closed (results.ts): figures that
 *   move with each answer would tell what the latest answer was.
 * - Drafts (answers so far, on the invitation, so next to the person) are cleared on submit and deleted
 *   for everyone when the survey closes.
 *
 * Not protected:
 * - While answers wait in the pool, the pool row carries the same xmin as the spent invitation, so a
 *   database reader at that moment (or one reading WAL or a backup made then, or dead tuples before
 *   vacuum) can tie that waiting answer to the person. The window ends when the answer is written in a
 *   batch; for the MIN_GROUP_SIZE left behind it can last until the close. Encrypting the pool with a
 *   key outside the database would narrow this, at the price of answers lost when that key changes.
 * - A batch is tied to a time, so a response is known to come from someone who had answered before its
 *   batch was written; with fewer than MIN_GROUP_SIZE respondents in all, from one of those few.
 * - Anyone who controls the running application (its memory, request logs, statement logging in
 *   PostgreSQL) sees answers as they arrive; so does the person's own browser.
 * - What the answers themselves say (an open answer signed with a name, a unique combination of
 *   answers): k-anonymity of figures does not hide content.
 */

/** Submit once: the invitation is spent in the transaction that stores the answers (see above for anonymous surveys). */
export async function submitSurvey(actor: Actor, surveyId: string, answers: Record<string, Answer>, now = new Date()) {
  const inv = await myInvitation(actor, surveyId, now);
  const final = clean(inv.survey.questions, answers);
  const missing = inv.survey.questions.filter((q) => q.required && !final[q.id]).map((q) => q.id);
  if (missing.length) return { ok: false as const, missing };
  const anonymous = inv.survey.anonymous;
  await prisma.$transaction(async (tx) => {
    const spent = await tx.surveyInvitation.updateMany({ where: { id: inv.id, submittedAt: null }, data: { submittedAt: now, draft: Prisma.DbNull } });
    if (spent.count !== 1) throw new AppError('CONFLICT');
    if (anonymous) {
      await tx.surveyPendingResponse.create({ data: { id: randomUUID(), schoolId: actor.schoolId, surveyId, audience: inv.audience, groupIds: inv.groupIds, answers: final } });
      return;
    }
    const responseId = randomUUID();
    await tx.surveyResponse.create({ data: { id: responseId, schoolId: actor.schoolId, surveyId, audience: inv.audience, groupIds: inv.groupIds, invitationId: inv.id } });
    await tx.surveyAnswer.createMany({ data: answerRows(responseId, actor.schoolId, final) });
  });
  // The answers are safe in the pool; if writing a batch fails now, the next submit or the job does it.
  if (anonymous) await writePendingResponses(surveyId, false).catch((e) => console.error('[surveys] writing a batch failed', e));
  return { ok: true as const };
}

function answerRows(responseId: string, schoolId: string, answers: Record<string, Answer>) {
  return Object.entries(answers).map(([questionId, a]) => ({
    responseId, schoolId, questionId, likert: a.likert ?? null, yes: a.yes ?? null, choices: a.choices ?? [], text: a.text?.trim() || null,
  }));
}

/** Fisher–Yates with a cryptographic source: the order a batch is written in must not be guessable. */
function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Move waiting answers of an anonymous survey into responses, in one transaction: all of them when
 * `all` (the survey has closed), otherwise only once 2 × MIN_GROUP_SIZE wait, a random selection that
 * leaves MIN_GROUP_SIZE behind. Returns how many were written.
 */
export async function writePendingResponses(surveyId: string, all: boolean): Promise<number> {
  return prisma.$transaction(async (tx) => {
    // One writer per survey at a time. NO KEY UPDATE does not wait for submits (their foreign-key
    // check only takes KEY SHARE), so answering never queues behind a batch.
    await tx.$queryRaw`SELECT id FROM "Survey" WHERE id = ${surveyId} FOR NO KEY UPDATE`;
    const pending = await tx.surveyPendingResponse.findMany({ where: { surveyId } });
    if (!pending.length || (!all && pending.length < 2 * MIN_GROUP_SIZE)) return 0;
    const mixed = shuffle(pending);
    const batch = all ? mixed : mixed.slice(0, mixed.length - MIN_GROUP_SIZE);
    // Fresh ids: the pool row's id was written in the spending transaction.
    const written = batch.map((p) => ({ p, id: randomUUID() }));
    await tx.surveyResponse.createMany({ data: written.map(({ p, id }) => ({ id, schoolId: p.schoolId, surveyId, audience: p.audience, groupIds: p.groupIds, invitationId: null })) });
    await tx.surveyAnswer.createMany({ data: written.flatMap(({ p, id }) => answerRows(id, p.schoolId, p.answers as Record<string, Answer>)) });
    await tx.surveyPendingResponse.deleteMany({ where: { id: { in: batch.map((p) => p.id) } } });
    return batch.length;
  });
}

/**
 * When an anonymous survey's results may be seen: a few minutes after the close, so that an answer
 * sent just before the close has landed and is written with the rest, never after the figures are out.
 */
export const RELEASE_DELAY_MS = 5 * 60_000;
export const resultsReleaseAt = (survey: { anonymous: boolean; opensAt: Date; closesAt: Date }) =>
  survey.anonymous ? new Date(+survey.closesAt + RELEASE_DELAY_MS) : survey.opensAt;

/**
 * Close a survey once its release time has passed: write every waiting answer and delete the drafts
 * of those who never sent. Idempotent; run by the job and before results are read. Returns whether it ran.
 */
export async function closeSurvey(survey: { id: string; anonymous: boolean; opensAt: Date; closesAt: Date }, now = new Date()) {
  if (now < new Date(+survey.closesAt + RELEASE_DELAY_MS)) return false;
  if (survey.anonymous) await writePendingResponses(survey.id, true);
  await prisma.$executeRaw`UPDATE "SurveyInvitation" SET draft = NULL WHERE "surveyId" = ${survey.id} AND draft IS NOT NULL`;
  return true;
}

/** The periodic job: close every survey that has closed and still holds drafts or waiting answers. */
export async function closeDueSurveys(now = new Date(), scope: { schoolId?: string } = {}) {
  // The job runs for every school; a scope keeps a caller (a test) to its own school's surveys.
  const schoolId = scope.schoolId ?? null;
  const due = await prisma.$queryRaw<{ id: string; anonymous: boolean; opensAt: Date; closesAt: Date }[]>`
    SELECT s.id, s.anonymous, s."opensAt", s."closesAt" FROM "Survey" s
    WHERE s."closesAt" < ${new Date(+now - RELEASE_DELAY_MS)}
      AND (${schoolId}::text IS NULL OR s."schoolId" = ${schoolId})
      AND (EXISTS (SELECT 1 FROM "SurveyPendingResponse" p WHERE p."surveyId" = s.id)
        OR EXISTS (SELECT 1 FROM "SurveyInvitation" i WHERE i."surveyId" = s.id AND i.draft IS NOT NULL))`;
  for (const s of due) await closeSurvey(s, now);
  return due.length;
}

/** The director shapes the questions (sections, types, required) until the first answer comes in. */
export async function updateSurveyQuestions(actor: Actor, surveyId: string, questions: EditQuestionsInput['questions']) {
  requireAtSchool(actor, 'survey', 'write');
  await prisma.$transaction(async (tx) => {
    const survey = await tx.survey.findFirst({ where: { id: surveyId, schoolId: actor.schoolId }, include: { _count: { select: { invitations: { where: { submittedAt: { not: null } } } } } } });
    if (!survey) throw new AppError('NOT_FOUND');
    // Counted on the invitations: an anonymous answer may still wait in the pool.
    if (survey._count.invitations > 0) throw new AppError('CONFLICT');
    // Lock out a submit that started before this edit: drafts refer to the old questions.
    await tx.surveyInvitation.updateMany({ where: { surveyId, submittedAt: null }, data: { draft: Prisma.DbNull } });
    await tx.surveyQuestion.deleteMany({ where: { surveyId } });
    await tx.surveyQuestion.createMany({
      data: questions.map((q, position) => ({ schoolId: actor.schoolId, surveyId, position, section: q.section, type: q.type, text: q.text, required: q.required, options: ['SINGLE', 'MULTI'].includes(q.type) ? q.options : [] })),
    });
  });
}

export async function surveyForEditing(actor: Actor, surveyId: string) {
  requireAtSchool(actor, 'survey', 'write');
  const survey = await prisma.survey.findFirst({ where: { id: surveyId, schoolId: actor.schoolId }, include: { questions: { orderBy: { position: 'asc' } }, _count: { select: { invitations: { where: { submittedAt: { not: null } } } } } } });
  if (!survey) throw new AppError('NOT_FOUND');
  return survey;
}
