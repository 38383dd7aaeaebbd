import { beforeAll, describe, expect, it } from 'vitest';
import { guardianRounds, nearestAlternatives, roundForGuardian, teacherDay } from '@/lib/bookings/queries';
import { bookTalks, cancelBooking, createRound, moveBooking } from '@/lib/bookings/service';
import { prisma } from '@/lib/db';
import { deliverDueMail } from '@/lib/mail/outbox';
import { type BookingWorld, base, bookingWorld as world, OPEN } from './support/booking-world';

let w: BookingWorld;

beforeAll(async () => {
  w = await world();
});

const parent = () => w.family.guardians[0].actor;
const [kid3, kid6] = [() => w.family.children[0], () => w.family.children[1]];

describe('rounds', () => {
  it('generates a slot every 10 minutes per group in the Dutch evening', () => {
    const s = w.slotsOf(w.g3.id);
    expect(s).toHaveLength(6);
    expect(s[0].startsAt.toISOString()).toBe('2026-11-17T18:00:00.000Z'); // 19:00 in Amsterdam
    expect(s[0].location).toBe('Lokaal 3');
  });

  it('a teacher cannot open a round for a group that is not theirs', async () => {
    await expect(createRound(w.juf.actor, { ...base, stageId: w.stage.id, name: 'x', groupIds: [w.g6.id] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('booking', () => {
  it('is refused before opening and after the deadline, on the server', async () => {
    const input = { roundId: w.round.id, items: [{ childId: kid3().id, slotId: w.slotsOf(w.g3.id)[0].id }], needsInterpreter: false };
    await expect(bookTalks(parent(), input, new Date('2026-11-01T12:00:00Z'))).rejects.toMatchObject({ code: 'ROUND_NOT_OPEN' });
    await expect(bookTalks(parent(), input, new Date('2026-11-16T12:00:01Z'))).rejects.toMatchObject({ code: 'DEADLINE_PASSED' });
    expect(await prisma.booking.count({ where: { roundId: w.round.id } })).toBe(0);
  });

  it('refuses a child that is not yours and an information-only parent unless invited', async () => {
    const stranger = w.others[0].children[0];
    await expect(bookTalks(parent(), { roundId: w.round.id, items: [{ childId: stranger.id, slotId: w.slotsOf(w.g3.id)[0].id }], needsInterpreter: false }, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const infoOnly = w.family.guardians[1].actor;
    await expect(bookTalks(infoOnly, { roundId: w.round.id, items: [{ childId: kid3().id, slotId: w.slotsOf(w.g3.id)[0].id }], needsInterpreter: false }, OPEN)).rejects.toMatchObject({ code: 'NOT_INVITED' });
  });

  it('siblings are all or nothing: when one slot is taken midway, nothing is booked', async () => {
    const taken = w.slotsOf(w.g6.id)[1];
    const [other] = await bookTalks(w.neighbour6.guardians[0].actor, { roundId: w.round.id, items: [{ childId: w.neighbour6.children[0].id, slotId: taken.id }], needsInterpreter: false }, OPEN);
    const input = { roundId: w.round.id, items: [{ childId: kid3().id, slotId: w.slotsOf(w.g3.id)[0].id }, { childId: kid6().id, slotId: taken.id }], needsInterpreter: false };
    await expect(bookTalks(parent(), input, OPEN)).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    expect(await prisma.booking.count({ where: { childId: kid3().id } })).toBe(0);
    expect(await prisma.slotClaim.count({ where: { slotId: w.slotsOf(w.g3.id)[0].id } })).toBe(0);
    await cancelBooking(w.neighbour6.guardians[0].actor, other.id, OPEN);
  });

  it('a parent cannot be in two places at once', async () => {
    const input = { roundId: w.round.id, items: [{ childId: kid3().id, slotId: w.slotsOf(w.g3.id)[2].id }, { childId: kid6().id, slotId: w.slotsOf(w.g6.id)[2].id }], needsInterpreter: false };
    await expect(bookTalks(parent(), input, OPEN)).rejects.toMatchObject({ code: 'PARENT_BUSY' });
    expect(await prisma.booking.count({ where: { roundId: w.round.id } })).toBe(0);
  });

  it('offers siblings back-to-back plans and books both in one action, mailing every guardian with an .ics', async () => {
    const view = await roundForGuardian(parent(), w.round.id, OPEN);
    expect(view.children).toHaveLength(2);
    const plan = view.plans[0];
    expect(plan).toHaveLength(2);
    const [a, b] = [...plan].sort((x, y) => +x.slot.startsAt - +y.slot.startsAt);
    expect(+b.slot.startsAt - +a.slot.endsAt).toBeGreaterThanOrEqual(2 * 60_000); // walking time between rooms
    expect(+b.slot.startsAt - +a.slot.endsAt).toBeLessThanOrEqual(10 * 60_000);

    const booked = await bookTalks(parent(), { roundId: w.round.id, items: plan.map((p) => ({ childId: p.childId, slotId: p.slot.id })), needsInterpreter: false, note: 'Graag over rekenen' }, OPEN);
    expect(booked).toHaveLength(2);
    await deliverDueMail(1000); // the outbox worker renders text and .ics
    const mails = await prisma.outboxMail.findMany({ where: { kind: 'booking_confirmed', to: { in: w.family.guardians.map((g) => g.user.email) } } });
    expect(mails).toHaveLength(4); // two children × two guardians (information-only included)
    expect(mails[0].icsFile).toContain('BEGIN:VEVENT');
    expect(mails[0].text).toMatch(/om 19:\d\d|om 20:\d\d/);

    const rounds = await guardianRounds(w.family.guardians[1].actor, OPEN);
    expect(rounds.every((c) => c.rounds[0].booking)).toBe(true); // the other guardian sees the bookings
    const day = await teacherDay(w.juf.actor, new Date('2026-11-17T00:00:00Z'), new Date('2026-11-18T00:00:00Z'));
    const talk = day.find((s) => s.claim?.booking.child.id === kid3().id);
    expect(talk?.claim?.booking.note).toBe('Graag over rekenen');
    expect(day.every((s) => s.group.name === '3A')).toBe(true); // not group 6's schedule
  });

  it('one booking per child per round', async () => {
    const free = w.slotsOf(w.g3.id).at(-1)!;
    await expect(bookTalks(parent(), { roundId: w.round.id, items: [{ childId: kid3().id, slotId: free.id }], needsInterpreter: false }, OPEN)).rejects.toMatchObject({ code: 'CHILD_ALREADY_BOOKED' });
  });

  it('many families on one slot at once: exactly one wins, the rest hear "just taken"', async () => {
    const target = w.slotsOf(w.g3.id).find((s) => s.id !== undefined && s.startsAt.toISOString() === '2026-11-17T18:50:00.000Z')!;
    const results = await Promise.allSettled(
      w.others.map((f) => bookTalks(f.guardians[0].actor, { roundId: w.round.id, items: [{ childId: f.children[0].id, slotId: target.id }], needsInterpreter: false }, OPEN)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const reasons = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.code);
    expect(new Set(reasons)).toEqual(new Set(['SLOT_TAKEN']));
    expect(await prisma.slotClaim.count({ where: { slotId: target.id } })).toBe(1);
    const loser = w.others.find((f) => results[w.others.indexOf(f)].status === 'rejected')!;
    const alternatives = await nearestAlternatives(loser.guardians[0].actor, w.round.id, loser.children[0].id, target.startsAt, 3, OPEN);
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.every((s) => s.id !== target.id)).toBe(true);
  });

  it('move keeps the old talk when the new slot is gone; cancel frees the slot until the deadline', async () => {
    const mine = await prisma.booking.findFirstOrThrow({ where: { childId: kid3().id }, include: { claims: true } });
    const takenSlot = await prisma.slotClaim.findFirstOrThrow({ where: { bookingId: { not: mine.id }, slot: { groupId: w.g3.id } } });
    await expect(moveBooking(parent(), mine.id, takenSlot.slotId, OPEN)).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    expect(await prisma.booking.count({ where: { id: mine.id } })).toBe(1);

    await expect(cancelBooking(parent(), mine.id, new Date('2026-11-16T13:00:00Z'))).rejects.toMatchObject({ code: 'DEADLINE_PASSED' });
    await expect(cancelBooking(w.others[1].guardians[0].actor, mine.id, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(cancelBooking(w.meester.actor, mine.id, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' }); // not their group
    await cancelBooking(w.juf.actor, mine.id, new Date('2026-11-16T13:00:00Z')); // the teacher can, after the deadline
    expect(await prisma.slotClaim.count({ where: { slotId: mine.claims[0].slotId } })).toBe(0);
    expect(await prisma.guardianTimeClaim.count({ where: { bookingId: mine.id } })).toBe(0);
  });
});
