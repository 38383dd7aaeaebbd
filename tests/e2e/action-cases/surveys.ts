import { expect } from '@playwright/test';
import { SURVEY_TEMPLATES } from '@/lib/surveys/templates';
import { dayIn, LOGINS } from '../support';
import type { ActionCases, Kit } from './types';

// Surveys (lib/surveys): the director of the school creates, edits, follows up and reminds; only the
// invited answer. Fixtures are at the second demo school (a new group, family and director), so no
// demo family is invited and no summary shows on the demo's parents' home page; the outsider is the
// demo school's director.

const K = (name: string) => `lib/surveys/actions.ts#${name}`;
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const invalid = (fieldErrors: Record<string, string[]>) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors } });
const SCHOOL = 'de-regenboog';
const DAY = 86_400_000;

async function setting(k: Kit) {
  const s = await k.school(SCHOOL);
  const group = await k.db.group.create({ data: { schoolId: s.id, schoolYearId: s.year.id, name: `Enquete ${k.uid()}`, grade: 8 } });
  const family = await k.family({ school: SCHOOL, group: group.name });
  const director = await k.staff({ role: 'DIRECTOR', school: SCHOOL });
  return { s, group, family, director };
}
type Setting = Awaited<ReturnType<typeof setting>>;

/** An open, named survey for the setting's group: one required 1–5 question and one open one; the family invited. */
async function survey(k: Kit, c: Setting, anonymous = false) {
  const s = await k.db.survey.create({
    data: { schoolId: c.s.id, title: `Tevredenheid ${k.uid()}`, intro: '', anonymous, audiences: ['GUARDIANS'], groupIds: [c.group.id], opensAt: new Date(Date.now() - DAY), closesAt: new Date(Date.now() + 7 * DAY), createdById: c.director.id },
  });
  await k.db.surveyQuestion.createMany({
    data: [
      { schoolId: c.s.id, surveyId: s.id, section: 'Algemeen', position: 0, type: 'LIKERT', text: 'Hoe tevreden bent u?', required: true },
      { schoolId: c.s.id, surveyId: s.id, section: 'Algemeen', position: 1, type: 'OPEN', text: 'Wilt u nog iets kwijt?', required: false },
    ],
  });
  await k.db.surveyInvitation.create({ data: { schoolId: c.s.id, surveyId: s.id, userId: c.family.guardians[0].id, audience: 'GUARDIANS', groupIds: [c.group.id] } });
  const [likert, open] = await k.db.surveyQuestion.findMany({ where: { surveyId: s.id }, orderBy: { position: 'asc' } });
  return { ...s, likert, open };
}

const invitations = (k: Kit, surveyId: string) => k.db.surveyInvitation.findMany({ where: { surveyId }, select: { userId: true, draft: true, submittedAt: true, remindedAt: true } });
const surveyRow = (k: Kit, id: string) => k.db.survey.findUniqueOrThrow({ where: { id }, select: { summary: true, summaryPublishedAt: true, questions: { orderBy: { position: 'asc' }, select: { section: true, type: true, text: true, required: true, options: true } }, actions: { select: { heard: true, evalGoal: true, evaluatedAt: true } } } });
const bySchool = (k: Kit, schoolId: string) => k.db.survey.findMany({ where: { schoolId }, select: { id: true } });

const createForm = (groupIds: string[], over: Record<string, string> = {}) => ({
  templateKey: 'satisfaction', title: 'Oudertevredenheid', audiences: 'GUARDIANS', groupIds, anonymous: 'on', opensAt: `${dayIn(1)}T08:00`, closesAt: `${dayIn(14)}T17:00`, ...over,
});

