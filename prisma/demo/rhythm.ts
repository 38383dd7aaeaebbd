// The teacher's own rhythm and the talks the teacher asks for, in the demo's well-being round: the
// demo teacher of 5A (leerkracht@) takes a 10-minute break after every six talks and would like to
// see two families of 5A, one of them in a double talk; Sanne's teacher in 3A would like to see her
// parents (ouder@ sees it on her home page). Set through the real services, before anyone books.
import type { Actor } from '@/lib/auth/actor';
import { setScheduleRhythm } from '@/lib/bookings/rhythm';
import { rhythmSchema } from '@/lib/bookings/schemas';
import { prisma } from '@/lib/db';
import { DEMO_LOGINS } from '@/lib/school/demo-school';
import { setTalkWish } from '@/lib/talk-wishes/service';

async function teacherOf(schoolId: string, where: { email?: string; groupId?: string }): Promise<Actor | null> {
  const m = await prisma.membership.findFirst({
    where: { schoolId, role: 'TEACHER', user: { ...(where.email ? { email: where.email } : {}), ...(where.groupId ? { groupTeachers: { some: { groupId: where.groupId } } } : {}) } },
    orderBy: { createdAt: 'asc' },
  });
  return m ? { userId: m.userId, schoolId, role: 'TEACHER', membershipId: m.id } : null;
}

export async function seedDemoRhythm(schoolId: string, roundId: string, now: Date) {
  const groups = await prisma.roundGroup.findMany({ where: { roundId }, select: { groupId: true, group: { select: { name: true } } } });
  const g5a = groups.find((g) => g.group.name === '5A')?.groupId;
  const g3a = groups.find((g) => g.group.name === '3A')?.groupId;
  const juf5 = g5a ? await teacherOf(schoolId, { email: DEMO_LOGINS.teacher.email, groupId: g5a }) : null;
  if (g5a && juf5) {
    await setScheduleRhythm(juf5, rhythmSchema.parse({ roundId, groupId: g5a, breakAfterTalks: 6, breakMinutes: 10 }), now);
    const pupils = await prisma.child.findMany({ where: { schoolId, enrolments: { some: { groupId: g5a } } }, orderBy: { pupilNumber: 'asc' }, take: 2, select: { id: true } });
    const notes = ['Ik wil graag met u kijken naar de resultaten van rekenen.', 'Graag wat meer tijd om samen het plan voor lezen te bespreken.'];
    for (const [i, p] of pupils.entries()) await setTalkWish(juf5, { roundId, childId: p.id, kind: 'REQUESTED', doubleSlot: i === 1, note: notes[i] }, now);
  }
  const sanne = await prisma.child.findFirst({ where: { schoolId, firstName: 'Sanne', guardianships: { some: { user: { email: DEMO_LOGINS.guardian.email } } } }, select: { id: true } });
  const juf3 = g3a ? await teacherOf(schoolId, { groupId: g3a }) : null;
  if (sanne && juf3) await setTalkWish(juf3, { roundId, childId: sanne.id, kind: 'REQUESTED', note: 'Sanne doet het goed; ik wil graag horen hoe het thuis gaat met de nieuwe bril.' }, now);
}
