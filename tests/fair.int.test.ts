import { beforeAll, describe, expect, it } from 'vitest';
import { allocateDueRounds, allocateRound, savePreferences } from '@/lib/bookings/fair';
import { roundForGuardian } from '@/lib/bookings/queries';
import { bookTalks, createRound, moveBooking } from '@/lib/bookings/service';
import { prisma } from '@/lib/db';
import { type BookingWorld, base, bookingWorld } from './support/booking-world';
import { createGroup } from './support/factories';

let w: BookingWorld;
let roundId: string;
const PREFS = new Date('2026-11-10T12:00:00Z'); // inside the preference window
const AFTER = new Date('2026-11-13T12:00:00Z'); // allocated, before the deadline

beforeAll(async () => {
  w = await bookingWorld();
  const { round } = await createRound(w.director.actor, {
    ...base,
    mode: 'FAIR',
    preferencesCloseAt: '2026-11-12T20:00',
    stageId: w.stage.id,
    name: 'Eerlijk ingedeeld',
    groupIds: [w.g3.id, w.g6.id],
    // 7 afternoon + 6 evening slots per group: exactly room for the 13 children of 3A.
    blocks: [
      { startsAt: '2026-11-18T15:00', endsAt: '2026-11-18T16:10' },
      { startsAt: '2026-11-18T19:00', endsAt: '2026-11-18T20:00' },
    ],
    locations: { [w.g3.id]: 'Lokaal 3', [w.g6.id]: 'Lokaal 6' },
  });
  roundId = round.id;
});

describe('fair opening', () => {
  it('gathers preferences instead of bookings while the window is open', async () => {
    const parent = w.family.guardians[0].actor;
    const kids = w.family.children.map((c) => c.id);
    await expect(bookTalks(parent, { roundId, items: [{ childId: kids[0], slotId: (await prisma.slot.findFirstOrThrow({ where: { roundId, groupId: w.g3.id } })).id }] }, PREFS)).rejects.toMatchObject({ code: 'ROUND_NOT_OPEN' });
    const view = await roundForGuardian(parent, roundId, PREFS);
    expect(view.state).toBe('preferences');
    const evening = view.round.blocks[1].id;
    await savePreferences(parent, roundId, kids, [evening], PREFS);
    await expect(savePreferences(parent, roundId, kids, [evening], new Date('2026-11-12T20:00:01Z'))).rejects.toMatchObject({ code: 'ROUND_NOT_OPEN' });
    await expect(savePreferences(w.others[0].guardians[0].actor, roundId, kids, [evening], PREFS)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Half of the other families can only come in the afternoon.
    for (const [i, f] of w.others.entries()) await savePreferences(f.guardians[0].actor, roundId, [f.children[0].id], [view.round.blocks[i % 2].id], PREFS);
  });

  it('allocates everyone at once: siblings back to back in their preferred evening, nobody left out, once', async () => {
    const result = await allocateRound(w.director.actor, roundId, new Date('2026-11-12T20:01:00Z'));
    expect(result).toMatchObject({ booked: 15, unplaced: 0 });
    const bookings = await prisma.booking.findMany({ where: { roundId }, include: { claims: { include: { slot: true } } } });
    expect(bookings).toHaveLength(15);
    expect(new Set(bookings.flatMap((b) => b.claims.map((c) => c.slotId))).size).toBe(15);
    const family = bookings.filter((b) => w.family.children.some((c) => c.id === b.childId)).map((b) => b.claims[0].slot).sort((a, b) => +a.startsAt - +b.startsAt);
    expect(family.map((s) => s.startsAt.toISOString().slice(11, 13))).toEqual(['18', '18']); // 19:xx in Amsterdam
    expect(+family[1].startsAt - +family[0].endsAt).toBeLessThanOrEqual(10 * 60_000);
    expect(+family[1].startsAt - +family[0].endsAt).toBeGreaterThanOrEqual(2 * 60_000); // walking time between rooms
    await expect(allocateRound(w.director.actor, roundId)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await prisma.outboxMail.count({ where: { kind: 'booking_confirmed', to: w.family.guardians[0].user.email } })).toBe(2);
  });

  it('after the allocation parents may swap to a free slot until the deadline', async () => {
    const parent = w.family.guardians[0].actor;
    const mine = await prisma.booking.findFirstOrThrow({ where: { roundId, childId: w.family.children[1].id } });
    const free = await prisma.slot.findFirstOrThrow({ where: { roundId, groupId: w.g6.id, claim: null }, orderBy: { startsAt: 'asc' } });
    expect((await roundForGuardian(parent, roundId, AFTER)).state).toBe('open');
    const moved = await moveBooking(parent, mine.id, free.id, AFTER);
    expect(moved.startsAt).toEqual(free.startsAt);
  });

  it('the job allocates rounds whose preference window has closed', async () => {
    const { round } = await createRound(w.director.actor, {
      ...base, mode: 'FAIR', preferencesCloseAt: '2026-11-12T20:00', stageId: w.stage.id, name: 'Job', groupIds: [w.g6.id],
      blocks: [{ startsAt: '2026-11-19T15:00', endsAt: '2026-11-19T16:00' }],
    });
    const closedAt = new Date('2026-11-12T19:00:01Z'); // 20:00:01 in Amsterdam
    await allocateDueRounds(closedAt, { schoolId: w.school.id });
    expect((await prisma.talkRound.findUniqueOrThrow({ where: { id: round.id } })).allocatedAt).toEqual(closedAt);
    // 6B holds the family's second child and the neighbour's child: both placed.
    const booked = await prisma.booking.findMany({ where: { roundId: round.id }, select: { childId: true } });
    expect(booked.map((b) => b.childId).sort()).toEqual([w.family.children[1].id, w.neighbour6.children[0].id].sort());
  });

  it('a teacher allocates only a round with one of their groups; the director any of the school', async () => {
    // An empty group: nothing in the booking loop could refuse the teacher by accident.
    const g3b = await createGroup(w.school.id, w.year.id, '3B', [w.juf.user.id]);
    const fair = { ...base, mode: 'FAIR' as const, preferencesCloseAt: '2026-11-12T20:00', stageId: w.stage.id, blocks: [{ startsAt: '2026-11-20T15:00', endsAt: '2026-11-20T16:00' }] };
    const { round: juf } = await createRound(w.juf.actor, { ...fair, name: 'Alleen 3B', groupIds: [g3b.id] });
    const closed = new Date('2026-11-12T20:01:00Z');
    await expect(allocateRound(w.meester.actor, juf.id, closed)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(allocateRound(w.family.guardians[0].actor, juf.id, closed)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await prisma.talkRound.findUniqueOrThrow({ where: { id: juf.id } })).allocatedAt).toBeNull();
    expect(await allocateRound(w.juf.actor, juf.id, closed)).toMatchObject({ booked: 0, unplaced: 0 });
    const { round: other } = await createRound(w.juf.actor, { ...fair, name: 'Nog eens 3B', groupIds: [g3b.id] });
    expect(await allocateRound(w.director.actor, other.id, closed)).toMatchObject({ booked: 0 });
  });
});
