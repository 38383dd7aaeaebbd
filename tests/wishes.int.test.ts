import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/access/action';
import { freeSlotsFor, guardianRounds, roundForGuardian, teacherDay } from '@/lib/bookings/queries';
import { pausesBefore, roundRhythms, setScheduleRhythm } from '@/lib/bookings/rhythm';
import { createRoundSchema, rhythmSchema, wishSchema } from '@/lib/bookings/schemas';
import { bookTalks, createRound } from '@/lib/bookings/service';
import { remindMissing } from '@/lib/bookings/staff';
import { prisma } from '@/lib/db';
import { familySignals } from '@/lib/reach/families';
import { roundWishes } from '@/lib/talk-wishes/queries';
import { setTalkWish } from '@/lib/talk-wishes/service';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The teacher's own rhythm and the talk the teacher asks for (issue 15), on the real database:
// breaks in the slots, a double talk on the teacher's initiative, the per-pupil marks and where they
// count (the family's pages, the reminder, the reach signal). Times are UTC in the school's zone
// (Europe/Amsterdam, winter: +01:00), so 15:00 local is 14:00Z.

const BEFORE = new Date('2026-11-05T12:00:00Z'); // before the round opens
const OPEN = new Date('2026-11-10T12:00:00Z');
const hhmm = (d: Date) => d.toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });

const base = {
  slotMinutes: 10,
  gapMinutes: 0,
  walkingMinutes: 2,
  opensAt: '2026-11-09T19:00',
  deadline: '2026-11-16T12:00',
  blocks: [{ startsAt: '2026-11-17T15:00', endsAt: '2026-11-17T17:30' }],
  locations: {},
  splitDuo: [],
  separateTalksAllowed: false,
  inviteInformationOnly: false,
  interpreterDoubleSlot: true,
};

type Fam = Awaited<ReturnType<typeof createFamily>>;
let w: Awaited<ReturnType<typeof world>>;

async function world() {
  const { school, year } = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const juf = await createUser(school.id, 'TEACHER');
  const meester = await createUser(school.id, 'TEACHER');
  const g3 = await createGroup(school.id, year.id, '3A', [juf.user.id]);
  const g6 = await createGroup(school.id, year.id, '6B', [meester.user.id]);
  // Only group 6 must have this talk by its grade: 3A's talks count as mandatory only when asked for.
  const stage = await prisma.stageDefinition.create({ data: { schoolId: school.id, position: 1, key: 'report_1', name: 'Rapportgesprek', period: 'nov', durationMinutes: 10, mandatoryGrades: [6] } });
  const f3: Fam[] = [];
  for (let i = 0; i < 4; i++) f3.push(await createFamily(school.id, year.id, [g3.id]));
  const f6: Fam[] = [];
  for (let i = 0; i < 2; i++) f6.push(await createFamily(school.id, year.id, [g6.id]));
  const { round, slotCount } = await createRound(director.actor, { ...base, stageId: stage.id, name: 'Rapportgesprekken', groupIds: [g3.id, g6.id], breakAfterTalks: 6, breakMinutes: 10 });
  return { school, year, director, juf, meester, g3, g6, stage, f3, f6, round, slotCount };
}

beforeAll(async () => {
  w = await world();
});

const slotsOf = (groupId: string, roundId = w.round.id) => prisma.slot.findMany({ where: { roundId, groupId }, orderBy: { startsAt: 'asc' } });

