// Demo traffic for helping in De Distelvlinder: talents of ~30 parents, a class parent for 5A, last
// month's Sint Maarten walk that some families helped at (so fair allocation has a history), the 5A
// excursion in ten days half full (2 of 3 drivers, 2 of 4 supervisors), the whole school's Christmas
// dinner with helpers, and a library visit of 3A with one driver's place left for Sanne's mother
// (ouder@) to take in the end-to-end test, after which her ex-partner (ouder2@) lands on the waiting
// list. Written through the real services, so places, households and queues are what the portal makes.
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { createActivity, signUp } from '@/lib/participation/activities';
import { appointClassParent } from '@/lib/participation/class-parents';
import type { ActivityInput } from '@/lib/participation/schemas';
import { saveTalents } from '@/lib/participation/talents';
import { DEMO_LOGINS } from '@/lib/school/demo-school';
import { currentSchoolYear, stillAtSchool } from '@/lib/school/year';
import { HELP_KINDS } from '@/lib/participation/schemas';

const DAY = 86_400_000;
const TALENTS = ['Ik kan goed timmeren', 'Fotograferen', 'Ik spreek Turks', 'Koken voor grote groepen', 'Tuinieren', 'Ik spreek Arabisch en Engels', 'Naaien en knutselen', 'Muziek: gitaar', 'ICT en computers', 'Voorlezen', 'Schminken', 'EHBO-diploma'];

/** A school-clock moment `days` from now at hh:mm. */
const on = (now: Date, days: number, time: string) => zonedToUtc(`${zonedDateKey(new Date(+now + days * DAY))}T${time}`);

async function actorOf(schoolId: string, userId: string): Promise<Actor> {
  const m = await prisma.membership.findFirstOrThrow({ where: { schoolId, userId } });
  return { userId, schoolId, role: m.role, membershipId: m.id };
}

/** One guardian per household of the group's children (the demo logins left out), in a stable order. */
async function householdsOf(schoolId: string, schoolYearId: string, groupId: string, now: Date, exclude: string[]) {
  const links = await prisma.guardianship.findMany({
    where: { schoolId, endedAt: null, user: { email: { notIn: exclude } }, child: { ...stillAtSchool(now), enrolments: { some: { schoolYearId, groupId } } } },
    orderBy: [{ householdId: 'asc' }, { id: 'asc' }],
    select: { userId: true, householdId: true },
  });
  const seen = new Map<string, string>();
  for (const l of links) if (!seen.has(l.householdId)) seen.set(l.householdId, l.userId);
  return Promise.all([...seen.values()].map((id) => actorOf(schoolId, id)));
}

