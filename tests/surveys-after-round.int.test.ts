import { beforeAll, describe, expect, it } from 'vitest';
import { bookTalks, createRound } from '@/lib/bookings/service';
import { prisma } from '@/lib/db';
import { createDefaultStages } from '@/lib/school/stages';
import { afterRoundResults, inviteAfterRound, startAfterRound } from '@/lib/surveys/after-round';
import { submitSurvey, surveyForRespondent } from '@/lib/surveys/service';
import { base } from './support/booking-world';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The two questions after a talk round. Talks on 17 November 2026, 19:00-21:00 in Amsterdam
// (18:00-20:00Z), 10 minutes each: slot i starts at 18:00Z + 10·i minutes.
const OPEN = new Date('2026-11-10T12:00:00Z');
const EARLY = new Date('2026-11-17T18:35:00Z'); // slots 0-3 have started
const ENDED = new Date('2026-11-17T20:30:00Z');
const ANSWERING = new Date('2026-11-18T10:00:00Z');
const RELEASED = new Date('2026-12-02T12:00:00Z'); // the survey closes 14 days after EARLY, plus 5 minutes

type Family = Awaited<ReturnType<typeof createFamily>>;
let w: Awaited<ReturnType<typeof world>>;

async function world() {
  const { school, year } = await createSchool();
  await prisma.$transaction((tx) => createDefaultStages(tx, school.id));
  const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'well_being' } });
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const g3 = await createGroup(school.id, year.id, '3A', [teacher.user.id]);
  const g5 = await createGroup(school.id, year.id, '5B');
  const g6 = await createGroup(school.id, year.id, '6B');
  const fam = (groups: string[], opts: Parameters<typeof createFamily>[3] = {}) => createFamily(school.id, year.id, groups, opts);
  const singles3 = await Promise.all(Array.from({ length: 8 }, () => fam([g3.id])));
  const singles5 = await Promise.all(Array.from({ length: 5 }, () => fam([g5.id])));
  const informationOnly = await fam([g5.id], { guardians: 2, informationOnly: true }); // the second parent has the right to information only
  const siblings = await fam([g3.id, g6.id], { guardians: 2 }); // one household, two parents, a child in 3A and one in 6B
  const separated = await fam([g6.id], { guardians: 2, separated: true }); // two households; the first books its own talk
  const noShow = await fam([g3.id]);
  const noTalk = await fam([g3.id]);
  const { round } = await createRound(director.actor, {
    ...base,
    stageId: stage.id,
    name: 'Welbevindengesprekken',
    groupIds: [g3.id, g5.id, g6.id],
    blocks: [{ startsAt: '2026-11-17T19:00', endsAt: '2026-11-17T21:00' }],
    separateTalksAllowed: true,
  });
  const slots = await prisma.slot.findMany({ where: { roundId: round.id }, orderBy: { startsAt: 'asc' } });
  const slot = (groupId: string, i: number) => slots.filter((s) => s.groupId === groupId)[i].id;
  const book = (f: Family, items: [number, string, number][]) =>
    bookTalks(f.guardians[0].actor, { roundId: round.id, items: items.map(([child, groupId, i]) => ({ childId: f.children[child].id, slotId: slot(groupId, i) })) }, OPEN);
  for (const [i, f] of singles3.entries()) await book(f, [[0, g3.id, i]]);
  for (const [i, f] of singles5.entries()) await book(f, [[0, g5.id, i]]);
  await book(informationOnly, [[0, g5.id, 5]]);
  await book(siblings, [[0, g3.id, 9], [1, g6.id, 5]]);
  await book(separated, [[0, g6.id, 0]]);
  await book(noShow, [[0, g3.id, 10]]);
  await prisma.booking.updateMany({ where: { childId: noShow.children[0].id }, data: { attendance: 'NO_SHOW' } });
  await prisma.booking.updateMany({ where: { roundId: round.id, childId: { in: singles3.slice(0, 4).map((f) => f.children[0].id) } }, data: { attendance: 'HELD' } });

  // Last September's round at the same school (long over) and a round at another school that ended the same evening.
  const { round: old } = await createRound(director.actor, { ...base, stageId: stage.id, name: 'Oudervertelgesprekken', groupIds: [g3.id], opensAt: '2026-09-01T19:00', deadline: '2026-09-10T12:00', blocks: [{ startsAt: '2026-09-15T19:00', endsAt: '2026-09-15T20:00' }] });
  const oldSlot = await prisma.slot.findFirstOrThrow({ where: { roundId: old.id }, orderBy: { startsAt: 'asc' } });
  await bookTalks(singles3[0].guardians[0].actor, { roundId: old.id, items: [{ childId: singles3[0].children[0].id, slotId: oldSlot.id }] }, new Date('2026-09-02T12:00:00Z'));
  const other = await createSchool();
  await prisma.$transaction((tx) => createDefaultStages(tx, other.school.id));
  const otherStage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId: other.school.id, key: 'well_being' } });
  const otherDirector = await createUser(other.school.id, 'DIRECTOR');
  const otherGroup = await createGroup(other.school.id, other.year.id, '4A');
  const { round: otherRound } = await createRound(otherDirector.actor, { ...base, stageId: otherStage.id, name: 'Elders', groupIds: [otherGroup.id], blocks: [{ startsAt: '2026-11-17T19:00', endsAt: '2026-11-17T20:00' }] });
  return { school, director, teacher, otherDirector, g3, g5, g6, singles3, singles5, informationOnly, siblings, separated, noShow, noTalk, round, old, otherRound };
}

