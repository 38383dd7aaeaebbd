import { beforeAll, describe, expect, it } from 'vitest';
import { guardianRounds, nearestAlternatives, roundForGuardian, teacherDay } from '@/lib/bookings/queries';
import { bookTalks, cancelBooking, createRound, moveBooking } from '@/lib/bookings/service';
import { prisma } from '@/lib/db';
import { deliverDueMail } from '@/lib/mail/outbox';
import { parentNotesFor } from '@/lib/records/preparation';
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
    // 3A at 19:00; 6B's 19:10 is free again but leaves no walking time, so 19:20 (Amsterdam).
    expect(plan.map((p) => [p.childId, p.slot.startsAt.toISOString()])).toEqual([
      [kid3().id, '2026-11-17T18:00:00.000Z'],
      [kid6().id, '2026-11-17T18:20:00.000Z'],
    ]);

    const booked = await bookTalks(parent(), { roundId: w.round.id, items: plan.map((p) => ({ childId: p.childId, slotId: p.slot.id })), needsInterpreter: false, note: 'Graag over rekenen' }, OPEN);
    expect(booked).toHaveLength(2);
    await deliverDueMail(1000, { schoolId: w.school.id }); // the outbox worker renders text and .ics
    const mails = await prisma.outboxMail.findMany({ where: { kind: 'booking_confirmed', to: { in: w.family.guardians.map((g) => g.user.email) } } });
    // Two children × two guardians (information-only included), each with the Amsterdam time and room.
    const when = { [kid3().lastName]: 'dinsdag 17 november 2026 om 19:00\nLocatie: Lokaal 3', [kid6().lastName]: 'dinsdag 17 november 2026 om 19:20\nLocatie: Lokaal 6' };
    const expected = w.family.guardians.flatMap((g) => Object.keys(when).map((child) => `${g.user.email} Bevestiging: Welbevindengesprek voor Kind ${child}`));
    expect(mails.map((m) => `${m.to} ${m.subject}`).sort()).toEqual(expected.sort());
    for (const m of mails) {
      expect(m.text).toContain(when[m.subject.split(' ').at(-1)!]);
      expect(m.icsFile).toContain('BEGIN:VEVENT');
    }

    // The other guardian sees both bookings, one per child.
    const rounds = await guardianRounds(w.family.guardians[1].actor, OPEN);
    expect(rounds.map((c) => [c.child.id, c.rounds.map((r) => r.booking?.startsAt.toISOString())]).sort()).toEqual(
      [
        [kid3().id, ['2026-11-17T18:00:00.000Z']],
        [kid6().id, ['2026-11-17T18:20:00.000Z']],
      ].sort(),
    );
    // Juf's evening: the six 3A slots, not group 6's schedule, with the note on the booked one.
    const day = await teacherDay(w.juf.actor, new Date('2026-11-17T00:00:00Z'), new Date('2026-11-18T00:00:00Z'));
    expect(day.map((s) => [s.group.name, s.startsAt.toISOString(), s.claim?.booking.child.id ?? null])).toEqual(
      w.slotsOf(w.g3.id).map((s, i) => ['3A', s.startsAt.toISOString(), i === 0 ? kid3().id : null]),
    );
    // The parents' note is read through the audited function, and the read is in the child's audit log.
    expect(await parentNotesFor(w.juf.actor, day.flatMap((s) => (s.claim ? [s.claim.booking.id] : [])))).toEqual([{ bookingId: day[0].claim!.booking.id, childId: kid3().id, note: 'Graag over rekenen' }]);
    expect(await prisma.fileAudit.count({ where: { childId: kid3().id, actorId: w.juf.user.id, action: 'read', subject: 'parentNote' } })).toBe(1);
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
    // 19:00 (the family's) and 19:50 (just taken) are gone: the three free slots nearest 19:50.
    expect(alternatives.map((s) => s.startsAt.toISOString())).toEqual(['2026-11-17T18:20:00.000Z', '2026-11-17T18:30:00.000Z', '2026-11-17T18:40:00.000Z']);
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