describe('breaks in the slots (rhythm)', () => {
  it('a round with a break after six talks: 15:00-17:30, the 7th talk starts 16:10, in both groups', async () => {
    const times = (await slotsOf(w.g3.id)).map((s) => hhmm(s.startsAt));
    expect(times).toEqual(['15:00', '15:10', '15:20', '15:30', '15:40', '15:50', '16:10', '16:20', '16:30', '16:40', '16:50', '17:00', '17:20']);
    expect(w.slotCount).toBe(26);
    expect(await prisma.talkRound.findUniqueOrThrow({ where: { id: w.round.id }, select: { breakAfterTalks: true, breakMinutes: true } })).toEqual({ breakAfterTalks: 6, breakMinutes: 10 });
  });

  it('a round without a rhythm keeps the old slots (defaults 0)', async () => {
    const { round } = await createRound(w.director.actor, { ...base, stageId: w.stage.id, name: 'Zonder pauze', groupIds: [w.g3.id] });
    expect(await prisma.talkRound.findUniqueOrThrow({ where: { id: round.id }, select: { breakAfterTalks: true, breakMinutes: true } })).toEqual({ breakAfterTalks: 0, breakMinutes: 0 });
    expect((await slotsOf(w.g3.id, round.id)).length).toBe(15);
  });

  it('a fixed coffee break from the round form leaves 16:00-16:15 free', async () => {
    const { round } = await createRound(w.director.actor, { ...base, stageId: w.stage.id, name: 'Met koffie', groupIds: [w.g3.id], breaks: [{ startsAt: '2026-11-17T16:00', endsAt: '2026-11-17T16:15' }] });
    const times = (await slotsOf(w.g3.id, round.id)).map((s) => hhmm(s.startsAt));
    expect(times.slice(4, 8)).toEqual(['15:40', '15:50', '16:15', '16:25']);
    expect(await prisma.roundBreak.count({ where: { roundId: round.id, groupId: null } })).toBe(1);
  });

  it('bad rhythm input is refused with a message key, nothing written', async () => {
    const form = { stageId: w.stage.id, name: 'x', groupIds: [w.g3.id], ...base, slotMinutes: '10', gapMinutes: '0' };
    expect(parseInput(createRoundSchema, { ...form, breakAfterTalks: '6', breakMinutes: '0' })).toMatchObject({ ok: false, fieldErrors: { breakMinutes: ['breakIncomplete'] } });
    expect(parseInput(createRoundSchema, { ...form, breaks: [{ startsAt: '2026-11-17T19:00', endsAt: '2026-11-17T19:15' }] })).toMatchObject({ ok: false, fieldErrors: { breaks: ['breakOutsideBlock'] } });
    expect(parseInput(rhythmSchema, { roundId: w.round.id, groupId: w.g3.id, breakAfterTalks: '-1', breakMinutes: '10' })).toMatchObject({ ok: false, fieldErrors: { breakAfterTalks: ['outOfRange'] } });
    expect(parseInput(rhythmSchema, { roundId: w.round.id, groupId: w.g3.id, breakAfterTalks: '4', breakMinutes: '5', breaks: [{ startsAt: '2026-11-17T16:15', endsAt: '2026-11-17T16:00' }] })).toMatchObject({ ok: false, fieldErrors: { breaks: ['breakEndsBeforeStart'] } });
    const rounds = await prisma.talkRound.count({ where: { schoolId: w.school.id } });
    // A break outside the blocks that passes zod (local times) is refused by the service: no rhythm row.
    await expect(setScheduleRhythm(w.meester.actor, parsedRhythm({ groupId: w.g6.id, breaks: [{ startsAt: '2026-11-17T18:00', endsAt: '2026-11-17T18:15' }] }))).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { fieldErrors: { breaks: ['breakOutsideBlock'] } } });
    expect(await prisma.scheduleRhythm.count({ where: { roundId: w.round.id } })).toBe(0);
    expect(await prisma.talkRound.count({ where: { schoolId: w.school.id } })).toBe(rounds);
  });

  it("the teacher sets their own rhythm: 6B's schedule is cut again, 3A's stays; another group's teacher is refused", async () => {
    await expect(setScheduleRhythm(w.juf.actor, parsedRhythm({ groupId: w.g6.id }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { slotCount } = await setScheduleRhythm(w.meester.actor, parsedRhythm({ groupId: w.g6.id, breakAfterTalks: 4, breakMinutes: 15, breaks: [{ startsAt: '2026-11-17T17:00', endsAt: '2026-11-17T17:10' }] }));
    const g6 = (await slotsOf(w.g6.id)).map((s) => hhmm(s.startsAt));
    // 4 talks, 15 min, 4 talks, 15 min, 16:55 (run 1) — the fixed break 17:00-17:10 — 17:10 17:20
    expect(g6).toEqual(['15:00', '15:10', '15:20', '15:30', '15:55', '16:05', '16:15', '16:25', '16:50', '17:10', '17:20']);
    expect(slotCount).toBe(11);
    expect((await slotsOf(w.g3.id)).length).toBe(13);
    const rhythms = await roundRhythms(w.meester.actor, w.round.id);
    expect(rhythms.map((r) => [r.groupName, r.breakAfterTalks, r.breakMinutes, r.ownRhythm, r.breaks.length])).toEqual([['6B', 4, 15, true, 1]]);
  });

  it('once a family has booked in the schedule, the rhythm is refused and nothing changes', async () => {
    const before = (await slotsOf(w.g6.id)).map((s) => s.id);
    await bookTalks(w.f6[1].guardians[0].actor, { roundId: w.round.id, items: [{ childId: w.f6[1].children[0].id, slotId: before[0] }] }, OPEN);
    await expect(setScheduleRhythm(w.meester.actor, parsedRhythm({ groupId: w.g6.id, breakAfterTalks: 0, breakMinutes: 0 }))).rejects.toMatchObject({ code: 'SCHEDULE_HAS_BOOKINGS' });
    expect((await slotsOf(w.g6.id)).map((s) => s.id)).toEqual(before);
    expect(await prisma.scheduleRhythm.findFirstOrThrow({ where: { roundId: w.round.id, groupId: w.g6.id }, select: { breakAfterTalks: true } })).toEqual({ breakAfterTalks: 4 });
  });

  it("the teacher's day view gets a break row: Pauze 16:00-16:10 before the 7th talk", async () => {
    const day = await teacherDay(w.juf.actor, new Date('2026-11-16T23:00:00Z'), new Date('2026-11-17T23:00:00Z'));
    const pauses = pausesBefore(day);
    const rows = day.filter((s) => s.round.id === w.round.id).flatMap((s) => (pauses.has(s.id) ? [`Pauze ${hhmm(pauses.get(s.id)!.startsAt)}-${hhmm(pauses.get(s.id)!.endsAt)}`] : []));
    expect(rows).toEqual(['Pauze 16:00-16:10', 'Pauze 17:10-17:20']);
  });
});

function parsedRhythm(over: Partial<{ groupId: string; breakAfterTalks: number; breakMinutes: number; breaks: { startsAt: string; endsAt: string }[] }>) {
  const parsed = rhythmSchema.parse({ roundId: w.round.id, groupId: w.g3.id, breakAfterTalks: 6, breakMinutes: 10, ...over });
  return parsed;
}

describe('the teacher marks per pupil (TalkWish)', () => {
  it('only the teachers of the group and the director mark; bad input and a passed deadline write nothing', async () => {
    const child = w.f3[0].children[0].id;
    await expect(setTalkWish(w.meester.actor, { roundId: w.round.id, childId: child, kind: 'REQUESTED', doubleSlot: false }, BEFORE)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setTalkWish(w.f3[0].guardians[0].actor, { roundId: w.round.id, childId: child, kind: 'REQUESTED', doubleSlot: false }, BEFORE)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setTalkWish(w.juf.actor, { roundId: w.round.id, childId: child, kind: 'REQUESTED', doubleSlot: false }, new Date('2026-11-16T12:00:01Z'))).rejects.toMatchObject({ code: 'DEADLINE_PASSED' });
    expect(parseInput(wishSchema, { roundId: w.round.id, childId: child, kind: 'NOT_NEEDED', doubleSlot: true })).toMatchObject({ ok: false, fieldErrors: { doubleSlot: ['doubleNeedsRequested'] } });
    expect(parseInput(wishSchema, { roundId: w.round.id, childId: child, kind: 'MAYBE' })).toMatchObject({ ok: false, error: 'INVALID_INPUT' });
    expect(parseInput(wishSchema, { roundId: w.round.id, childId: child, kind: 'REQUESTED', note: 'x'.repeat(301) })).toMatchObject({ ok: false, fieldErrors: { note: ['tooLong'] } });
    expect(await prisma.talkWish.count({ where: { roundId: w.round.id } })).toBe(0);

    await setTalkWish(w.juf.actor, { roundId: w.round.id, childId: child, kind: 'REQUESTED', doubleSlot: false, note: 'Over het lezen' }, BEFORE);
    await setTalkWish(w.juf.actor, { roundId: w.round.id, childId: w.f3[1].children[0].id, kind: 'NOT_NEEDED', doubleSlot: false }, BEFORE);
    await setTalkWish(w.director.actor, { roundId: w.round.id, childId: w.f6[0].children[0].id, kind: 'NOT_NEEDED', doubleSlot: false }, BEFORE);
    // NONE takes a mark away again.
    await setTalkWish(w.juf.actor, { roundId: w.round.id, childId: w.f3[2].children[0].id, kind: 'NOT_NEEDED', doubleSlot: false }, BEFORE);
    await setTalkWish(w.juf.actor, { roundId: w.round.id, childId: w.f3[2].children[0].id, kind: 'NONE', doubleSlot: false }, BEFORE);
    const rows = await prisma.talkWish.findMany({ where: { roundId: w.round.id }, select: { childId: true, kind: true, note: true, byId: true, schoolId: true } });
    expect(rows.length).toBe(3);
    expect(rows.find((r) => r.childId === child)).toEqual({ childId: child, kind: 'REQUESTED', note: 'Over het lezen', byId: w.juf.user.id, schoolId: w.school.id });
  });

  it("the family sees it on the home page and the booking page; requested counts as mandatory, 'not needed' still books", async () => {
    const home = await guardianRounds(w.f3[0].guardians[0].actor, OPEN);
    const r = home[0].rounds.find((x) => x.round.id === w.round.id)!;
    expect([r.wish?.kind, r.wish?.note, r.mandatory]).toEqual(['REQUESTED', 'Over het lezen', true]);
    const notNeeded = (await guardianRounds(w.f3[1].guardians[0].actor, OPEN))[0].rounds.find((x) => x.round.id === w.round.id)!;
    expect([notNeeded.wish?.kind, notNeeded.mandatory, notNeeded.canBook]).toEqual(['NOT_NEEDED', false, true]);
    const page = await roundForGuardian(w.f3[1].guardians[0].actor, w.round.id, OPEN);
    expect(page.children[0].wish?.kind).toBe('NOT_NEEDED');
    expect(page.children[0].slots.length).toBe(13);
    const plain = (await guardianRounds(w.f3[3].guardians[0].actor, OPEN))[0].rounds.find((x) => x.round.id === w.round.id)!;
    expect([plain.wish, plain.mandatory]).toEqual([null, false]);
  });

  it("the teacher's group view shows the marks and who of the requested has not booked", async () => {
    const view = await roundWishes(w.juf.actor, w.round.id);
    expect(view.groups.map((g) => g.group.name)).toEqual(['3A']);
    const g3 = view.groups[0];
    expect(g3.canMark).toBe(true);
    expect(g3.children.map((c) => c.wish?.kind ?? null).sort()).toEqual(['NOT_NEEDED', 'REQUESTED', null, null]);
    expect(g3.requestedNotBooked.map((c) => c.id)).toEqual([w.f3[0].children[0].id]);
  });

  it('the reminder: the requested family hears the teacher wants to see them, "not needed" is not chased', async () => {
    const since = new Date();
    const sent = await remindMissing(w.juf.actor, w.round.id, w.g3.id);
    // f3[0] requested, f3[2] and f3[3] plain; f3[1] "not needed": three families, one guardian each.
    expect(sent).toBe(3);
    const mails = await prisma.outboxMail.findMany({ where: { schoolId: w.school.id, createdAt: { gte: since } }, select: { to: true, kind: true, subject: true } });
    const child = await prisma.child.findUniqueOrThrow({ where: { id: w.f3[0].children[0].id } });
    expect(mails.filter((m) => m.kind === 'booking_reminder_requested')).toEqual([
      { to: w.f3[0].guardians[0].user.email, kind: 'booking_reminder_requested', subject: `De leerkracht wil u graag spreken over Kind ${child.lastName}` },
    ]);
    expect(mails.filter((m) => m.kind === 'booking_reminder').map((m) => m.to).sort()).toEqual([w.f3[2].guardians[0].user.email, w.f3[3].guardians[0].user.email].sort());
    expect(mails.some((m) => m.to === w.f3[1].guardians[0].user.email)).toBe(false);
  });

  it('the reach signal: requested and not booked counts in a grade without a mandatory talk; "not needed" does not in one with', async () => {
    // Now (the bookings above were made at the test's real time; the signal counts bookings made by then).
    const families = await familySignals(w.school.id, new Date());
    const notBooked = (f: Fam) => families.find((x) => x.children.some((c) => c.id === f.children[0].id))!.signals.includes('talkNotBooked');
    expect([w.f3[0], w.f3[1], w.f3[3], w.f6[0], w.f6[1]].map(notBooked)).toEqual([true, false, false, false, false]);
    // Before the round opens nothing counts yet.
    expect((await familySignals(w.school.id, BEFORE)).some((x) => x.signals.includes('talkNotBooked'))).toBe(false);
  });
});

describe('a longer talk on the teacher initiative (double slot)', () => {
  it('the family books one moment and gets two consecutive slots; only moments with a free next slot are offered', async () => {
    const child = w.f3[3].children[0].id;
    await setTalkWish(w.juf.actor, { roundId: w.round.id, childId: child, kind: 'REQUESTED', doubleSlot: true }, BEFORE);
    const free = await freeSlotsFor(w.f3[3].guardians[0].actor, w.round.id, child, OPEN);
    // 15:50 has no next slot before the break, 17:00's next is after the break, 17:20 is the last.
    expect(free.map((s) => `${hhmm(s.startsAt)}-${hhmm(s.endsAt)}`)).toEqual(['15:00-15:20', '15:10-15:30', '15:20-15:40', '15:30-15:50', '15:40-16:00', '16:10-16:30', '16:20-16:40', '16:30-16:50', '16:40-17:00', '16:50-17:10']);
    const slots = await slotsOf(w.g3.id);
    await expect(bookTalks(w.f3[3].guardians[0].actor, { roundId: w.round.id, items: [{ childId: child, slotId: slots[5].id }] }, OPEN)).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    expect(await prisma.booking.count({ where: { roundId: w.round.id, childId: child } })).toBe(0);
    const [booked] = await bookTalks(w.f3[3].guardians[0].actor, { roundId: w.round.id, items: [{ childId: child, slotId: slots[0].id }] }, OPEN);
    expect([hhmm(booked.startsAt), hhmm(booked.endsAt)]).toEqual(['15:00', '15:20']);
    const claims = await prisma.slotClaim.findMany({ where: { bookingId: booked.id }, include: { slot: true }, orderBy: { slot: { startsAt: 'asc' } } });
    expect(claims.map((c) => c.slotId)).toEqual([slots[0].id, slots[1].id]);
  });

  it('the teacher books the double moment for a family; a plain child still takes one slot', async () => {
    const child = w.f3[0].children[0].id;
    await setTalkWish(w.juf.actor, { roundId: w.round.id, childId: child, kind: 'REQUESTED', doubleSlot: true }, BEFORE);
    const slots = await slotsOf(w.g3.id);
    const [booked] = await bookTalks(w.juf.actor, { roundId: w.round.id, items: [{ childId: child, slotId: slots[6].id }] }, OPEN);
    expect([hhmm(booked.startsAt), hhmm(booked.endsAt)]).toEqual(['16:10', '16:30']);
    const [plain] = await bookTalks(w.f3[2].guardians[0].actor, { roundId: w.round.id, items: [{ childId: w.f3[2].children[0].id, slotId: slots[8].id }] }, OPEN);
    expect(await prisma.slotClaim.count({ where: { bookingId: plain.id } })).toBe(1);
    expect((await roundWishes(w.juf.actor, w.round.id)).groups[0].requestedNotBooked).toEqual([]);
  });
});
