import { beforeAll, describe, expect, it } from 'vitest';
import { savePreferences } from '@/lib/bookings/fair';
import { guardianRounds, roundForGuardian, teacherDay } from '@/lib/bookings/queries';
import { bookTalks, cancelBooking, createRound, moveBooking } from '@/lib/bookings/service';
import { joinWaitlist, leaveWaitlist } from '@/lib/bookings/waitlist';
import { sendDueReminders } from '@/lib/bookings/reminders';
import { prisma } from '@/lib/db';
import { childTimeline } from '@/lib/records/timeline';
import { type BookingWorld, base, bookingWorld, OPEN } from './support/booking-world';
import { createFamily } from './support/factories';

// Who may act for a child in a round (lib/access/bookings.ts): information-only guardians only when
// invited, and separated parents each for their own household's talk, waiting-list place and
// preferences. The other household sees that there is a talk, nothing more, and changes nothing.

let w: BookingWorld;
let separated: Awaited<ReturnType<typeof createFamily>>;
let roundId: string;
let fairId: string;
let slots: { id: string; startsAt: Date }[];

beforeAll(async () => {
  w = await bookingWorld();
  separated = await createFamily(w.school.id, w.year.id, [w.g3.id], { guardians: 2, separated: true });
  const { round } = await createRound(w.director.actor, {
    ...base, stageId: w.stage.id, name: 'Apart', groupIds: [w.g3.id], separateTalksAllowed: true,
    blocks: [{ startsAt: '2026-11-18T19:00', endsAt: '2026-11-18T20:00' }],
  });
  roundId = round.id;
  slots = await prisma.slot.findMany({ where: { roundId }, orderBy: { startsAt: 'asc' } });
  const { round: fair } = await createRound(w.director.actor, {
    ...base, mode: 'FAIR', preferencesCloseAt: '2026-11-12T20:00', stageId: w.stage.id, name: 'Apart eerlijk', groupIds: [w.g3.id], separateTalksAllowed: true,
    blocks: [{ startsAt: '2026-11-19T15:00', endsAt: '2026-11-19T16:00' }, { startsAt: '2026-11-19T19:00', endsAt: '2026-11-19T20:00' }],
  });
  fairId = fair.id;
});

const [mother, father] = [() => separated.guardians[0], () => separated.guardians[1]];
const child = () => separated.children[0];
const mailsTo = (email: string, kind: string) => prisma.outboxMail.count({ where: { to: email, kind } });

describe('day view', () => {
  it('lists as coming only the guardians the round invites', async () => {
    const [parent, infoOnly] = w.family.guardians;
    const slot = w.slotsOf(w.g3.id)[0];
    await bookTalks(parent.actor, { roundId: w.round.id, items: [{ childId: w.family.children[0].id, slotId: slot.id }] }, OPEN);
    const day = await teacherDay(w.juf.actor, new Date('2026-11-17T00:00:00Z'), new Date('2026-11-18T00:00:00Z'));
    const row = day.find((s) => s.id === slot.id)!;
    // The information-only guardian is not invited to this round: not coming.
    expect(row.coming.map((u) => u.lastName)).toEqual([parent.user.lastName]);
    expect(row.coming.map((u) => u.lastName)).not.toContain(infoOnly.user.lastName);
  });
});

describe('information-only guardian', () => {
  it('cannot take the child off the waiting list when the round does not invite them', async () => {
    const [parent, infoOnly] = w.family.guardians;
    const kid6 = w.family.children[1];
    await joinWaitlist(parent.actor, w.round.id, kid6.id, OPEN);
    await expect(leaveWaitlist(infoOnly.actor, w.round.id, kid6.id)).rejects.toMatchObject({ code: 'NOT_INVITED' });
    expect(await prisma.waitlistEntry.count({ where: { roundId: w.round.id, childId: kid6.id } })).toBe(1);
    await leaveWaitlist(parent.actor, w.round.id, kid6.id);
    expect(await prisma.waitlistEntry.count({ where: { roundId: w.round.id, childId: kid6.id } })).toBe(0);
  });
});

