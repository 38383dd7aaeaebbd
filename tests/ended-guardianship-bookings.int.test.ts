import { beforeAll, describe, expect, it } from 'vitest';
import { bookTalks, createRound } from '@/lib/bookings/service';
import { prisma } from '@/lib/db';
import { endGuardianship } from '@/lib/team/service';
import { createDefaultStages } from '@/lib/school/stages';
import { OPEN, base } from './support/booking-world';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// A guardian whose access ends keeps no talk on the teacher's schedule that nobody with access will
// come to; talks of those who keep access stay, and so does what already happened.

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  await prisma.$transaction((tx) => createDefaultStages(tx, school.id));
  const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'well_being' } });
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const g = await createGroup(school.id, year.id, '6A', [teacher.user.id]);
  const separated = await createFamily(school.id, year.id, [g.id], { guardians: 2, separated: true });
  const jointly = await createFamily(school.id, year.id, [g.id], { guardians: 2, separated: true });
  const single = await createFamily(school.id, year.id, [g.id]);
  const { round } = await createRound(director.actor, { ...base, stageId: stage.id, name: 'Welbevinden', groupIds: [g.id], separateTalksAllowed: true });
  // A round that is over by the time access ends.
  const { round: past } = await createRound(director.actor, {
    ...base, stageId: stage.id, name: 'Vorige week', groupIds: [g.id],
    opensAt: '2026-11-01T08:00', deadline: '2026-11-02T12:00', blocks: [{ startsAt: '2026-11-03T19:00', endsAt: '2026-11-03T20:00' }],
  });
  const slots = await prisma.slot.findMany({ where: { roundId: round.id }, orderBy: { startsAt: 'asc' } });
  const pastSlots = await prisma.slot.findMany({ where: { roundId: past.id }, orderBy: { startsAt: 'asc' } });
  return { school, director, g, separated, jointly, single, round, past, slots, pastSlots };
}
beforeAll(async () => {
  w = await world();
});

const guardianship = (userId: string, childId: string) => prisma.guardianship.findFirstOrThrow({ where: { userId, childId } });
const book = (actor: Parameters<typeof bookTalks>[0], roundId: string, childId: string, slotId: string, now = OPEN) => bookTalks(actor, { roundId, items: [{ childId, slotId }] }, now);

describe('ending a guardian’s access cancels the talks nobody with access is left for', () => {
  it('the ended household’s own future talk goes, the other household’s stays, and only those with access are mailed', async () => {
    const [mother, father] = w.separated.guardians;
    const child = w.separated.children[0];
    const [mine] = await book(mother.actor, w.round.id, child.id, w.slots[0].id);
    const [his] = await book(father.actor, w.round.id, child.id, w.slots[1].id);
    expect(mine.id).not.toBe(his.id);

    const link = await guardianship(father.user.id, child.id);
    await endGuardianship(w.director.actor, { guardianshipId: link.id, reason: 'COURT_ORDER', note: null }, OPEN);

    expect(await prisma.booking.findMany({ where: { roundId: w.round.id, childId: child.id }, select: { id: true } })).toEqual([{ id: mine.id }]);
    expect(await prisma.slotClaim.count({ where: { slotId: w.slots[1].id } })).toBe(0);
    expect(await prisma.bookingEvent.findMany({ where: { roundId: w.round.id, childId: child.id, kind: 'cancelled' }, select: { actorId: true, slotStart: true } }))
      .toEqual([{ actorId: w.director.user.id, slotStart: w.slots[1].startsAt }]);
    const cancelled = await prisma.outboxMail.findMany({ where: { schoolId: w.school.id, kind: 'booking_cancelled' }, select: { to: true } });
    // The father's own talk was his household's: the mother never heard of it, so she hears nothing of
    // its end either (issue 12), and the father no longer has access.
    expect(cancelled.map((m) => m.to)).toEqual([]);
  });

  it('a joint talk stays while another guardian keeps access (without the ended guardian’s time); with nobody left it goes, a past talk stays', async () => {
    const [mother, father] = w.jointly.guardians;
    const child = w.jointly.children[0];
    // Booked by the school: one talk for both households.
    const [joint] = await book(w.director.actor, w.round.id, child.id, w.slots[2].id);
    expect(await prisma.guardianTimeClaim.count({ where: { bookingId: joint.id } })).toBe(2);
    await endGuardianship(w.director.actor, { guardianshipId: (await guardianship(father.user.id, child.id)).id, reason: 'MOVED_AWAY', note: null }, OPEN);
    expect(await prisma.booking.count({ where: { id: joint.id } })).toBe(1);
    expect(await prisma.guardianTimeClaim.findMany({ where: { bookingId: joint.id }, select: { userId: true } })).toEqual([{ userId: mother.user.id }]);

    const only = w.single.guardians[0];
    const single = w.single.children[0];
    const [before] = await book(only.actor, w.past.id, single.id, w.pastSlots[0].id, new Date('2026-11-01T12:00:00Z'));
    const [upcoming] = await book(only.actor, w.round.id, single.id, w.slots[3].id);
    await prisma.waitlistEntry.create({ data: { schoolId: w.school.id, roundId: w.past.id, childId: single.id, userId: only.user.id, householdId: (await guardianship(only.user.id, single.id)).householdId } });
    await endGuardianship(w.director.actor, { guardianshipId: (await guardianship(only.user.id, single.id)).id, reason: 'OTHER', note: 'Pleeggezin' }, OPEN);
    expect(await prisma.booking.findMany({ where: { childId: single.id }, select: { id: true } })).toEqual([{ id: before.id }]);
    expect(upcoming.id).not.toBe(before.id);
    expect(await prisma.waitlistEntry.count({ where: { childId: single.id } })).toBe(0);
    // Nobody with access is left to mail.
    expect(await prisma.outboxMail.count({ where: { to: only.user.email, kind: 'booking_cancelled' } })).toBe(0);
    // The separated family's remaining talk is untouched by all this.
    expect(await prisma.booking.count({ where: { childId: w.separated.children[0].id } })).toBe(1);
  });
});