export async function seedDemoParticipation(schoolId: string, now: Date) {
  const year = await currentSchoolYear(schoolId, now);
  if (!year) return;
  const demo = Object.values(DEMO_LOGINS).map((l) => l.email);
  const groups = new Map((await prisma.group.findMany({ where: { schoolId, schoolYearId: year.id }, select: { id: true, name: true } })).map((g) => [g.name, g.id]));
  const g5a = groups.get('5A');
  const g3a = groups.get('3A');
  // The demo logins when they are there (the director, 5A's duo teacher), else any director and a teacher of 5A.
  const staff = async (email: string, role: 'DIRECTOR' | 'TEACHER', groupId?: string) =>
    (
      (await prisma.membership.findFirst({ where: { schoolId, role, user: { email } } })) ??
      (await prisma.membership.findFirst({ where: { schoolId, role, ...(groupId ? { user: { groupTeachers: { some: { groupId } } } } : {}) }, orderBy: { createdAt: 'asc' } }))
    )?.userId;
  const directorId = await staff(DEMO_LOGINS.director.email, 'DIRECTOR');
  const teacherId = g5a ? await staff(DEMO_LOGINS.teacher.email, 'TEACHER', g5a) : undefined;
  if (!g5a || !g3a || !directorId || !teacherId) return;
  const director = await actorOf(schoolId, directorId);
  const teacher = await actorOf(schoolId, teacherId);

  // Talents: about 30 parents across the school.
  const parents = await prisma.membership.findMany({ where: { schoolId, role: 'GUARDIAN', user: { email: { notIn: demo } } }, orderBy: { userId: 'asc' }, select: { userId: true } });
  const stride = Math.max(1, Math.floor(parents.length / 30));
  for (const [i, p] of parents.filter((_, i) => i % stride === 0).slice(0, 30).entries()) {
    const helpWith = HELP_KINDS.filter((_, k) => (i + k) % 3 === 0 || (i * 7 + k) % 11 === 0);
    await saveTalents(await actorOf(schoolId, p.userId), { helpWith, talents: TALENTS[i % TALENTS.length] });
  }

  const fiveA = await householdsOf(schoolId, year.id, g5a, now, demo);
  const threeA = await householdsOf(schoolId, year.id, g3a, now, demo);
  if (fiveA.length < 6 || threeA.length < 3) return;
  // The first family of 5A is its class parent.
  await appointClassParent(teacher, { groupId: g5a, userId: fiveA[0].userId }, now);

  const roles = (drivers: number, supervisors: number): ActivityInput['roles'] => [
    { kind: 'DRIVER', label: 'Chauffeur', places: drivers },
    { kind: 'SUPERVISOR', label: 'Begeleider', places: supervisors },
  ];
  const sign = async (activityId: string, kind: 'DRIVER' | 'SUPERVISOR' | 'HELPER', label: string | null, who: Actor[], at: Date) => {
    const role = await prisma.activityRole.findFirstOrThrow({ where: { activityId, kind, ...(label ? { label } : {}) } });
    for (const [i, a] of who.entries()) await signUp(a, { roleId: role.id, seats: kind === 'DRIVER' ? 2 + (i % 3) : undefined }, new Date(+at + i * 3_600_000));
  };

  // A month ago, when the year had begun: the Sint Maarten lantern walk, which two families of 5A helped at.
  const pastAt = new Date(+now - 35 * DAY);
  if (pastAt >= year.startDate) {
    const walk = await createActivity(teacher, { title: 'Lampionnenoptocht Sint Maarten', description: 'Rondje door de wijk met de lampionnen.', groupId: g5a, startsAt: on(now, -28, '17:30'), endsAt: on(now, -28, '19:00'), signupDeadline: on(now, -30, '17:00'), allocation: 'FIRST_COME', roles: [{ kind: 'SUPERVISOR', label: 'Begeleider', places: 4 }] }, pastAt);
    await sign(walk, 'SUPERVISOR', null, [fiveA[1], fiveA[2]], new Date(+pastAt + DAY));
  }

  // The 5A excursion in ten days: half full.
  const excursion = await createActivity(
    teacher,
    { title: 'Excursie naar het Natuurmuseum', description: 'Groep 5A bezoekt het Natuurmuseum. We vertrekken om 9.00 uur van school en zijn rond 14.30 uur terug. Chauffeurs nemen kinderen mee in hun auto (met zitverhogers).', groupId: g5a, startsAt: on(now, 10, '09:00'), endsAt: on(now, 10, '14:30'), signupDeadline: on(now, 7, '17:00'), allocation: 'FIRST_COME', roles: roles(3, 4) },
    new Date(+now - 4 * DAY),
  );
  await sign(excursion, 'DRIVER', null, [fiveA[1], fiveA[3]], new Date(+now - 3 * DAY));
  await sign(excursion, 'SUPERVISOR', null, [fiveA[4], fiveA[5]], new Date(+now - 2 * DAY));

  // The Christmas dinner for the whole school: cooks, decorators and dishwashers.
  const dinner = await createActivity(
    director,
    {
      title: 'Kerstdiner',
      description: 'Het kerstdiner in alle groepen. We zoeken ouders die helpen koken, de lokalen versieren en na afloop afwassen.',
      groupId: null,
      startsAt: on(now, 16, '17:00'),
      endsAt: on(now, 16, '19:30'),
      signupDeadline: on(now, 12, '17:00'),
      allocation: 'FIRST_COME',
      roles: [
        { kind: 'HELPER', label: 'Koken', places: 6 },
        { kind: 'HELPER', label: 'Versieren', places: 4 },
        { kind: 'HELPER', label: 'Afwassen', places: 4 },
      ],
    },
    new Date(+now - 6 * DAY),
  );
  const others = (await Promise.all([...groups.entries()].filter(([n]) => n !== '5A' && n !== '3A').slice(0, 4).map(([, id]) => householdsOf(schoolId, year.id, id, now, demo)))).flat();
  await sign(dinner, 'HELPER', 'Koken', others.slice(0, 4), new Date(+now - 5 * DAY));
  await sign(dinner, 'HELPER', 'Versieren', others.slice(4, 6), new Date(+now - 4 * DAY));

  // 3A's library visit: one driver's place left.
  const library = await createActivity(
    director,
    { title: 'Bezoek aan de bibliotheek', description: 'Groep 3A gaat naar de bibliotheek in het centrum.', groupId: g3a, startsAt: on(now, 9, '10:00'), endsAt: on(now, 9, '12:00'), signupDeadline: on(now, 6, '17:00'), allocation: 'FIRST_COME', roles: roles(3, 2) },
    new Date(+now - 3 * DAY),
  );
  await sign(library, 'DRIVER', null, threeA.slice(0, 2), new Date(+now - 2 * DAY));
}