beforeAll(async () => {
  w = await world();
}, 120_000);

const invitedUsers = async () =>
  (await prisma.surveyInvitation.findMany({ where: { survey: { roundId: w.round.id } }, select: { userId: true, groupIds: true } })).map((i) => ({ userId: i.userId, groups: i.groupIds.length }));
const idsOf = (fs: Family[], guardian = 0) => fs.map((f) => f.guardians[guardian].user.id);

describe('after the round: who is asked', () => {
  it('the job leaves a round alone until its last slot is past', async () => {
    expect(await inviteAfterRound({ schoolId: w.school.id }, EARLY)).toBe(0);
    expect(await prisma.survey.count({ where: { schoolId: w.school.id } })).toBe(0);
  });

  it('only the director opens it early, for a round of their own school, and not before the first talk', async () => {
    // The group's teacher, the internal supervisor, a parent with a talk, another school's director: as if the round did not exist.
    for (const a of [w.teacher.actor, { ...w.teacher.actor, care: true }, w.singles3[0].guardians[0].actor, w.informationOnly.guardians[1].actor]) {
      await expect(startAfterRound(a, w.round.id, EARLY)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(startAfterRound(w.otherDirector.actor, w.round.id, EARLY)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(startAfterRound(w.director.actor, w.round.id, new Date('2026-11-17T17:59:00Z'))).rejects.toMatchObject({
      code: 'INVALID_INPUT', details: { fieldErrors: { roundId: ['afterRound.noTalksYet'] } },
    });
    expect(await prisma.survey.count({ where: { schoolId: w.school.id } })).toBe(0);
    expect(await prisma.outboxMail.count({ where: { schoolId: w.school.id, kind: 'survey_invitation' } })).toBe(0);
  });

  it('opened early: the families whose talk has begun, each parent once; a second click changes nothing', async () => {
    const first = await startAfterRound(w.director.actor, w.round.id, EARLY);
    expect([first.created, first.invited]).toEqual([true, 9]);
    expect((await invitedUsers()).map((i) => i.userId).sort()).toEqual(
      [...idsOf(w.singles3.slice(0, 4)), ...idsOf(w.singles5.slice(0, 4)), w.separated.guardians[0].user.id].sort(),
    );
    const again = await startAfterRound(w.director.actor, w.round.id, EARLY);
    expect(again).toEqual({ surveyId: first.surveyId, created: false, invited: 0 });
    const survey = await prisma.survey.findUniqueOrThrow({ where: { id: first.surveyId }, include: { questions: { orderBy: { position: 'asc' } } } });
    expect([survey.anonymous, survey.audiences, survey.templateKey, +survey.closesAt - +EARLY]).toEqual([true, ['GUARDIANS'], 'after_round', 14 * 86_400_000]);
    expect(survey.questions.map((q) => [q.type, q.text, q.required])).toEqual([['LIKERT', 'Het gesprek was nuttig.', true], ['OPEN', 'Wat kan beter?', false]]);
  });

  it('the job after the last slot invites the rest: not the no-show, not a family without a talk, not the other household, not an information-only parent; one survey, one invitation and one mail per parent', async () => {
    expect(await inviteAfterRound({ schoolId: w.school.id }, ENDED)).toBe(8);
    expect(await inviteAfterRound({ schoolId: w.school.id }, ENDED)).toBe(0);
    const invited = await invitedUsers();
    const expected = [
      ...idsOf(w.singles3), ...idsOf(w.singles5), ...idsOf([w.informationOnly]), ...idsOf([w.siblings]), ...idsOf([w.siblings], 1), ...idsOf([w.separated]),
    ];
    expect(invited.map((i) => i.userId).sort()).toEqual(expected.sort());
    for (const absent of [w.noShow.guardians[0], w.noTalk.guardians[0], w.separated.guardians[1], w.informationOnly.guardians[1]]) {
      expect(invited.map((i) => i.userId)).not.toContain(absent.user.id);
    }
    // Both siblings' talks, one invitation per parent, counted in both groups.
    expect(invited.filter((i) => idsOf([w.siblings]).includes(i.userId) || idsOf([w.siblings], 1).includes(i.userId)).map((i) => i.groups)).toEqual([2, 2]);
    expect(await prisma.survey.count({ where: { schoolId: w.school.id } })).toBe(1);
    const mails = await prisma.outboxMail.findMany({ where: { schoolId: w.school.id, kind: 'survey_invitation' }, select: { to: true, subject: true } });
    expect(mails.length).toBe(17);
    expect(new Set(mails.map((m) => m.to)).size).toBe(17);
    expect(mails[0].subject).toBe('Hoe was het gesprek? (Welbevindengesprekken)');
    // Last September's round is outside the job's window; the other school's round is not this school's job.
    expect(await prisma.survey.count({ where: { roundId: { in: [w.old.id, w.otherRound.id] } } })).toBe(0);
  });
});

async function answer(f: Family, likert: number, text?: string, guardian = 0) {
  const actor = f.guardians[guardian].actor;
  const surveyId = (await prisma.survey.findFirstOrThrow({ where: { roundId: w.round.id } })).id;
  const { survey } = await surveyForRespondent(actor, surveyId, ANSWERING);
  const [useful, better] = survey.questions;
  const res = await submitSurvey(actor, surveyId, { [useful.id]: { likert }, ...(text ? { [better.id]: { text } } : {}) }, ANSWERING);
  expect(res.ok).toBe(true);
}

describe('after the round: answers and results', () => {
  it('answers are anonymous: no person and no invitation with them', async () => {
    const likert3 = [5, 5, 4, 4, 4, 3, 5, 4];
    const tips = ['Meer tijd per gesprek', 'Liever op een vrijdagmiddag', 'Graag het rapport vooraf', 'Een kortere wachttijd op de gang', 'Fijn gesprek, niets', 'De leerkracht nam echt de tijd'];
    for (const [i, f] of w.singles3.entries()) await answer(f, likert3[i], tips[i]);
    for (const [i, f] of w.singles5.entries()) await answer(f, [3, 3, 2, 4, 3][i]);
    await answer(w.informationOnly, 3);
    await answer(w.siblings, 2, undefined, 0);
    await answer(w.siblings, 3, undefined, 1);
    await answer(w.separated, 1, 'Ik hoorde weinig over hoe het echt gaat');
    await expect(answer(w.noShow, 5)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const surveyId = (await prisma.survey.findFirstOrThrow({ where: { roundId: w.round.id } })).id;
    const responses = await prisma.surveyResponse.findMany({ where: { surveyId } });
    const pending = await prisma.surveyPendingResponse.findMany({ where: { surveyId } });
    expect(responses.length + pending.length).toBe(17);
    expect(responses.every((r) => r.invitationId === null)).toBe(true);
    expect(Object.keys(responses[0]).sort()).toEqual(['audience', 'groupIds', 'id', 'invitationId', 'schoolId', 'surveyId']);
    expect(Object.keys(pending[0]).sort()).toEqual(['answers', 'audience', 'groupIds', 'id', 'schoolId', 'surveyId']);
  });

  it('withheld until the survey has closed; the response rate shows', async () => {
    const r = await afterRoundResults(w.director.actor, w.round.id, ANSWERING);
    expect(r.survey).toMatchObject({ invited: 17, answered: 17, withheld: true, useful: null, byGroup: [], better: [] });
  });

  it('per round: the usefulness with its distribution, per group with the n<5 rule, and the tips', async () => {
    const r = await afterRoundResults(w.director.actor, w.round.id, RELEASED);
    expect(r.survey?.withheld).toBe(false);
    // 3A 34 + siblings 2 + 3, 5B 15 + 3, 6B's separated parent 1: 58 over 17.
    expect(r.survey?.useful?.n).toBe(17);
    expect(r.survey?.useful?.mean).toBeCloseTo(58 / 17, 10);
    expect(Object.fromEntries(r.survey!.useful!.distribution.map((d) => [d.value, d.n]))).toEqual({ '1': 1, '2': 2, '3': 6, '4': 5, '5': 3 });
    // 6B has 3 answers (the siblings' parents and the separated parent): hidden, and 5B (6) with it, or 6B could be worked out.
    expect(r.survey?.byGroup).toEqual([
      { name: '3A', n: 10, hidden: false, mean: 3.9 },
      { name: '5B', n: 6, hidden: true, mean: null },
      { name: '6B', n: 3, hidden: true, mean: null },
    ]);
    expect(r.survey?.better).toEqual(['De leerkracht nam echt de tijd', 'Een kortere wachttijd op de gang', 'Fijn gesprek, niets', 'Graag het rapport vooraf', 'Ik hoorde weinig over hoe het echt gaat', 'Liever op een vrijdagmiddag', 'Meer tijd per gesprek']);
  });

  it('fewer than 5 answers in a round: nothing but the count', async () => {
    const tiny = await createRound(w.director.actor, { ...base, stageId: w.round.stageId, name: 'Klein', groupIds: [w.g6.id], separateTalksAllowed: true, opensAt: '2026-11-18T19:00', deadline: '2026-11-23T12:00', blocks: [{ startsAt: '2026-11-24T19:00', endsAt: '2026-11-24T20:00' }] });
    const slot = await prisma.slot.findFirstOrThrow({ where: { roundId: tiny.round.id }, orderBy: { startsAt: 'asc' } });
    await bookTalks(w.separated.guardians[1].actor, { roundId: tiny.round.id, items: [{ childId: w.separated.children[0].id, slotId: slot.id }] }, new Date('2026-11-20T12:00:00Z'));
    const at = new Date('2026-11-24T19:30:00Z');
    // Two server processes running the job at once: one survey, one invitation, one mail.
    expect(await Promise.all([inviteAfterRound({ schoolId: w.school.id }, at), inviteAfterRound({ schoolId: w.school.id }, at)])).toEqual(expect.arrayContaining([0, 1]));
    expect(await prisma.surveyInvitation.count({ where: { survey: { roundId: tiny.round.id } } })).toBe(1);
    expect(await prisma.outboxMail.count({ where: { to: w.separated.guardians[1].user.email, kind: 'survey_invitation' } })).toBe(1);
    const survey = await prisma.survey.findFirstOrThrow({ where: { roundId: tiny.round.id }, include: { questions: { orderBy: { position: 'asc' } } } });
    await submitSurvey(w.separated.guardians[1].actor, survey.id, { [survey.questions[0].id]: { likert: 2 }, [survey.questions[1].id]: { text: 'Te kort' } }, at);
    const r = await afterRoundResults(w.director.actor, tiny.round.id, new Date(+survey.closesAt + 10 * 60_000));
    expect(r.survey).toMatchObject({ invited: 1, answered: 1, withheld: false, useful: { n: 1, hidden: true, mean: null, distribution: [] }, better: [] });
    expect(r.survey?.byGroup).toEqual([{ name: '6B', n: 1, hidden: true, mean: null }]);
  });

  it("results are the director's, of their own school", async () => {
    for (const a of [w.teacher.actor, { ...w.teacher.actor, care: true }, w.singles3[0].guardians[0].actor]) {
      await expect(afterRoundResults(a, w.round.id, RELEASED)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(afterRoundResults(w.otherDirector.actor, w.round.id, RELEASED)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
