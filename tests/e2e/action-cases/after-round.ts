import { expect } from '@playwright/test';
import { LOGINS } from '../support';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// The survey after a talk round (lib/surveys/after-round.ts): the director opens it from the round
// page once a talk has taken place; the families who had one are invited. Fixtures are at the second
// demo school (a new group, family and director), so no demo family is invited and the demo school's
// survey list stays as seeded; the outsider is the demo school's director.

const START = 'lib/surveys/actions.ts#startAfterRoundAction';
const SCHOOL = 'de-regenboog';
const DAY = 86_400_000;

/** A round on a new group whose family booked the first slot; with `held`, its slots moved into the past (the talk took place). */
async function roundOf(k: Kit, held: boolean) {
  const s = await k.school(SCHOOL);
  const g = await k.db.group.create({ data: { schoolId: s.id, schoolYearId: s.year.id, name: `Na ronde ${k.uid()}`, grade: 6 } });
  const fam = await k.family({ school: SCHOOL, group: g.name });
  const director = await k.staff({ role: 'DIRECTOR', school: SCHOOL });
  const teacher = await k.staff({ role: 'TEACHER', school: SCHOOL, groups: [g.name] });
  const round = await k.round({ school: SCHOOL, groups: [g.name] });
  const slots = round.slots[g.name];
  await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
  // The round's day is three school weeks ahead (later across a holiday): the evening moves to two days ago.
  const back = +slots[0].startsAt - (Date.now() - 2 * DAY);
  if (held) for (const slot of slots) await k.db.slot.update({ where: { id: slot.id }, data: { startsAt: new Date(+slot.startsAt - back), endsAt: new Date(+slot.startsAt - back + 15 * 60_000) } });
  return { s, g, fam, director, teacher, round };
}
type Round = Awaited<ReturnType<typeof roundOf>>;

const surveyOf = (k: Kit, r: Round) => () =>
  k.db.survey.findMany({
    where: { roundId: r.round.id },
    select: {
      schoolId: true, templateKey: true, title: true, anonymous: true, audiences: true, groupIds: true, createdById: true, opensAt: true, closesAt: true,
      questions: { orderBy: { position: 'asc' }, select: { type: true, text: true, required: true } },
      invitations: { select: { userId: true, audience: true, groupIds: true } },
    },
  });
const invitationMails = (k: Kit, r: Round) => k.db.outboxMail.count({ where: { to: r.fam.guardians[0].email, kind: 'survey_invitation' } });
const written = (k: Kit, r: Round) => async () => [await surveyOf(k, r)(), await invitationMails(k, r)];

export const cases: ActionCases = {
  [START]: {
    allowed: async (k) => {
      const r = await roundOf(k, true);
      const answer = await k.call(START, [null, k.form({ roundId: r.round.id })], r.director.cookie);
      const [survey] = await surveyOf(k, r)();
      expect(answer).toEqual({ result: { ok: true, data: { surveyId: expect.any(String), created: true, invited: 1 } } });
      expect(survey).toEqual({
        schoolId: r.s.id, templateKey: 'after_round', title: `Hoe was het gesprek? ${r.round.name}`, anonymous: true, audiences: ['GUARDIANS'], groupIds: [r.g.id], createdById: r.director.id,
        opensAt: expect.any(Date), closesAt: new Date(+survey.opensAt + 14 * DAY),
        questions: [{ type: 'LIKERT', text: 'Het gesprek was nuttig.', required: true }, { type: 'OPEN', text: 'Wat kan beter?', required: false }],
        // The parent who had the talk; not the teacher, nobody else.
        invitations: [{ userId: r.fam.guardians[0].id, audience: 'GUARDIANS', groupIds: [r.g.id] }],
      });
      expect(await invitationMails(k, r)).toBe(1);
      // Opened again: the same survey, nobody invited twice.
      await k.unchanged(written(k, r), async () => {
        expect(await k.call(START, [null, k.form({ roundId: r.round.id })], r.director.cookie)).toEqual({ result: { ok: true, data: { surveyId: (answer as { result: { data: { surveyId: string } } }).result.data.surveyId, created: false, invited: 0 } } });
      });
    },
    outsider: async (k) => {
      const r = await roundOf(k, true);
      await k.unchanged(written(k, r), async () => {
        expect(await k.call(START, [null, k.form({ roundId: r.round.id })], await k.cookie(LOGINS.director))).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
        // The director's alone: the group's teacher and the parent get the 404 page.
        expect(await k.call(START, [null, k.form({ roundId: r.round.id })], r.teacher.cookie)).toEqual({ notFound: true });
        expect(await k.call(START, [null, k.form({ roundId: r.round.id })], r.fam.guardians[0].cookie)).toEqual({ notFound: true });
      });
      expect(await surveyOf(k, r)()).toEqual([]);
    },
    badInput: async (k) => {
      // Before the first talk there is nobody to ask.
      const r = await roundOf(k, false);
      await k.unchanged(written(k, r), async () => {
        expect(await k.call(START, [null, k.form({ roundId: r.round.id })], r.director.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { roundId: ['afterRound.noTalksYet'] } } });
        expect(await k.call(START, [null, k.form({})], r.director.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { roundId: ['required'] } } });
      });
      expect(await surveyOf(k, r)()).toEqual([]);
    },
  },
};
