import { createRound } from '@/lib/bookings/service';
import { prisma } from '@/lib/db';
import { createDefaultStages } from '@/lib/school/stages';
import { createFamily, createGroup, createSchool, createUser } from './factories';

export const OPEN = new Date('2026-11-10T12:00:00Z'); // inside the booking window below
export const base = {
  slotMinutes: 10,
  gapMinutes: 0,
  walkingMinutes: 2,
  opensAt: '2026-11-09T19:00',
  deadline: '2026-11-16T12:00',
  blocks: [{ startsAt: '2026-11-17T19:00', endsAt: '2026-11-17T20:00' }],
  locations: {},
  splitDuo: [],
  separateTalksAllowed: false,
  inviteInformationOnly: false,
  interpreterDoubleSlot: true,
};

export type BookingWorld = Awaited<ReturnType<typeof bookingWorld>>;

/** Two groups with their teachers, a family with a child in each (one information-only parent), twelve families in 3A, one in 6B, and an open round. */
export async function bookingWorld() {
  const { school, year } = await createSchool();
  await prisma.$transaction((tx) => createDefaultStages(tx, school.id));
  const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'well_being' } });
  const director = await createUser(school.id, 'DIRECTOR');
  const juf = await createUser(school.id, 'TEACHER');
  const meester = await createUser(school.id, 'TEACHER');
  const g3 = await createGroup(school.id, year.id, '3A', [juf.user.id]);
  const g6 = await createGroup(school.id, year.id, '6B', [meester.user.id]);
  const family = await createFamily(school.id, year.id, [g3.id, g6.id], { guardians: 2, informationOnly: true });
  const others = await Promise.all(Array.from({ length: 12 }, () => createFamily(school.id, year.id, [g3.id])));
  const neighbour6 = await createFamily(school.id, year.id, [g6.id]);
  const { round } = await createRound(director.actor, {
    ...base,
    stageId: stage.id,
    name: 'Welbevindengesprekken',
    groupIds: [g3.id, g6.id],
    locations: { [g3.id]: 'Lokaal 3', [g6.id]: 'Lokaal 6' },
  });
  const slots = await prisma.slot.findMany({ where: { roundId: round.id }, orderBy: { startsAt: 'asc' } });
  const slotsOf = (groupId: string) => slots.filter((s) => s.groupId === groupId);
  return { school, year, stage, director, juf, meester, g3, g6, family, others, neighbour6, round, slotsOf };
}

