import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { guardianRounds } from '@/lib/bookings/queries';
import { createRound } from '@/lib/bookings/service';
import { prisma } from '@/lib/db';
import { importInto } from '@/lib/import/apply';
import { DEMO_LOGINS, demoSchoolCsv } from '@/lib/school/demo-school';
import { createDefaultStages } from '@/lib/school/stages';
import { roundWishes } from '@/lib/talk-wishes/queries';
import { seedDemoRhythm } from '@/prisma/demo/rhythm';
import { createSchool } from './support/factories';

// The demo's rhythm and marks (prisma/demo/rhythm.ts) on the demo school's own import and a round
// like the seed's (gap 5, 15:00-17:30): the 5A demo teacher's break after six talks, two 5A pupils
// and Sanne (ouder@'s child in 3A) requested.
const NOW = new Date('2026-11-10T12:00:00Z');
const hhmm = (d: Date) => d.toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });
let w: Awaited<ReturnType<typeof world>>;

async function actorOf(schoolId: string, email: string, role: 'GUARDIAN' | 'DIRECTOR' | 'TEACHER'): Promise<Actor> {
  const m = await prisma.membership.findFirstOrThrow({ where: { schoolId, role, user: { email } } });
  return { userId: m.userId, schoolId, role, membershipId: m.id };
}

async function world() {
  const { school, year } = await createSchool();
  await prisma.$transaction((tx) => importInto(tx, school.id, year.id, demoSchoolCsv()), { timeout: 120_000 });
  const director = await prisma.membership.findFirstOrThrow({ where: { schoolId: school.id, role: 'DIRECTOR' } });
  if (!(await prisma.stageDefinition.count({ where: { schoolId: school.id } }))) await prisma.$transaction((tx) => createDefaultStages(tx, school.id));
  const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'well_being' } });
  const groups = await prisma.group.findMany({ where: { schoolId: school.id }, select: { id: true, name: true } });
  const { round } = await createRound({ userId: director.userId, schoolId: school.id, role: 'DIRECTOR', membershipId: director.id }, {
    stageId: stage.id, name: 'Welbevindengesprekken', groupIds: groups.map((g) => g.id), slotMinutes: 10, gapMinutes: 5, walkingMinutes: 2,
    opensAt: '2026-11-09T19:00', deadline: '2026-11-16T12:00', blocks: [{ startsAt: '2026-11-17T15:00', endsAt: '2026-11-17T17:30' }],
    locations: {}, splitDuo: [], separateTalksAllowed: true, inviteInformationOnly: false, interpreterDoubleSlot: true,
  });
  await seedDemoRhythm(school.id, round.id, NOW);
  return { school, round, groups };
}

beforeAll(async () => {
  w = await world();
}, 180_000);

describe('demo rhythm and marks', () => {
  it("5A's schedule has a 10-minute break after six talks; the other groups keep the round's plain rhythm", async () => {
    const slotsOf = async (name: string) => (await prisma.slot.findMany({ where: { roundId: w.round.id, groupId: w.groups.find((g) => g.name === name)!.id }, orderBy: { startsAt: 'asc' } })).map((s) => hhmm(s.startsAt));
    expect(await slotsOf('5A')).toEqual(['15:00', '15:15', '15:30', '15:45', '16:00', '16:15', '16:35', '16:50', '17:05', '17:20']);
    expect(await slotsOf('5B')).toEqual(['15:00', '15:15', '15:30', '15:45', '16:00', '16:15', '16:30', '16:45', '17:00', '17:15']);
    expect(await prisma.scheduleRhythm.findMany({ where: { roundId: w.round.id }, select: { breakAfterTalks: true, breakMinutes: true } })).toEqual([{ breakAfterTalks: 6, breakMinutes: 10 }]);
  });

  it('two 5A pupils are requested (one as a double talk) for the demo teacher, and Sanne for her mother', async () => {
    const teacher = await actorOf(w.school.id, DEMO_LOGINS.teacher.email, 'TEACHER');
    const view = await roundWishes(teacher, w.round.id);
    const g5a = view.groups.find((g) => g.group.name === '5A')!;
    expect(g5a.canMark).toBe(true);
    expect(g5a.children.filter((c) => c.wish).map((c) => [c.wish!.kind, c.wish!.doubleSlot])).toEqual(expect.arrayContaining([['REQUESTED', false], ['REQUESTED', true]]));
    expect(g5a.requestedNotBooked.length).toBe(2);
    const mother = await actorOf(w.school.id, DEMO_LOGINS.guardian.email, 'GUARDIAN');
    const sanne = (await guardianRounds(mother, NOW)).find((c) => c.child.firstName === 'Sanne')!;
    expect(sanne.rounds.map((r) => [r.wish?.kind, r.mandatory])).toEqual([['REQUESTED', true]]);
    expect(await prisma.talkWish.count({ where: { roundId: w.round.id } })).toBe(3);
  });
});
