import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/access/action';
import { prisma } from '@/lib/db';
import { guardianMeetings, meetingDetail, registerSheet, staffMeetings } from '@/lib/meetings/queries';
import { meetingSchema, rsvpSchema, type MeetingInput } from '@/lib/meetings/schemas';
import { answerRsvp, createMeeting, markAttendance, remindMeetings } from '@/lib/meetings/service';
import { attendedAnyMeeting, householdsAttendedThisYear, share } from '@/lib/meetings/turnout';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// A Monday in the factory's school year 2026-2027; the meeting is Thursday evening 19:30 school time.
const NOW = new Date('2026-11-16T09:00:00Z');
const STARTS = new Date('2026-11-19T18:30:00Z');

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const teacherC = await createUser(school.id, 'TEACHER');
  const a = await createGroup(school.id, year.id, '5A', [teacher.user.id]);
  const b = await createGroup(school.id, year.id, '6B', [teacher.user.id]);
  const c = await createGroup(school.id, year.id, '7C', [teacherC.user.id]);
  // One household (two parents) with a child in 5A and one in 6B.
  const both = await createFamily(school.id, year.id, [a.id, b.id], { guardians: 2 });
  // Separated parents of a 5A child; the father (own household) has information only.
  const split = await createFamily(school.id, year.id, [a.id], { guardians: 2, separated: true, informationOnly: true });
  const onlyA = await createFamily(school.id, year.id, [a.id]);
  const onlyB = await createFamily(school.id, year.id, [b.id]);
  const onlyC = await createFamily(school.id, year.id, [c.id]);
  const ended = await createFamily(school.id, year.id, [a.id]);
  await prisma.guardianship.updateMany({ where: { userId: ended.guardians[0].user.id }, data: { endedAt: new Date('2026-10-01') } });
  const other = await createSchool();
  const otherGroup = await createGroup(other.school.id, other.year.id, '5A');
  const otherFamily = await createFamily(other.school.id, other.year.id, [otherGroup.id]);
  const otherDirector = await createUser(other.school.id, 'DIRECTOR');
  const hh = async (userId: string) => (await prisma.guardianship.findFirstOrThrow({ where: { userId } })).householdId;
  const H = {
    both: await hh(both.guardians[0].user.id),
    splitMother: await hh(split.guardians[0].user.id),
    splitFather: await hh(split.guardians[1].user.id),
    onlyA: await hh(onlyA.guardians[0].user.id),
    onlyB: await hh(onlyB.guardians[0].user.id),
    onlyC: await hh(onlyC.guardians[0].user.id),
  };
  return { school, year, director, teacher, teacherC, a, b, c, both, split, onlyA, onlyB, onlyC, ended, other, otherFamily, otherDirector, H };
}

const input = (over: Partial<MeetingInput> = {}): MeetingInput => ({
  kind: 'THEME_EVENING',
  title: 'Thema-avond mediawijsheid',
  description: 'Over schermtijd en sociale media.',
  location: 'Aula',
  date: '2026-11-19',
  from: '19:30',
  to: '21:00',
  audience: 'groups',
  groupIds: [],
  targetPercent: 80,
  ...over,
});
const mails = (kind: string) => prisma.outboxMail.findMany({ where: { kind, schoolId: w.school.id }, select: { to: true, subject: true, text: true } });
const emails = (...fams: { guardians: { user: { email: string } }[] }[]) => fams.flatMap((f) => f.guardians.map((g) => g.user.email)).sort();

let meetingId: string;
beforeAll(async () => {
  w = await world();
  meetingId = await createMeeting(w.teacher.actor, input({ groupIds: [w.a.id, w.b.id] }), NOW);
});

