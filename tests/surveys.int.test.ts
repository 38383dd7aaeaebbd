import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { addSurveyAction, evaluateSurveyAction, publishedSummaries, publishSummary, remindSurvey } from '@/lib/surveys/feedback';
import { surveyCsv, surveyResults } from '@/lib/surveys/results';
import { editQuestionsSchema } from '@/lib/surveys/schemas';
import { createSurvey, mySurveys, saveSurveyDraft, submitSurvey, surveyForRespondent, updateSurveyQuestions } from '@/lib/surveys/service';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

const NOW = new Date('2026-11-20T12:00:00Z');
let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const other = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const otherDirector = await createUser(other.school.id, 'DIRECTOR');
  const big = await createGroup(school.id, year.id, '5A');
  const small = await createGroup(school.id, year.id, '7B');
  const bigFamilies = await Promise.all(Array.from({ length: 6 }, () => createFamily(school.id, year.id, [big.id])));
  const smallFamilies = await Promise.all(Array.from({ length: 3 }, () => createFamily(school.id, year.id, [small.id])));
  const survey = await createSurvey(director.actor, {
    templateKey: 'schoolscan', audiences: ['GUARDIANS', 'TEAM'], groupIds: [big.id, small.id], anonymous: true, opensAt: '2026-11-16T08:00', closesAt: '2026-11-30T17:00',
  });
  return { school, director, teacher, otherDirector, big, small, bigFamilies, smallFamilies, survey };
}
beforeAll(async () => {
  w = await world();
});

async function answerAll(actor: Parameters<typeof submitSurvey>[0], likert: number) {
  const { survey } = await surveyForRespondent(actor, w.survey.id, NOW);
  const answers = Object.fromEntries(survey.questions.map((q) => [q.id, { likert }]));
  return submitSurvey(actor, w.survey.id, answers, NOW);
}

