import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { guardianMeetings, meetingDetail, staffMeetings } from '@/lib/meetings/queries';
import { seedDemoMeetings } from '@/prisma/demo/meetings';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The demo's meetings on a school shaped like the demo's (the lead wires seedDemoMeetings into the seed).
const NOW = new Date('2026-11-18T10:00:00Z');
let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher3A = await createUser(school.id, 'TEACHER');
  const groups = [await createGroup(school.id, year.id, '3A', [teacher3A.user.id])];
  for (const name of ['5A', '6', '7', '8A']) groups.push(await createGroup(school.id, year.id, name));
  const families = [];
  for (const g of groups) for (let i = 0; i < 12; i++) families.push(await createFamily(school.id, year.id, [g.id], { guardians: i % 3 === 0 ? 2 : 1, separated: i % 6 === 0 }));
  // One family with children in 5A and 7: counts in both groups, once overall.
  await createFamily(school.id, year.id, [groups[1].id, groups[3].id]);
  await seedDemoMeetings(school.id, NOW);
  return { school, director, teacher3A, groups, families };
}
beforeAll(async () => {
  w = await world();
}, 120_000);

describe('demo meetings', () => {
  it("last month's theme evening for groups 5-8 at 64% against 80%, below target in every group, varying", async () => {
    const { past, upcoming } = await staffMeetings(w.director.actor, NOW);
    expect(past.map((m) => [m.title, m.groups])).toEqual([['Thema-avond mediawijsheid', ['5A', '6', '7', '8A']]]);
    expect(+NOW - +past[0].startsAt).toBeGreaterThan(29 * 86_400_000);
    const t = past[0].turnout;
    // 64% of the families as near as their number allows (here 57: 36 present is 63%).
    expect([t.overall.present, t.overall.invited, t.targetPercent, t.overall.met]).toEqual([36, 57, 80, false]);
    expect(t.groups.every((g) => !g.met)).toBe(true);
    expect(new Set(t.groups.map((g) => g.percent)).size).toBeGreaterThan(2);
    expect(upcoming.map((m) => [m.title, m.groups])).toEqual([['Presentatieavond groep 3A', ['3A']]]);
  });

  it('the 3A presentation is next week with replies from some families, and invitations went out', async () => {
    const m = (await staffMeetings(w.director.actor, NOW)).upcoming[0];
    expect(m.startsAt > NOW).toBe(true);
    expect(m.turnout.rsvp).toEqual({ yes: 8, no: 1, maybe: 2, unanswered: 3, people: 15 });
    expect(await prisma.outboxMail.count({ where: { schoolId: w.school.id, kind: 'meeting_invitation' } })).toBe(16);
    const parent = w.families[0].guardians[0].actor;
    expect((await guardianMeetings(parent, NOW)).map((x) => x.title)).toEqual(['Presentatieavond groep 3A']);
    expect((await meetingDetail(w.teacher3A.actor, m.id, NOW)).mayRegister).toBe(true);
  });
});