export const cases: ActionCases = {
  [K('createSurveyAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      expect(await k.call(K('createSurveyAction'), [null, k.form(createForm([c.group.id]))], c.director.cookie)).toEqual({ result: { ok: true } });
      const template = SURVEY_TEMPLATES.find((t) => t.key === 'satisfaction')!;
      expect(await k.db.survey.findMany({ where: { createdById: c.director.id }, select: { schoolId: true, title: true, anonymous: true, audiences: true, groupIds: true, invitations: { select: { userId: true, audience: true, groupIds: true } }, _count: { select: { questions: true } } } })).toEqual([{
        schoolId: c.s.id, title: 'Oudertevredenheid', anonymous: true, audiences: ['GUARDIANS'], groupIds: [c.group.id],
        // Only the new group's one family is invited; the questions are the template's.
        invitations: [{ userId: c.family.guardians[0].id, audience: 'GUARDIANS', groupIds: [c.group.id] }], _count: { questions: template.sections.flatMap((x) => x.questions).length },
      }]);
      expect(await k.db.outboxMail.count({ where: { to: c.family.guardians[0].email, kind: 'survey_invitation' } })).toBe(1);
    },
    outsider: async (k) => {
      // A group of another school is not found.
      const c = await setting(k);
      const demoGroup = await k.group('3A');
      await k.unchanged(() => bySchool(k, c.s.id), async () => {
        expect(await k.call(K('createSurveyAction'), [null, k.form(createForm([demoGroup.id]))], c.director.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const c = await setting(k);
      await k.unchanged(() => bySchool(k, c.s.id), async () => {
        expect(await k.call(K('createSurveyAction'), [null, k.form(createForm([c.group.id], { opensAt: `${dayIn(14)}T08:00`, closesAt: `${dayIn(1)}T17:00` }))], c.director.cookie)).toEqual(invalid({ closesAt: ['deadlineBeforeOpening'] }));
      });
    },
  },

  [K('saveSurveyDraftAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      expect(await k.call(K('saveSurveyDraftAction'), [{ surveyId: s.id, answers: { [s.likert.id]: { likert: 4 } } }], c.family.guardians[0].cookie)).toEqual({ result: { ok: true } });
      expect(await invitations(k, s.id)).toEqual([{ userId: c.family.guardians[0].id, draft: { [s.likert.id]: { likert: 4 } }, submittedAt: null, remindedAt: null }]);
    },
    outsider: async (k) => {
      // A guardian of another group, not invited.
      const [c, other] = [await setting(k), await setting(k)];
      const s = await survey(k, c);
      await k.unchanged(() => invitations(k, s.id), async () => {
        expect(await k.call(K('saveSurveyDraftAction'), [{ surveyId: s.id, answers: { [s.likert.id]: { likert: 4 } } }], other.family.guardians[0].cookie)).toEqual(NOT_FOUND);
      });
      expect(await invitations(k, s.id).then((r) => r.map((i) => i.userId))).toEqual([c.family.guardians[0].id]);
    },
    badInput: async (k) => {
      // An answer to a question the survey does not have.
      const c = await setting(k);
      const s = await survey(k, c);
      const other = await survey(k, c);
      await k.unchanged(() => invitations(k, s.id), async () => {
        expect(await k.call(K('saveSurveyDraftAction'), [{ surveyId: s.id, answers: { [other.likert.id]: { likert: 4 } } }], c.family.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT' } });
      });
    },
  },

  [K('submitSurveyAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      expect(await k.call(K('submitSurveyAction'), [{ surveyId: s.id, answers: { [s.likert.id]: { likert: 5 }, [s.open.id]: { text: 'Fijne school' } } }], c.family.guardians[0].cookie)).toEqual({ result: { ok: true } });
      expect(await invitations(k, s.id)).toEqual([{ userId: c.family.guardians[0].id, draft: null, submittedAt: expect.any(Date), remindedAt: null }]);
      const responses = await k.db.surveyResponse.findMany({ where: { surveyId: s.id }, select: { audience: true, groupIds: true, answers: { orderBy: { questionId: 'asc' }, select: { questionId: true, likert: true, text: true } } } });
      expect(responses).toEqual([{ audience: 'GUARDIANS', groupIds: [c.group.id], answers: [{ questionId: s.likert.id, likert: 5, text: null }, { questionId: s.open.id, likert: null, text: 'Fijne school' }].sort((a, b) => a.questionId.localeCompare(b.questionId)) }]);
    },
    outsider: async (k) => {
      const [c, other] = [await setting(k), await setting(k)];
      const s = await survey(k, c);
      await k.unchanged(async () => [await invitations(k, s.id), await k.db.surveyResponse.count({ where: { surveyId: s.id } })], async () => {
        expect(await k.call(K('submitSurveyAction'), [{ surveyId: s.id, answers: { [s.likert.id]: { likert: 1 } } }], other.family.guardians[0].cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      // The required question left open: named, nothing sent.
      const c = await setting(k);
      const s = await survey(k, c);
      await k.unchanged(async () => [await invitations(k, s.id), await k.db.surveyResponse.count({ where: { surveyId: s.id } })], async () => {
        expect(await k.call(K('submitSurveyAction'), [{ surveyId: s.id, answers: { [s.open.id]: { text: 'Alleen dit' } } }], c.family.guardians[0].cookie)).toEqual(invalid({ [s.likert.id]: ['required'] }));
      });
    },
  },

  [K('addActionAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      const fields = { surveyId: s.id, questionId: s.likert.id, heard: 'Ouders willen vaker horen hoe het gaat.', action: 'Elke maand een kort bericht.', owner: 'Directie', startsOn: dayIn(1), dueOn: dayIn(90) };
      expect(await k.call(K('addActionAction'), [null, k.form(fields)], c.director.cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.surveyAction.findMany({ where: { surveyId: s.id }, select: { schoolId: true, questionId: true, heard: true, action: true, owner: true, startsOn: true, dueOn: true } })).toEqual([
        { schoolId: c.s.id, questionId: s.likert.id, heard: fields.heard, action: fields.action, owner: 'Directie', startsOn: new Date(`${dayIn(1)}T00:00:00Z`), dueOn: new Date(`${dayIn(90)}T00:00:00Z`) },
      ]);
    },
    outsider: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      await k.unchanged(() => surveyRow(k, s.id), async () => {
        expect(await k.call(K('addActionAction'), [null, k.form({ surveyId: s.id, heard: 'x', action: 'y', owner: 'z', startsOn: dayIn(1), dueOn: dayIn(2) })], await k.cookie(LOGINS.director))).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      await k.unchanged(() => surveyRow(k, s.id), async () => {
        expect(await k.call(K('addActionAction'), [null, k.form({ surveyId: s.id, heard: 'x', action: 'y', owner: 'z', startsOn: dayIn(10), dueOn: dayIn(2) })], c.director.cookie)).toEqual(invalid({ dueOn: ['deadlineBeforeOpening'] }));
      });
    },
  },

  [K('evaluateActionAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      const a = await k.db.surveyAction.create({ data: { schoolId: c.s.id, surveyId: s.id, heard: 'h', action: 'a', owner: 'o', startsOn: new Date(), dueOn: new Date() } });
      const form = { surveyId: s.id, actionId: a.id, goal: 'Vaker contact', results: 'Negen berichten verstuurd', bottlenecks: '', nextSteps: 'Doorgaan' };
      expect(await k.call(K('evaluateActionAction'), [null, k.form(form)], c.director.cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.surveyAction.findUniqueOrThrow({ where: { id: a.id }, select: { evalGoal: true, evalResults: true, evalBottlenecks: true, evalNextSteps: true, evaluatedAt: true } })).toEqual({
        evalGoal: 'Vaker contact', evalResults: 'Negen berichten verstuurd', evalBottlenecks: '', evalNextSteps: 'Doorgaan', evaluatedAt: expect.any(Date),
      });
    },
    outsider: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      const a = await k.db.surveyAction.create({ data: { schoolId: c.s.id, surveyId: s.id, heard: 'h', action: 'a', owner: 'o', startsOn: new Date(), dueOn: new Date() } });
      await k.unchanged(() => k.db.surveyAction.findUniqueOrThrow({ where: { id: a.id } }), async () => {
        expect(await k.call(K('evaluateActionAction'), [null, k.form({ surveyId: s.id, actionId: a.id, goal: 'g', results: 'r', bottlenecks: '', nextSteps: 'n' })], await k.cookie(LOGINS.director))).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      const a = await k.db.surveyAction.create({ data: { schoolId: c.s.id, surveyId: s.id, heard: 'h', action: 'a', owner: 'o', startsOn: new Date(), dueOn: new Date() } });
      await k.unchanged(() => k.db.surveyAction.findUniqueOrThrow({ where: { id: a.id } }), async () => {
        expect(await k.call(K('evaluateActionAction'), [null, k.form({ surveyId: s.id, actionId: a.id, goal: '', results: 'r', bottlenecks: '', nextSteps: 'n' })], c.director.cookie)).toEqual(invalid({ goal: ['required'] }));
      });
    },
  },

  [K('publishSummaryAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      expect(await k.call(K('publishSummaryAction'), [null, k.form({ surveyId: s.id, summary: 'Dank u! Dit hoorden we.' })], c.director.cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.survey.findUniqueOrThrow({ where: { id: s.id }, select: { summary: true, summaryPublishedAt: true } })).toEqual({ summary: 'Dank u! Dit hoorden we.', summaryPublishedAt: expect.any(Date) });
    },
    outsider: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      await k.unchanged(() => surveyRow(k, s.id), async () => {
        expect(await k.call(K('publishSummaryAction'), [null, k.form({ surveyId: s.id, summary: 'Van een andere school' })], await k.cookie(LOGINS.director))).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      await k.unchanged(() => surveyRow(k, s.id), async () => {
        expect(await k.call(K('publishSummaryAction'), [null, k.form({ surveyId: s.id, summary: '   ' })], c.director.cookie)).toEqual(invalid({ summary: ['required'] }));
      });
    },
  },

  [K('remindSurveyAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      expect(await k.call(K('remindSurveyAction'), [null, k.form({ surveyId: s.id })], c.director.cookie)).toEqual({ result: { ok: true, data: { sent: 1 } } });
      expect(await invitations(k, s.id)).toEqual([{ userId: c.family.guardians[0].id, draft: null, submittedAt: null, remindedAt: expect.any(Date) }]);
      expect(await k.db.outboxMail.count({ where: { to: c.family.guardians[0].email, kind: 'survey_reminder' } })).toBe(1);
    },
    outsider: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      await k.unchanged(() => invitations(k, s.id), async () => {
        expect(await k.call(K('remindSurveyAction'), [null, k.form({ surveyId: s.id })], await k.cookie(LOGINS.director))).toEqual(NOT_FOUND);
      });
      expect(await k.db.outboxMail.count({ where: { to: c.family.guardians[0].email, kind: 'survey_reminder' } })).toBe(0);
    },
    badInput: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      await k.unchanged(() => invitations(k, s.id), async () => {
        expect(await k.call(K('remindSurveyAction'), [null, k.form({})], c.director.cookie)).toEqual(invalid({ surveyId: ['required'] }));
      });
    },
  },

  [K('editQuestionsAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      const questions = [
        { section: 'Contact', type: 'SINGLE', text: 'Hoe wilt u bericht krijgen?', required: true, options: ['Mail', 'Portaal'] },
        { section: 'Contact', type: 'OPEN', text: 'Verder nog iets?', required: false, options: ['genegeerd'] },
      ];
      expect(await k.call(K('editQuestionsAction'), [{ surveyId: s.id, questions }], c.director.cookie)).toEqual({ result: { ok: true } });
      // Options only for choice questions.
      expect((await surveyRow(k, s.id)).questions).toEqual([questions[0], { ...questions[1], options: [] }]);
    },
    outsider: async (k) => {
      const c = await setting(k);
      const s = await survey(k, c);
      await k.unchanged(() => surveyRow(k, s.id), async () => {
        expect(await k.call(K('editQuestionsAction'), [{ surveyId: s.id, questions: [{ section: 'X', type: 'OPEN', text: 'Y', required: false, options: [] }] }], await k.cookie(LOGINS.director))).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      // A choice question needs at least two options.
      const c = await setting(k);
      const s = await survey(k, c);
      await k.unchanged(() => surveyRow(k, s.id), async () => {
        expect(await k.call(K('editQuestionsAction'), [{ surveyId: s.id, questions: [{ section: 'X', type: 'SINGLE', text: 'Y', required: true, options: ['Alleen ja'] }] }], c.director.cookie)).toEqual(invalid({ questions: ['needsOptions'] }));
      });
    },
  },
};
