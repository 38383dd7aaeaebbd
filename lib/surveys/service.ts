import 'server-only';
import { randomUUID } from 'node:crypto';
import { Prisma, type QuestionType, type SurveyAudience } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { formatTalkTime, zonedToUtc } from '@/lib/format/time';
import { translatorFor } from '@/lib/i18n/translator';
import { enqueueMail, kickMailDelivery } from '@/lib/mail/outbox';
import { currentSchoolYear } from '@/lib/school/year';
import type { Answer, CreateSurveyInput, EditQuestionsInput } from './schemas';
import { SURVEY_TEMPLATES } from './templates';

// Surveys: the director opens one from a template for guardians of chosen groups and/or the team.
// Every invited person answers once (the invitation is spent); answers save as you go on the
// invitation and move, on submit, into a response that in an anonymous survey has no link to them.

const audienceOf = (actor: Actor): SurveyAudience => (actor.role === 'GUARDIAN' ? 'GUARDIANS' : 'TEAM');

function directorOnly(actor: Actor) {
  if (actor.role !== 'DIRECTOR') throw new AppError('NOT_FOUND');
}

export async function createSurvey(actor: Actor, input: CreateSurveyInput) {
  directorOnly(actor);
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
        where: { schoolId: actor.schoolId, child: { enrolments: { some: { groupId: { in: groupIds } } } } },
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
    const users = await tx.user.findMany({ where: { id: { in: invitations.map((i) => i.userId) } }, select: { email: true, firstName: true, locale: true } });
    for (const u of users) {
      const t = await translatorFor(u.locale, 'mail.survey');
      const v = { name: u.firstName, title: s.title, until: formatTalkTime(s.closesAt, u.locale) };
      await enqueueMail(tx, { to: u.email, schoolId: actor.schoolId, kind: 'survey_invitation', subject: t('subject', v), text: t('body', v) });
    }
    return s;
  }, { timeout: 60_000 });
  kickMailDelivery();
  return survey;
}

export function directorSurveys(actor: Actor) {
  directorOnly(actor);
  return prisma.survey.findMany({
    where: { schoolId: actor.schoolId },
    orderBy: { opensAt: 'desc' },
    select: { id: true, title: true, opensAt: true, closesAt: true, anonymous: true, audiences: true, _count: { select: { invitations: true, responses: true } } },
  });
}

/** The surveys this person is invited to that are open now. */
export function mySurveys(actor: Actor, now = new Date()) {
  return prisma.surveyInvitation.findMany({
    where: { schoolId: actor.schoolId, userId: actor.userId, audience: audienceOf(actor), survey: { opensAt: { lte: now }, closesAt: { gte: now } } },
    select: { submittedAt: true, survey: { select: { id: true, title: true, closesAt: true } } },
  });
}

async function myInvitation(actor: Actor, surveyId: string, now: Date) {
  const inv = await prisma.surveyInvitation.findUnique({
    where: { surveyId_userId_audience: { surveyId, userId: actor.userId, audience: audienceOf(actor) } },
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

/** Submit once: the invitation is spent in the same transaction that stores the response. */
export async function submitSurvey(actor: Actor, surveyId: string, answers: Record<string, Answer>, now = new Date()) {
  const inv = await myInvitation(actor, surveyId, now);
  const final = clean(inv.survey.questions, answers);
  const missing = inv.survey.questions.filter((q) => q.required && !final[q.id]).map((q) => q.id);
  if (missing.length) return { ok: false as const, missing };
  await prisma.$transaction(async (tx) => {
    const spent = await tx.surveyInvitation.updateMany({ where: { id: inv.id, submittedAt: null }, data: { submittedAt: now, draft: Prisma.DbNull } });
    if (spent.count !== 1) throw new AppError('CONFLICT');
    const responseId = randomUUID();
    await tx.surveyResponse.create({
      data: { id: responseId, schoolId: actor.schoolId, surveyId, audience: inv.audience, groupIds: inv.groupIds, invitationId: inv.survey.anonymous ? null : inv.id },
    });
    await tx.surveyAnswer.createMany({
      data: Object.entries(final).map(([questionId, a]) => ({
        responseId, schoolId: actor.schoolId, questionId, likert: a.likert ?? null, yes: a.yes ?? null, choices: a.choices ?? [], text: a.text?.trim() || null,
      })),
    });
  });
  return { ok: true as const };
}

/** The director shapes the questions (sections, types, required) until the first answer comes in. */
export async function updateSurveyQuestions(actor: Actor, surveyId: string, questions: EditQuestionsInput['questions']) {
  directorOnly(actor);
  await prisma.$transaction(async (tx) => {
    const survey = await tx.survey.findFirst({ where: { id: surveyId, schoolId: actor.schoolId }, include: { _count: { select: { responses: true } } } });
    if (!survey) throw new AppError('NOT_FOUND');
    if (survey._count.responses > 0) throw new AppError('CONFLICT');
    // Lock out a submit that started before this edit: drafts refer to the old questions.
    await tx.surveyInvitation.updateMany({ where: { surveyId, submittedAt: null }, data: { draft: Prisma.DbNull } });
    await tx.surveyQuestion.deleteMany({ where: { surveyId } });
    await tx.surveyQuestion.createMany({
      data: questions.map((q, position) => ({ schoolId: actor.schoolId, surveyId, position, section: q.section, type: q.type, text: q.text, required: q.required, options: ['SINGLE', 'MULTI'].includes(q.type) ? q.options : [] })),
    });
  });
}

export async function surveyForEditing(actor: Actor, surveyId: string) {
  directorOnly(actor);
  const survey = await prisma.survey.findFirst({ where: { id: surveyId, schoolId: actor.schoolId }, include: { questions: { orderBy: { position: 'asc' } }, _count: { select: { responses: true } } } });
  if (!survey) throw new AppError('NOT_FOUND');
  return survey;
}
