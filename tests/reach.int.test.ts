import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/access/action';
import { openSession } from '@/lib/auth/session';
import { seedDemoReach } from '@/prisma/demo/reach';
import { languageName, parseReachFilter, reachQuery } from '@/app/(directie)/directie/bereik/filter';
import { prisma } from '@/lib/db';
import { guardianThreads, staffInbox } from '@/lib/messages/queries';
import { applyFilter, reachView, SIGNALS, type Signal } from '@/lib/reach/families';
import { reachMessageSchema } from '@/lib/reach/schemas';
import { sendPersonalMessage } from '@/lib/reach/service';
import { reachSummary } from '@/lib/reach/summary';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The families not reached (issue 14) on a factory school: one household per signal, one reached
// on every channel, and another school whose rows must never count. Wednesday 2 December 2026.
const NOW = new Date('2026-12-02T12:00:00+01:00');
const d = (s: string) => new Date(`${s}T10:00:00+01:00`);

type Fam = Awaited<ReturnType<typeof createFamily>>;
let w: Awaited<ReturnType<typeof world>>;
const hid = async (f: Fam) => (await prisma.guardianship.findFirstOrThrow({ where: { userId: f.guardians[0].user.id } })).householdId;

async function world() {
  const { school, year } = await createSchool();
  const other = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const g5 = await createGroup(school.id, year.id, '5A', [teacher.user.id]);
  const g6 = await createGroup(school.id, year.id, '6B');
  const stage = await prisma.stageDefinition.create({ data: { schoolId: school.id, position: 1, key: 'report_1', name: 'Rapportgesprek', period: 'nov', durationMinutes: 10, mandatoryGrades: [5, 6] } });
  const round = await prisma.talkRound.create({ data: { schoolId: school.id, stageId: stage.id, name: 'Ronde 1', slotMinutes: 10, opensAt: d('2026-10-01'), deadline: d('2026-10-20'), createdById: director.user.id } });
  await prisma.roundGroup.createMany({ data: [g5, g6].map((g) => ({ roundId: round.id, schoolId: school.id, groupId: g.id })) });
  const charter = await prisma.charterVersion.create({ data: { schoolId: school.id, number: 1, title: 'Ouderkompas', intro: '', publishedAt: d('2026-09-01'), createdById: director.user.id } });
  const survey = await prisma.survey.create({ data: { schoolId: school.id, title: 'Tevredenheid', intro: '', audiences: ['GUARDIANS'], opensAt: d('2026-11-15'), closesAt: d('2026-12-20'), createdById: director.user.id } });
  // The theme evening is for 5A only: 6B's family was invited to no meeting, so none missed.
  const meeting = await prisma.meeting.create({ data: { schoolId: school.id, kind: 'THEME_EVENING', title: 'Thema-avond', startsAt: d('2026-11-10'), endsAt: d('2026-11-10'), createdById: director.user.id } });
  await prisma.meetingGroup.create({ data: { schoolId: school.id, meetingId: meeting.id, groupId: g5.id } });
  const notice = await prisma.announcement.create({ data: { schoolId: school.id, authorId: director.user.id, title: 'Kerst', body: '...', wholeSchool: true, publishedAt: d('2026-11-28') } });
  // A notice to a group without families, read by no one, and one older than 30 days: neither counts.
  const g7 = await createGroup(school.id, year.id, '7C');
  const toG7 = await prisma.announcement.create({ data: { schoolId: school.id, authorId: director.user.id, title: 'Alleen 7C', body: '...', publishedAt: d('2026-11-30') } });
  await prisma.announcementGroup.create({ data: { schoolId: school.id, announcementId: toG7.id, groupId: g7.id } });
  await prisma.announcement.create({ data: { schoolId: school.id, authorId: director.user.id, title: 'Oud', body: '...', wholeSchool: true, publishedAt: d('2026-10-20') } });

  /** A household reached on every channel except `missing`. */
  async function family(groupId: string, missing?: Signal, locale = 'nl', rebooked = false) {
    const f = await createFamily(school.id, year.id, [groupId]);
    const user = f.guardians[0].user;
    const householdId = await hid(f);
    await prisma.user.update({ where: { id: user.id }, data: { locale } });
    const signedInAt = missing === 'mailBounced' ? d('2026-11-05') : d('2026-09-10');
    // The bounced family's session rows were pruned long ago: only the user's first sign-in remains.
    if (missing === 'mailBounced') await prisma.user.update({ where: { id: user.id }, data: { firstSignedInAt: signedInAt } });
    else if (missing !== 'neverSignedIn') await prisma.userSession.create({ data: { id: crypto.randomUUID(), userId: user.id, createdAt: signedInAt } });
    if (missing === 'mailBounced') await prisma.outboxMail.create({ data: { schoolId: school.id, to: user.email, subject: 's', text: 't', kind: 'sign_in_link', failedAt: d('2026-11-20') } });
    if (missing !== 'talkNotBooked')
      await prisma.booking.create({ data: { schoolId: school.id, roundId: round.id, childId: f.children[0].id, bookedById: user.id, createdAt: d('2026-10-05'), attendance: missing === 'noShowNotRebooked' || rebooked ? 'NO_SHOW' : 'HELD' } });
    // Did not come, then a new moment was arranged with the teacher: reached.
    if (rebooked) await prisma.arrangedMoment.create({ data: { schoolId: school.id, childId: f.children[0].id, teacherId: teacher.user.id, purpose: 'Rapportgesprek', startsAt: d('2026-10-28'), endsAt: d('2026-10-28'), createdAt: d('2026-10-25') } });
    if (missing !== 'charterNotAcknowledged') await prisma.charterAcknowledgement.create({ data: { schoolId: school.id, versionId: charter.id, userId: user.id, acknowledgedAt: d('2026-10-15') } });
    await prisma.surveyInvitation.create({ data: { schoolId: school.id, surveyId: survey.id, userId: user.id, audience: 'GUARDIANS', submittedAt: missing === 'surveyNotAnswered' ? null : d('2026-11-16') } });
    if (groupId === g5.id) await prisma.meetingAttendance.create({ data: { schoolId: school.id, meetingId: meeting.id, householdId, present: missing !== 'noMeetingAttended', markedById: director.user.id } });
    if (missing !== 'announcementsUnread') await prisma.announcementRead.create({ data: { schoolId: school.id, announcementId: notice.id, userId: user.id, readAt: d('2026-11-29') } });
    return { ...f, householdId };
  }

  const reached = await family(g5.id);
  const rebooked = await family(g5.id, undefined, 'nl', true);
  const bySignal = {} as Record<Signal, Fam & { householdId: string }>;
  for (const s of SIGNALS) bySignal[s] = await family(s === 'neverSignedIn' ? g6.id : g5.id, s, s === 'neverSignedIn' ? 'en' : 'nl');
  // The reached family's address bounced at the other school: not this school's mail.
  await prisma.outboxMail.create({ data: { schoolId: other.school.id, to: reached.guardians[0].user.email, subject: 's', text: 't', kind: 'x', failedAt: d('2026-11-20') } });
  // The other school: a family reached on no channel at all, a talk round and a charter of its own.
  const og = await createGroup(other.school.id, other.year.id, '5A');
  const stranger = await createFamily(other.school.id, other.year.id, [og.id]);
  await prisma.charterVersion.create({ data: { schoolId: other.school.id, number: 1, title: 'x', intro: '', publishedAt: d('2026-09-01'), createdById: director.user.id } });
  const guardian = bySignal.talkNotBooked.guardians[0].actor;
  return { school, other, director, teacher, g5, g6, reached, rebooked, bySignal, stranger, guardian };
}

