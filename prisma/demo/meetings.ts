// Demo traffic for meetings in De Distelvlinder: last month's theme evening on media literacy for
// groups 5-8, registered on the evening at 64% of the families against the 80% target (varying per
// group), and next week's presentation evening of 3A with some families' replies. The past evening's
// rows are written as the register would have left them (its invitations were sent back then); the
// coming one is created through the real service, so its invitations are what the portal would send.
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { createMeeting } from '@/lib/meetings/service';
import { invitedByGroup } from '@/lib/meetings/turnout';
import { DEMO_LOGINS } from '@/lib/school/demo-school';
import { currentSchoolYear } from '@/lib/school/year';

const DAY = 86_400_000;
const THEME_TARGET_OVERALL = 0.64;
// Share of each group's families present at the theme evening, by grade and group order.
const GROUP_RATES = [0.75, 0.66, 0.58, 0.55, 0.7, 0.62];

async function actorFor(schoolId: string, where: { role: 'DIRECTOR' | 'TEACHER'; groupId?: string }): Promise<Actor | null> {
  const m = await prisma.membership.findFirst({
    where: { schoolId, role: where.role, ...(where.groupId ? { user: { groupTeachers: { some: { groupId: where.groupId } } } } : {}) },
    orderBy: { createdAt: 'asc' },
  });
  return m ? { userId: m.userId, schoolId, role: m.role, membershipId: m.id } : null;
}

/** A school-time evening `days` from `now` (negative: in the past) at hh:mm. */
const evening = (now: Date, days: number, hhmm: string) => zonedToUtc(`${zonedDateKey(new Date(+now + days * DAY))}T${hhmm}`);

async function seedThemeEvening(schoolId: string, now: Date, director: Actor) {
  const year = await currentSchoolYear(schoolId, now);
  if (!year) return;
  const groups = await prisma.group.findMany({ where: { schoolId, schoolYearId: year.id, grade: { gte: 5, lte: 8 } }, orderBy: [{ grade: 'asc' }, { name: 'asc' }], select: { id: true } });
  if (!groups.length) return;
  const startsAt = evening(now, -30, '19:30');
  const meeting = await prisma.meeting.create({
    data: {
      schoolId,
      kind: 'THEME_EVENING',
      title: 'Thema-avond mediawijsheid',
      description: 'Hoe gaan onze kinderen om met schermen, games en sociale media? Een mediacoach vertelt en geeft tips; daarna praten we in kleine groepjes.',
      location: 'Aula',
      startsAt,
      endsAt: evening(now, -30, '21:00'),
      targetPercent: 80,
      remindedAt: new Date(+startsAt - DAY),
      createdById: director.userId,
      createdAt: new Date(+startsAt - 21 * DAY),
    },
    select: { id: true, schoolId: true, wholeSchool: true, startsAt: true },
  });
  await prisma.meetingGroup.createMany({ data: groups.map((g) => ({ schoolId, meetingId: meeting.id, groupId: g.id })) });
  const invited = await invitedByGroup(prisma, { ...meeting, groups: groups.map((g) => ({ groupId: g.id })) });
  // Per group its share, then the whole evening brought to 64% of the families (a family in two groups counts once).
  const present = new Set<string>();
  for (const [i, g] of invited.entries()) {
    const want = Math.round(g.households.length * GROUP_RATES[i % GROUP_RATES.length]);
    for (const h of g.households.slice(0, want)) present.add(h.householdId);
  }
  const all = [...new Set(invited.flatMap((g) => g.households.map((h) => h.householdId)))];
  const goal = Math.round(all.length * THEME_TARGET_OVERALL);
  for (const h of all) if (present.size < goal && !present.has(h)) present.add(h);
  for (const h of [...all].reverse()) if (present.size > goal && present.has(h)) present.delete(h);
  const markedAt = new Date(+startsAt + 20 * 60_000);
  await prisma.meetingAttendance.createMany({ data: all.map((householdId) => ({ schoolId, meetingId: meeting.id, householdId, present: present.has(householdId), markedById: director.userId, markedAt })) });
  // Replies beforehand, each by a guardian of the household: most who came said yes; some said no, some never answered.
  const guardianOf = new Map(invited.flatMap((g) => g.households.map((h) => [h.householdId, h.userIds[0]] as const)));
  await prisma.meetingRsvp.createMany({
    data: all.flatMap((householdId, i) => (i % 5 === 4 ? [] : [{ schoolId, meetingId: meeting.id, householdId, answer: present.has(householdId) ? ('YES' as const) : i % 3 ? ('NO' as const) : ('MAYBE' as const), people: present.has(householdId) ? 1 + (i % 2) : i % 3 ? 0 : 1, answeredById: guardianOf.get(householdId)!, answeredAt: new Date(+startsAt - (3 + (i % 10)) * DAY) }])),
  });
}

async function seedPresentation(schoolId: string, now: Date) {
  const year = await currentSchoolYear(schoolId, now);
  const group = year && (await prisma.group.findFirst({ where: { schoolId, schoolYearId: year.id, name: '3A' }, select: { id: true } }));
  if (!group) return;
  const teacher = (await actorFor(schoolId, { role: 'TEACHER', groupId: group.id })) ?? (await actorFor(schoolId, { role: 'DIRECTOR' }));
  if (!teacher) return;
  const id = await createMeeting(
    teacher,
    {
      kind: 'PRESENTATION',
      title: 'Presentatieavond groep 3A',
      description: 'De kinderen van groep 3A laten zien wat ze dit blok over dieren in de winter hebben geleerd. Broertjes en zusjes zijn welkom.',
      location: 'Lokaal 3A',
      date: zonedDateKey(new Date(+now + 9 * DAY)),
      from: '18:30',
      to: '19:30',
      audience: 'groups',
      groupIds: [group.id],
      targetPercent: 80,
    },
    now,
  );
  const m = await prisma.meeting.findUniqueOrThrow({ where: { id }, select: { id: true, schoolId: true, wholeSchool: true, startsAt: true, groups: { select: { groupId: true } } } });
  const demo = new Set(Object.values(DEMO_LOGINS).map((l) => l.email));
  const users = new Map((await prisma.user.findMany({ where: { guardianships: { some: { schoolId } } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  // The demo parents answer themselves; of the others about six in ten have replied so far.
  const households = (await invitedByGroup(prisma, m))[0]?.households.filter((h) => !h.userIds.some((u) => demo.has(users.get(u) ?? ''))) ?? [];
  const answers = ['YES', 'YES', 'MAYBE', 'YES', 'NO', null, 'YES', null, 'YES', null] as const;
  await prisma.meetingRsvp.createMany({
    data: households.flatMap((h, i) => {
      const answer = answers[i % answers.length];
      return answer ? [{ schoolId, meetingId: id, householdId: h.householdId, answer, people: answer === 'NO' ? 0 : 1 + (i % 3), answeredById: h.userIds[0], answeredAt: new Date(+now - (i % 4) * DAY) }] : [];
    }),
  });
}

export async function seedDemoMeetings(schoolId: string, now: Date) {
  const director = await actorFor(schoolId, { role: 'DIRECTOR' });
  if (!director) return;
  await seedThemeEvening(schoolId, now, director);
  await seedPresentation(schoolId, now);
}