describe('surveys', () => {
  it('invites the guardians of the chosen groups and the team, once each, by mail', async () => {
    expect(await prisma.surveyInvitation.count({ where: { surveyId: w.survey.id, audience: 'GUARDIANS' } })).toBe(9);
    expect(await prisma.surveyInvitation.count({ where: { surveyId: w.survey.id, audience: 'TEAM' } })).toBe(2);
    expect(await prisma.outboxMail.count({ where: { kind: 'survey_invitation', to: w.teacher.user.email } })).toBe(1);
    expect((await mySurveys(w.bigFamilies[0].guardians[0].actor, NOW)).map((s) => s.survey.id)).toEqual([w.survey.id]);
  });

  it('saves answers as you go, resumes them, refuses an incomplete submit, and takes one response per person', async () => {
    const parent = w.bigFamilies[0].guardians[0].actor;
    const { survey } = await surveyForRespondent(parent, w.survey.id, NOW);
    const [q1, q2] = survey.questions;
    await saveSurveyDraft(parent, w.survey.id, { [q1.id]: { likert: 4 } }, NOW);
    expect((await surveyForRespondent(parent, w.survey.id, NOW)).draft[q1.id]).toEqual({ likert: 4 });
    const partial = await submitSurvey(parent, w.survey.id, { [q1.id]: { likert: 4 } }, NOW);
    expect(partial.ok).toBe(false);
    expect(partial.ok === false && partial.missing).toContain(q2.id);
    expect(await prisma.surveyResponse.count({ where: { surveyId: w.survey.id } })).toBe(0);
    expect((await answerAll(parent, 4)).ok).toBe(true);
    await expect(answerAll(parent, 1)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(surveyForRespondent(parent, w.survey.id, new Date('2026-12-01T12:00:00Z'))).rejects.toMatchObject({ code: 'ROUND_NOT_OPEN' });
  });

  it('anonymous: the stored response has no link to the person, and drafts are gone after submitting', async () => {
    const responses = await prisma.surveyResponse.findMany({ where: { surveyId: w.survey.id } });
    expect(responses.every((r) => r.invitationId === null)).toBe(true);
    expect(Object.keys(responses[0]).sort()).toEqual(['audience', 'groupIds', 'id', 'invitationId', 'schoolId', 'surveyId']);
    const inv = await prisma.surveyInvitation.findFirstOrThrow({ where: { surveyId: w.survey.id, userId: w.bigFamilies[0].guardians[0].user.id } });
    expect([inv.draft, !!inv.submittedAt]).toEqual([null, true]);
  });

  it('results: parents vs team, small groups and a small team hidden, computed in SQL; CSV export', async () => {
    for (const f of w.bigFamilies.slice(1)) await answerAll(f.guardians[0].actor, 5);
    for (const f of w.smallFamilies) await answerAll(f.guardians[0].actor, 2);
    await answerAll(w.teacher.actor, 3);
    const r = await surveyResults(w.director.actor, w.survey.id);
    const q = r.questions[0];
    const parents = q.per.find((p) => p.audience === 'GUARDIANS')!;
    const team = q.per.find((p) => p.audience === 'TEAM')!;
    expect(parents).toMatchObject({ n: 9, hidden: false });
    expect(parents.mean).toBeCloseTo((4 + 5 * 5 + 2 * 3) / 9, 5);
    expect(parents.distribution.find((d) => d.value === '5')?.n).toBe(5);
    expect(team).toMatchObject({ n: 1, hidden: true, mean: null, distribution: [] });
    expect(q.byGroup.find((g) => g.name === '7B')).toMatchObject({ n: 3, hidden: true, mean: null });
    expect(q.byGroup.find((g) => g.name === '5A')).toMatchObject({ n: 6, hidden: false });
    expect(r.rates.find((x) => x.audience === 'GUARDIANS')).toMatchObject({ invited: 9, answered: 9 });
    const csv = await surveyCsv(w.director.actor, w.survey.id);
    expect(csv).toContain('sectie;vraag;publiek;antwoord;aantal;gemiddelde;spreiding');
    expect(csv).toContain('TEAM;(minder dan 5 antwoorden)');
  });

  it('results are the director’s, of their own school only', async () => {
    await expect(surveyResults(w.teacher.actor, w.survey.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(surveyResults(w.otherDirector.actor, w.survey.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(surveyForRespondent(w.otherDirector.actor, w.survey.id, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('feedback loop', () => {
  it('reminds only who has not answered, records actions with an evaluation, and publishes a summary to parents', async () => {
    // Everyone but the director has answered by now.
    expect(await remindSurvey(w.director.actor, w.survey.id, NOW)).toBe(1);
    expect(await prisma.outboxMail.count({ where: { kind: 'survey_reminder', to: w.director.user.email } })).toBe(1);
    expect(await prisma.outboxMail.count({ where: { kind: 'survey_reminder', to: w.teacher.user.email } })).toBe(0);

    const q = (await prisma.surveyQuestion.findFirstOrThrow({ where: { surveyId: w.survey.id }, orderBy: { position: 'asc' } })).id;
    const action = await addSurveyAction(w.director.actor, w.survey.id, { questionId: q, heard: 'Ouders willen vaker horen hoe het gaat.', action: 'Na elk gesprek een korte samenvatting in het portaal.', owner: 'Team onderbouw', startsOn: '2026-12-01', dueOn: '2027-02-01' });
    await evaluateSurveyAction(w.director.actor, action.id, { goal: 'Ouders beter informeren', results: 'Gedaan in alle groepen', bottlenecks: '', nextSteps: 'Doorgaan' });
    await expect(evaluateSurveyAction(w.otherDirector.actor, action.id, { goal: 'x', results: 'x', bottlenecks: '', nextSteps: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await publishSummary(w.director.actor, w.survey.id, 'Dank voor het invullen! Dit gaan we doen.');
    const [summary] = await publishedSummaries(w.bigFamilies[0].guardians[0].actor);
    expect(summary.summary).toBe('Dank voor het invullen! Dit gaan we doen.');
    expect(summary.actions.map((a) => a.owner)).toEqual(['Team onderbouw']);
    await expect(publishSummary(w.teacher.actor, w.survey.id, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('builder', () => {
  it('the director reshapes the questions until the first answer, then they are fixed', async () => {
    const s = await createSurvey(w.director.actor, { templateKey: 'school_kind', audiences: ['GUARDIANS'], groupIds: [w.small.id], anonymous: false, opensAt: '2026-11-16T08:00', closesAt: '2026-11-30T17:00' });
    const questions = [
      { section: 'Contact', type: 'LIKERT' as const, text: 'De leerkracht is goed bereikbaar.', required: true, options: [] },
      { section: 'Contact', type: 'SINGLE' as const, text: 'Hoe wilt u informatie krijgen?', required: false, options: ['Portaal', 'E-mail', 'Papier'] },
      { section: 'Tot slot', type: 'OPEN' as const, text: 'Wat wilt u nog kwijt?', required: false, options: [] },
    ];
    expect(editQuestionsSchema.safeParse({ surveyId: s.id, questions: [{ ...questions[1], options: ['Alleen'] }] }).success).toBe(false);
    await expect(updateSurveyQuestions(w.teacher.actor, s.id, questions)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await updateSurveyQuestions(w.director.actor, s.id, questions);
    const stored = await prisma.surveyQuestion.findMany({ where: { surveyId: s.id }, orderBy: { position: 'asc' } });
    expect(stored.map((q) => [q.section, q.type, q.required, q.options.length])).toEqual([['Contact', 'LIKERT', true, 0], ['Contact', 'SINGLE', false, 3], ['Tot slot', 'OPEN', false, 0]]);

    const parent = w.smallFamilies[0].guardians[0].actor;
    expect((await submitSurvey(parent, s.id, { [stored[0].id]: { likert: 5 }, [stored[1].id]: { choices: ['Portaal'] } }, NOW)).ok).toBe(true);
    // Named survey: the response says whose it is.
    expect((await prisma.surveyResponse.findFirstOrThrow({ where: { surveyId: s.id } })).invitationId).not.toBeNull();
    await expect(updateSurveyQuestions(w.director.actor, s.id, questions)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