beforeAll(async () => {
  w = await world();
});

describe('the families not reached', () => {
  it('finds exactly the household each signal was set up for, and nothing for the family reached everywhere', async () => {
    const v = await reachView(w.director.actor, NOW);
    expect(v.families).toHaveLength(2 + SIGNALS.length);
    const byHousehold = new Map(v.families.map((f) => [f.householdId, f]));
    expect(byHousehold.get(w.reached.householdId)!.signals).toEqual([]);
    expect(byHousehold.get(w.rebooked.householdId)!.signals).toEqual([]);
    for (const s of SIGNALS) expect([s, byHousehold.get(w.bySignal[s].householdId)!.signals]).toEqual([s, [s]]);
    expect(v.families.filter((f) => f.notReachedAtAll).map((f) => f.householdId).sort()).toEqual([w.bySignal.neverSignedIn.householdId, w.bySignal.mailBounced.householdId].sort());
    const never = byHousehold.get(w.bySignal.neverSignedIn.householdId)!;
    expect([never.languages, never.children.map((c) => c.groupName), never.guardians.length]).toEqual([['en'], ['6B'], 1]);
  });

  it('filters by language, group and signal', async () => {
    const { families } = await reachView(w.director.actor, NOW);
    expect(applyFilter(families, { language: 'en' }).map((f) => f.householdId)).toEqual([w.bySignal.neverSignedIn.householdId]);
    expect(applyFilter(families, { language: 'nl' })).toHaveLength(SIGNALS.length + 1);
    expect(applyFilter(families, { groupId: w.g6.id }).map((f) => f.householdId)).toEqual([w.bySignal.neverSignedIn.householdId]);
    expect(applyFilter(families, { signal: 'surveyNotAnswered' }).map((f) => f.householdId)).toEqual([w.bySignal.surveyNotAnswered.householdId]);
    expect(applyFilter(families, { signal: 'notReachedAtAll', language: 'nl' }).map((f) => f.householdId)).toEqual([w.bySignal.mailBounced.householdId]);
  });

  it('totals per group', async () => {
    const { groups } = await reachView(w.director.actor, NOW);
    const zero = Object.fromEntries(SIGNALS.map((s) => [s, 0]));
    expect(groups).toEqual([
      { groupId: w.g5.id, groupName: '5A', families: 9, notReachedAtAll: 1, ...zero, ...Object.fromEntries(SIGNALS.filter((s) => s !== 'neverSignedIn').map((s) => [s, 1])) },
      { groupId: w.g6.id, groupName: '6B', families: 1, notReachedAtAll: 1, ...zero, neverSignedIn: 1 },
    ]);
  });

  it('the trend per month of the school year, from the moments in the data', async () => {
    const { trend } = await reachView(w.director.actor, NOW);
    // Signed in 10 September (the bounced family 5 November), acknowledged 15 October, booked 5 October.
    expect(trend).toEqual([
      { month: '2026-08', neverSignedIn: 10, charterNotAcknowledged: 0, talkNotBooked: 0, notReachedAny: 10 },
      { month: '2026-09', neverSignedIn: 2, charterNotAcknowledged: 10, talkNotBooked: 0, notReachedAny: 10 },
      { month: '2026-10', neverSignedIn: 2, charterNotAcknowledged: 1, talkNotBooked: 1, notReachedAny: 4 },
      { month: '2026-11', neverSignedIn: 1, charterNotAcknowledged: 1, talkNotBooked: 1, notReachedAny: 3 },
      { month: '2026-12', neverSignedIn: 1, charterNotAcknowledged: 1, talkNotBooked: 1, notReachedAny: 3 },
    ]);
  });

  it('a summary for the director\'s home', async () => {
    const s = await reachSummary(w.director.actor, NOW);
    expect(s).toEqual({ families: 10, notReachedAtAll: 2, perSignal: Object.fromEntries(SIGNALS.map((x) => [x, 1])) });
  });

  it('is the director\'s only: teachers, the internal supervisor and guardians get NOT_FOUND', async () => {
    const care = { ...(await createUser(w.school.id, 'TEACHER')).actor, care: true };
    for (const actor of [w.teacher.actor, care, w.guardian]) {
      await expect(reachView(actor, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(reachSummary(actor, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(sendPersonalMessage(actor, { householdIds: [w.reached.householdId], subject: 's', body: 'b' }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('a personal message to the selected families', () => {
  const threads = () => prisma.thread.count({ where: { schoolId: w.school.id } });

  it('refuses an empty selection and another school\'s household, writing nothing', async () => {
    const empty = parseInput(reachMessageSchema, { householdIds: [], subject: 'Hallo', body: 'x' });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { householdIds: ['reach.chooseFamilies'] } });
    const noSubject = parseInput(reachMessageSchema, { householdIds: [w.reached.householdId], subject: ' ', body: 'x' });
    expect(noSubject).toMatchObject({ ok: false, fieldErrors: { subject: ['required'] } });
    const strangerHousehold = (await prisma.guardianship.findFirstOrThrow({ where: { userId: w.stranger.guardians[0].user.id } })).householdId;
    const before = await threads();
    await expect(sendPersonalMessage(w.director.actor, { householdIds: [w.bySignal.neverSignedIn.householdId, strangerHousehold], subject: 'Hallo', body: 'x' }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await threads()).toBe(before);
  });

  it('starts exactly one conversation per selected household, seen by that household only', async () => {
    const chosen = [w.bySignal.neverSignedIn, w.bySignal.mailBounced];
    const before = await threads();
    const r = await sendPersonalMessage(w.director.actor, { householdIds: chosen.map((f) => f.householdId), subject: 'Even kennismaken', body: 'Wij willen u graag spreken.' }, NOW);
    expect(r.threadIds).toHaveLength(2);
    expect(await threads()).toBe(before + 2);
    const rows = await prisma.thread.findMany({ where: { id: { in: r.threadIds } }, include: { households: true, messages: true } });
    expect(rows.map((t) => [t.inbox, t.childId, t.households.length, t.messages.map((m) => [m.body, m.authorRole])])).toEqual(
      rows.map(() => ['DIRECTOR', null, 1, [['Wij willen u graag spreken.', 'DIRECTOR']]]),
    );
    for (const f of chosen) {
      const seen = await guardianThreads(f.guardians[0].actor, NOW);
      expect(seen.map((t) => t.subject)).toEqual(['Even kennismaken']);
    }
    expect(await guardianThreads(w.bySignal.talkNotBooked.guardians[0].actor, NOW)).toEqual([]);
    expect(await guardianThreads(w.reached.guardians[0].actor, NOW)).toEqual([]);
    // Each guardian hears of it by mail; the director finds the conversations in their inbox.
    expect(await prisma.outboxMail.count({ where: { kind: 'thread_started', to: { in: chosen.map((f) => f.guardians[0].user.email) } } })).toBe(2);
    const inbox = await staffInbox(w.director.actor, { filter: 'all' }, NOW);
    expect(JSON.stringify(inbox)).toContain('Even kennismaken');
  });
});

describe('separated parents: two families', () => {
  it('a talk booked by one household does not count for the other; a message to one is not seen by the other', async () => {
    const { school, year } = await createSchool();
    const director = await createUser(school.id, 'DIRECTOR');
    const g = await createGroup(school.id, year.id, '4A');
    const stage = await prisma.stageDefinition.create({ data: { schoolId: school.id, position: 1, key: 'report_1', name: 'Rapportgesprek', period: 'nov', durationMinutes: 10, mandatoryGrades: [4] } });
    const round = await prisma.talkRound.create({ data: { schoolId: school.id, stageId: stage.id, name: 'Ronde', slotMinutes: 10, opensAt: d('2026-10-01'), deadline: d('2026-10-20'), separateTalksAllowed: true, createdById: director.user.id } });
    await prisma.roundGroup.create({ data: { roundId: round.id, schoolId: school.id, groupId: g.id } });
    const f = await createFamily(school.id, year.id, [g.id], { guardians: 2, separated: true });
    const [mother, father] = f.guardians;
    const [hMother, hFather] = await Promise.all([mother, father].map(async (x) => (await prisma.guardianship.findFirstOrThrow({ where: { userId: x.user.id } })).householdId));
    for (const x of [mother, father]) await prisma.userSession.create({ data: { id: crypto.randomUUID(), userId: x.user.id, createdAt: d('2026-09-10') } });
    await prisma.booking.create({ data: { schoolId: school.id, roundId: round.id, childId: f.children[0].id, householdKey: hMother, bookedById: mother.user.id, createdAt: d('2026-10-02') } });

    const v = await reachView(director.actor, NOW);
    expect(v.families.map((x) => [x.householdId, x.signals]).sort()).toEqual([[hFather, ['talkNotBooked']], [hMother, []]].sort());
    expect(v.groups.map((x) => [x.groupName, x.families, x.talkNotBooked])).toEqual([['4A', 2, 1]]);

    await sendPersonalMessage(director.actor, { householdIds: [hFather], subject: 'Gesprek plannen', body: 'Zullen we een moment zoeken?' }, NOW);
    expect((await guardianThreads(father.actor, NOW)).map((t) => t.subject)).toEqual(['Gesprek plannen']);
    expect(await guardianThreads(mother.actor, NOW)).toEqual([]);
  });
});

describe('the first sign-in is kept on the user', () => {
  it('set by the first session only, so pruning sessions does not make a family "never signed in"', async () => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'GUARDIAN');
    await openSession(user.id, d('2026-09-10'));
    await openSession(user.id, d('2026-11-10'));
    await prisma.userSession.deleteMany({ where: { userId: user.id } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).firstSignedInAt).toEqual(d('2026-09-10'));
  });
});

describe('demo traffic', () => {
  it('about one family in nine never signed in (half of them reading English), a few addresses bounce', async () => {
    const { school, year } = await createSchool();
    const director = await createUser(school.id, 'DIRECTOR');
    const g = await createGroup(school.id, year.id, '3A');
    for (let i = 0; i < 20; i++) await createFamily(school.id, year.id, [g.id], { guardians: 1 + (i % 2) });
    expect(await seedDemoReach(school.id, NOW)).toEqual({ neverSignedIn: 2, bounced: 1 });
    const v = await reachView(director.actor, NOW);
    expect([v.families.length, v.families.filter((f) => f.notReachedAtAll).length]).toEqual([20, 3]);
    expect(applyFilter(v.families, { language: 'en' }).map((f) => f.signals)).toEqual(expect.arrayContaining([['neverSignedIn'], []]));
    expect(v.trend.at(-1)!.neverSignedIn).toBe(2);
    expect(v.trend[0].neverSignedIn).toBe(17); // August: the first sign-ins are spread over the year
  });
});

describe('the page\'s filter', () => {
  it('reads ?signaal, ?groep and ?taal, ignores anything else, and names languages by their own name', () => {
    expect(parseReachFilter({ signaal: 'neverSignedIn', groep: 'g1', taal: 'en' })).toEqual({ signal: 'neverSignedIn', groupId: 'g1', language: 'en' });
    expect(parseReachFilter({ signaal: 'drop table', groep: 'a b', taal: 'english' })).toEqual({ signal: undefined, groupId: undefined, language: undefined });
    expect(reachQuery({ signal: 'notReachedAtAll', language: 'nl' })).toBe('signaal=notReachedAtAll&taal=nl');
    expect(['nl', 'en', 'tr'].map(languageName)).toEqual(['Nederlands', 'English', 'Türkçe']);
  });
});