describe('creating and inviting', () => {
  it('invites the guardians of the groups once each (information-only included, ended access not, other groups not)', async () => {
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { groups: true } });
    expect(m.startsAt.toISOString()).toBe(STARTS.toISOString());
    expect(m.targetPercent).toBe(80);
    expect(m.groups.map((g) => g.groupId).sort()).toEqual([w.a.id, w.b.id].sort());
    const sent = await mails('meeting_invitation');
    expect(sent.map((s) => s.to).sort()).toEqual(emails(w.both, w.split, w.onlyA, w.onlyB));
    expect(sent[0].subject).toBe('Uitnodiging: Thema-avond mediawijsheid');
    expect(sent[0].text).toContain('Locatie: Aula');
    expect(sent[0].text).toContain(`/bijeenkomsten/${meetingId}`);
  });

  it('refuses bad input with translated keys', () => {
    const bad = parseInput(meetingSchema, { ...input(), from: '21:00', to: '19:30', targetPercent: '0', groupIds: [] });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { to: ['blockEndsBeforeStart'], targetPercent: ['outOfRange'] } });
    expect(parseInput(meetingSchema, { ...input(), groupIds: [] })).toMatchObject({ ok: false, fieldErrors: { groupIds: ['meetings.pickGroups'] } });
    expect(parseInput(meetingSchema, { groupIds: [] })).toMatchObject({ ok: false, fieldErrors: { title: ['required'], date: ['required'], kind: ['required'] } });
    expect(parseInput(rsvpSchema, { meetingId, answer: 'PERHAPS', people: '0' })).toMatchObject({ ok: false, fieldErrors: { answer: expect.any(Array), people: ['outOfRange'] } });
    expect(parseInput(rsvpSchema, { meetingId, answer: 'YES', people: '11' })).toMatchObject({ ok: false, fieldErrors: { people: ['outOfRange'] } });
  });

  it("another teacher's group, the whole school as a teacher, or a past date: refused and nothing written", async () => {
    const before = await prisma.meeting.count({ where: { schoolId: w.school.id } });
    const mailsBefore = await prisma.outboxMail.count({ where: { schoolId: w.school.id } });
    await expect(createMeeting(w.teacher.actor, input({ groupIds: [w.a.id, w.c.id] }), NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createMeeting(w.teacher.actor, input({ audience: 'school' }), NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createMeeting(w.teacher.actor, input({ groupIds: [w.a.id], date: '2026-11-15' }), NOW)).rejects.toMatchObject({ code: 'IN_THE_PAST' });
    await expect(createMeeting(w.otherDirector.actor, input({ groupIds: [w.a.id] }), NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createMeeting(w.both.guardians[0].actor, input({ groupIds: [w.a.id] }), NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.meeting.count({ where: { schoolId: w.school.id } })).toBe(before);
    expect(await prisma.outboxMail.count({ where: { schoolId: w.school.id } })).toBe(mailsBefore);
  });
});

describe('the whole school', () => {
  it("is the director's: every live guardian invited, the register has every group", async () => {
    const id = await createMeeting(w.director.actor, input({ audience: 'school', kind: 'COUNCIL_OPEN', title: 'Open MR-vergadering', date: '2026-12-01', location: '' }), NOW);
    const sent = await prisma.outboxMail.findMany({ where: { schoolId: w.school.id, kind: 'meeting_invitation', subject: 'Uitnodiging: Open MR-vergadering' }, select: { to: true, text: true } });
    expect(sent.map((s) => s.to).sort()).toEqual(emails(w.both, w.split, w.onlyA, w.onlyB, w.onlyC));
    expect(sent[0].text).not.toContain('Locatie');
    expect((await registerSheet(w.director.actor, id)).groups.map((g) => [g.name, g.households.length])).toEqual([['5A', 4], ['6B', 2], ['7C', 1]]);
    expect((await guardianMeetings(w.onlyC.guardians[0].actor, NOW)).map((m) => m.title)).toEqual(['Open MR-vergadering']);
    await prisma.meeting.delete({ where: { id } });
  });
});

describe('RSVP per household', () => {
  it('the latest answer of a household counts; an information-only parent may answer for their own household', async () => {
    await answerRsvp(w.both.guardians[0].actor, { meetingId, answer: 'YES', people: 3 }, NOW);
    await answerRsvp(w.both.guardians[1].actor, { meetingId, answer: 'NO', people: 2 }, new Date(+NOW + 60_000));
    await answerRsvp(w.split.guardians[1].actor, { meetingId, answer: 'MAYBE', people: 2 }, NOW);
    await answerRsvp(w.onlyA.guardians[0].actor, { meetingId, answer: 'YES', people: 2 }, NOW);
    const rows = await prisma.meetingRsvp.findMany({ where: { meetingId }, select: { householdId: true, answer: true, people: true, answeredById: true } });
    expect(rows.find((r) => r.householdId === w.H.both)).toEqual({ householdId: w.H.both, answer: 'NO', people: 0, answeredById: w.both.guardians[1].user.id });
    expect(rows.length).toBe(3);
    const detail = await meetingDetail(w.teacher.actor, meetingId, NOW);
    expect(detail.turnout!.rsvp).toEqual({ yes: 1, no: 1, maybe: 1, unanswered: 2, people: 2 });
    // The mother of the split family sees her own household's state, not the father's maybe.
    expect((await guardianMeetings(w.split.guardians[0].actor, NOW)).map((m) => [m.id, m.answer])).toEqual([[meetingId, null]]);
    expect((await guardianMeetings(w.split.guardians[1].actor, NOW)).map((m) => m.answer)).toEqual([{ answer: 'MAYBE', people: 2 }]);
    expect((await guardianMeetings(w.both.guardians[0].actor, NOW)).map((m) => m.answer)).toEqual([{ answer: 'NO', people: 0 }]);
  });

  it('a family of another group or school cannot see or answer it; after the start no one can change', async () => {
    await expect(answerRsvp(w.onlyC.guardians[0].actor, { meetingId, answer: 'YES', people: 1 }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(answerRsvp(w.otherFamily.guardians[0].actor, { meetingId, answer: 'YES', people: 1 }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(answerRsvp(w.ended.guardians[0].actor, { meetingId, answer: 'YES', people: 1 }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(meetingDetail(w.onlyC.guardians[0].actor, meetingId, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await guardianMeetings(w.onlyC.guardians[0].actor, NOW)).toEqual([]);
    await expect(answerRsvp(w.onlyB.guardians[0].actor, { meetingId, answer: 'YES', people: 1 }, STARTS)).rejects.toMatchObject({ code: 'DEADLINE_PASSED' });
    await expect(answerRsvp(w.teacher.actor, { meetingId, answer: 'YES', people: 1 }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.meetingRsvp.count({ where: { meetingId } })).toBe(3);
  });
});

describe('the reminder the day before', () => {
  it('goes once to yes, maybe and unanswered households, not to a household that said no', async () => {
    expect(await remindMeetings({ schoolId: w.school.id }, NOW)).toBe(0);
    const dayBefore = new Date('2026-11-18T16:00:00Z');
    expect(await remindMeetings({ schoolId: w.school.id }, dayBefore)).toBe(4);
    expect(await remindMeetings({ schoolId: w.school.id }, dayBefore)).toBe(0);
    const sent = await mails('meeting_reminder');
    expect(sent.map((s) => s.to).sort()).toEqual(emails(w.split, w.onlyA, w.onlyB));
    expect(sent[0].subject).toBe('Herinnering: Thema-avond mediawijsheid');
  });
});

describe('the register and turnout', () => {
  it('lists each invited household per group; a two-group household under both', async () => {
    const sheet = await registerSheet(w.teacher.actor, meetingId);
    expect(sheet.groups.map((g) => [g.name, g.households.map((h) => h.householdId).sort()])).toEqual([
      ['5A', [w.H.both, w.H.splitMother, w.H.splitFather, w.H.onlyA].sort()],
      ['6B', [w.H.both, w.H.onlyB].sort()],
    ]);
    const row = sheet.groups[0].households.find((h) => h.householdId === w.H.both)!;
    expect(row.guardians).toHaveLength(2);
    expect(row.children).toHaveLength(1);
    expect(row.rsvp).toMatchObject({ answer: 'NO' });
    // The teacher of 7C is not invited to register for groups they do not teach.
    await expect(registerSheet(w.teacherC.actor, meetingId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts a family present once per group and once overall, against the target', async () => {
    for (const h of [w.H.both, w.H.onlyA]) await markAttendance(w.teacher.actor, { meetingId, householdId: h, present: true }, STARTS);
    await markAttendance(w.teacher.actor, { meetingId, householdId: w.H.onlyB, present: false }, STARTS);
    let t = (await meetingDetail(w.director.actor, meetingId, STARTS)).turnout!;
    expect(t.groups.map((g) => [g.name, g.present, g.invited, g.percent, g.met])).toEqual([
      ['5A', 2, 4, 50, false],
      ['6B', 1, 2, 50, false],
    ]);
    expect(t.overall).toEqual({ invited: 5, present: 2, percent: 40, met: false });
    for (const h of [w.H.splitMother, w.H.splitFather]) await markAttendance(w.teacher.actor, { meetingId, householdId: h, present: true }, STARTS);
    t = (await meetingDetail(w.director.actor, meetingId, STARTS)).turnout!;
    expect(t.groups.map((g) => [g.name, g.present, g.invited, g.percent, g.met])).toEqual([
      ['5A', 4, 4, 100, true],
      ['6B', 1, 2, 50, false],
    ]);
    // Exactly 80% meets an 80% target.
    expect(t.overall).toEqual({ invited: 5, present: 4, percent: 80, met: true });
    // Untick: a second tap undoes it.
    await markAttendance(w.teacher.actor, { meetingId, householdId: w.H.splitFather, present: false }, STARTS);
    expect((await meetingDetail(w.director.actor, meetingId, STARTS)).turnout!.overall).toEqual({ invited: 5, present: 3, percent: 60, met: false });
    const list = await staffMeetings(w.director.actor, new Date('2026-11-20T09:00:00Z'));
    expect(list.past.map((m) => [m.id, m.turnout.overall.percent])).toEqual([[meetingId, 60]]);
  });

  it('refuses households outside the register and staff outside the meeting; nothing written', async () => {
    const before = await prisma.meetingAttendance.count({ where: { meetingId } });
    await expect(markAttendance(w.teacher.actor, { meetingId, householdId: w.H.onlyC, present: true }, STARTS)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(markAttendance(w.teacherC.actor, { meetingId, householdId: w.H.both, present: true }, STARTS)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(markAttendance(w.otherDirector.actor, { meetingId, householdId: w.H.both, present: true }, STARTS)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(markAttendance(w.both.guardians[0].actor, { meetingId, householdId: w.H.both, present: true }, STARTS)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.meetingAttendance.count({ where: { meetingId } })).toBe(before);
  });

  it('tells the reach view which households attended a meeting this school year', async () => {
    const attended = await householdsAttendedThisYear(w.school.id, NOW);
    expect([...attended].sort()).toEqual([w.H.both, w.H.onlyA, w.H.splitMother].sort());
    expect(await attendedAnyMeeting(w.school.id, [w.H.onlyA, w.H.onlyB, w.H.splitFather], NOW)).toEqual(new Map([[w.H.onlyA, true], [w.H.onlyB, false], [w.H.splitFather, false]]));
    // Next school year starts from zero.
    await prisma.schoolYear.create({ data: { schoolId: w.school.id, name: '2027-2028', startDate: new Date('2027-08-23'), endDate: new Date('2028-07-14') } });
    expect((await householdsAttendedThisYear(w.school.id, new Date('2027-09-01T09:00:00Z'))).size).toBe(0);
  });

  it('share: rounds for display, compares the target exactly', () => {
    expect(share(7, 11, 64)).toEqual({ invited: 11, present: 7, percent: 64, met: false });
    expect(share(16, 25, 64)).toEqual({ invited: 25, present: 16, percent: 64, met: true });
    expect(share(0, 0, 80)).toEqual({ invited: 0, present: 0, percent: 0, met: false });
  });
});
