import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { yearAtAGlance } from '@/lib/director/year-glance';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The director's year at a glance (issue 14) on a factory school, dates relative to its school year:
// talk rates per stage, reach per month, reply times, survey response, charter per group.

const DAY = 86_400_000;
let w: Awaited<ReturnType<typeof world>>;

async function world() {
  const { school, year } = await createSchool();
  const start = year.startDate.getTime();
  const at = (days: number, hours = 10) => new Date(start + days * DAY + hours * 3_600_000);
  const now = at(100);
  const director = await createUser(school.id, 'DIRECTOR');
  const g5 = await createGroup(school.id, year.id, '5A');
  const g6 = await createGroup(school.id, year.id, '6B');
  // 5A: three families, 6B: one (two guardians).
  const [a, b, c] = [await createFamily(school.id, year.id, [g5.id]), await createFamily(school.id, year.id, [g5.id]), await createFamily(school.id, year.id, [g5.id])];
  const d = await createFamily(school.id, year.id, [g6.id], { guardians: 2 });
  const stage = (position: number, name: string) =>
    prisma.stageDefinition.create({ data: { schoolId: school.id, position, key: `s${position}`, name, period: '', durationMinutes: 10, mandatoryGrades: [5, 6] } });
  const tell = await stage(1, 'Ouders vertellen');
  await stage(2, 'Rapportgesprek');
  await prisma.stageDefinition.create({ data: { schoolId: school.id, position: 3, key: 'info', name: 'Informatieavond', period: '', durationMinutes: 60, isGroupEvent: true, mandatoryGrades: [] } });
  // The first stage's round invites 5A only: of its three children one talk held, one booked and not yet held.
  const round = await prisma.talkRound.create({ data: { schoolId: school.id, stageId: tell.id, name: 'Ronde 1', slotMinutes: 10, opensAt: at(20), deadline: at(40), createdById: director.user.id } });
  await prisma.roundGroup.create({ data: { roundId: round.id, schoolId: school.id, groupId: g5.id } });
  for (const [family, attendance] of [[a, 'HELD'], [b, 'EXPECTED']] as const) {
    await prisma.booking.create({ data: { schoolId: school.id, roundId: round.id, childId: family.children[0].id, bookedById: family.guardians[0].user.id, attendance } });
  }
  // Charter: 5A's three guardians, one acknowledged; 6B's two, both.
  const charter = await prisma.charterVersion.create({ data: { schoolId: school.id, number: 2, title: 'Ouderkompas', intro: '', publishedAt: at(5), createdById: director.user.id } });
  for (const u of [a.guardians[0], ...d.guardians]) await prisma.charterAcknowledgement.create({ data: { schoolId: school.id, versionId: charter.id, userId: u.user.id } });
  // A survey opened this year: 4 invited, 3 answered; one not yet open does not show.
  const survey = await prisma.survey.create({ data: { schoolId: school.id, title: 'Tevredenheid', intro: '', audiences: ['GUARDIANS'], opensAt: at(60), closesAt: at(120), createdById: director.user.id } });
  for (const [i, u] of [a, b, c, d].map((f) => f.guardians[0]).entries()) {
    await prisma.surveyInvitation.create({ data: { schoolId: school.id, surveyId: survey.id, userId: u.user.id, audience: 'GUARDIANS', submittedAt: i < 3 ? at(61) : null } });
  }
  await prisma.survey.create({ data: { schoolId: school.id, title: 'Later', intro: '', audiences: ['GUARDIANS'], opensAt: at(150), closesAt: at(160), createdById: director.user.id } });
  // Two questions to the director in one month: one answered in 2 hours (in time), one late.
  const ask = async (askedAt: Date, dueAt: Date, answeredAt: Date) => {
    const thread = await prisma.thread.create({ data: { schoolId: school.id, inbox: 'DIRECTOR', subject: 'Vraag', startedById: a.guardians[0].user.id, lastMessageAt: askedAt } });
    await prisma.replyPromise.create({ data: { schoolId: school.id, threadId: thread.id, askedAt, countsFrom: askedAt, dueAt, answeredAt } });
  };
  await ask(at(70), at(71, 16), at(70, 12));
  await ask(at(72), at(73, 16), at(76));
  // Another school's rows never count.
  const other = await createSchool();
  const og = await createGroup(other.school.id, other.year.id, '5A');
  await createFamily(other.school.id, other.year.id, [og.id]);
  return { school, year, now, director, tell, g5, g6, survey, month: (x: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).format(x).slice(0, 7), at };
}

beforeAll(async () => {
  w = await world();
});

describe('the year at a glance', () => {
  it('gives each talk stage its rate of talks held among the children its rounds invite; a stage without a round has none', async () => {
    const g = await yearAtAGlance(w.director.actor, w.now);
    expect(g!.stages.map(({ label, share, part, whole, booked }) => ({ label, share, part, whole, booked }))).toEqual([
      { label: 'Ouders vertellen', share: 1 / 3, part: 1, whole: 3, booked: 2 },
      { label: 'Rapportgesprek', share: null, part: 0, whole: 0, booked: 0 },
    ]);
  });

  it('shows survey response for surveys opened this year, the charter per group, and the reply times per month', async () => {
    const g = (await yearAtAGlance(w.director.actor, w.now))!;
    expect(g.surveys.map(({ label, share, part, whole }) => ({ label, share, part, whole }))).toEqual([{ label: 'Tevredenheid', share: 0.75, part: 3, whole: 4 }]);
    expect(g.charter.version).toEqual({ number: 2 });
    expect(g.charter.groups.map(({ label, share, part, whole }) => ({ label, share, part, whole }))).toEqual([
      { label: '5A', share: 1 / 3, part: 1, whole: 3 },
      { label: '6B', share: 1, part: 2, whole: 2 },
    ]);
    const month = g.replies.find((m) => m.key === w.month(w.at(70)))!;
    expect({ questions: month.questions, part: month.part, whole: month.whole, share: month.share }).toEqual({ questions: 2, part: 1, whole: 2, share: 0.5 });
    expect(g.replies.filter((m) => m.key !== month.key).map((m) => m.questions)).toEqual(g.replies.slice(1).map(() => 0));
  });

  it("counts reach per month from the school's four families, ending with the month it is now", async () => {
    const g = (await yearAtAGlance(w.director.actor, w.now))!;
    expect(g.reach.at(-1)!.key).toBe(w.month(w.now));
    expect(g.reach.every((m) => m.whole === 4)).toBe(true);
    // Nobody signed in: no family is reached in any month.
    expect(g.reach.map((m) => m.part)).toEqual(g.reach.map(() => 0));
  });

  it('is for the director only', async () => {
    const teacher = await createUser(w.school.id, 'TEACHER');
    await expect(yearAtAGlance(teacher.actor, w.now)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