describe('separated parents, talks booked separately', () => {
  it('each household has its own place on the waiting list; the other cannot take it', async () => {
    await joinWaitlist(mother().actor, roundId, child().id, OPEN);
    await leaveWaitlist(father().actor, roundId, child().id); // the father has no place: nothing to leave
    expect((await roundForGuardian(mother().actor, roundId, OPEN)).children[0].waiting).toBe(true);
    expect((await roundForGuardian(father().actor, roundId, OPEN)).children[0].waiting).toBe(false);
    await joinWaitlist(father().actor, roundId, child().id, OPEN);
    expect(await prisma.waitlistEntry.findMany({ where: { roundId, childId: child().id }, select: { userId: true }, orderBy: { createdAt: 'asc' } })).toEqual([
      { userId: mother().user.id },
      { userId: father().user.id },
    ]);
  });

  it('a talk one household books is theirs: only they are told, the other sees that there is one', async () => {
    const [mine] = await bookTalks(mother().actor, { roundId, items: [{ childId: child().id, slotId: slots[0].id }] }, OPEN);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: mine.id }, select: { householdKey: true } })).toEqual({
      householdKey: (await prisma.guardianship.findFirstOrThrow({ where: { userId: mother().user.id } })).householdId,
    });
    expect(await mailsTo(mother().user.email, 'booking_confirmed')).toBe(1);
    expect(await mailsTo(father().user.email, 'booking_confirmed')).toBe(0);
    // Booking ended the mother's wait, not the father's.
    expect(await prisma.waitlistEntry.findMany({ where: { roundId, childId: child().id }, select: { userId: true } })).toEqual([{ userId: father().user.id }]);

    const fathers = (await guardianRounds(father().actor, OPEN)).find((c) => c.child.id === child().id)!.rounds.find((r) => r.round.id === roundId)!;
    expect(fathers.booking).toBeNull();
    expect(fathers.otherHousehold).toBe(true);
    const mothers = (await guardianRounds(mother().actor, OPEN)).find((c) => c.child.id === child().id)!.rounds.find((r) => r.round.id === roundId)!;
    expect(mothers.booking?.id).toBe(mine.id);
    expect(mothers.otherHousehold).toBe(false);
    const view = await roundForGuardian(father().actor, roundId, OPEN);
    expect(view.children[0]).toMatchObject({ booking: null, otherHousehold: true, waiting: true });
  });

  it('the other household cannot cancel or move it, and hears nothing of it', async () => {
    const mine = await prisma.booking.findFirstOrThrow({ where: { roundId, childId: child().id }, include: { claims: true } });
    await expect(cancelBooking(father().actor, mine.id, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(moveBooking(father().actor, mine.id, slots[5].id, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: mine.id }, include: { claims: true } })).toMatchObject({ claims: [{ slotId: slots[0].id }] });

    // The father books his own talk: two talks for the child, each household told of its own.
    const [his] = await bookTalks(father().actor, { roundId, items: [{ childId: child().id, slotId: slots[1].id }] }, OPEN);
    expect(await mailsTo(father().user.email, 'booking_confirmed')).toBe(1);
    expect(await mailsTo(mother().user.email, 'booking_confirmed')).toBe(1);
    expect(await prisma.waitlistEntry.count({ where: { roundId, childId: child().id } })).toBe(0);
    // The day view: each talk with its own household coming.
    const day = await teacherDay(w.juf.actor, new Date('2026-11-18T00:00:00Z'), new Date('2026-11-19T00:00:00Z'));
    expect(day.filter((s) => s.claim).map((s) => s.coming.map((u) => u.lastName))).toEqual([[mother().user.lastName], [father().user.lastName]]);
    // The day-before reminder: each household of its own talk.
    await sendDueReminders(new Date('2026-11-17T19:00:00Z'), { schoolId: w.school.id });
    expect(await mailsTo(mother().user.email, 'talk_reminder')).toBe(1);
    expect(await mailsTo(father().user.email, 'talk_reminder')).toBe(1);

    await cancelBooking(mother().actor, mine.id, OPEN);
    expect(await mailsTo(mother().user.email, 'booking_cancelled')).toBe(1);
    expect(await mailsTo(father().user.email, 'booking_cancelled')).toBe(0);
    expect(await prisma.booking.findMany({ where: { roundId, childId: child().id }, select: { id: true } })).toEqual([{ id: his.id }]);
  });

  it("the father's own talk is in his view of the child's file, not in the mother's; the teacher sees it", async () => {
    // After the test above only the father's talk is left.
    const talks = async (actor: Parameters<typeof childTimeline>[0]) => (await childTimeline(actor, child().id)).entries.flatMap((e) => (e.type === 'talk' ? [e.id] : []));
    const his = await prisma.booking.findFirstOrThrow({ where: { roundId, childId: child().id }, select: { id: true } });
    expect(await talks(father().actor)).toEqual([his.id]);
    expect(await talks(mother().actor)).toEqual([]);
    expect(await talks(w.juf.actor)).toEqual([his.id]);
  });

  it('each household gives its own preferences in a fair round; neither overwrites the other', async () => {
    const view = await roundForGuardian(mother().actor, fairId, OPEN);
    const [afternoon, evening] = view.round.blocks.map((b) => b.id);
    await savePreferences(mother().actor, fairId, [child().id], [evening], OPEN);
    await savePreferences(father().actor, fairId, [child().id], [afternoon], OPEN);
    expect((await roundForGuardian(mother().actor, fairId, OPEN)).round.preferences).toEqual([{ childId: child().id, blockIds: [evening] }]);
    expect((await roundForGuardian(father().actor, fairId, OPEN)).round.preferences).toEqual([{ childId: child().id, blockIds: [afternoon] }]);
  });
});
