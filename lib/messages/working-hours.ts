import 'server-only';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { type HoursRow, nextReachable, replyClock } from './reply-clock';
import type { WorkingHoursInput } from './schemas';

// When staff are reachable (WorkingHours rows; none: school days 08:00–17:00, see reply-clock.ts).

/** Each person's own rows ([] = the default), in weekday order. */
export async function hoursByUser(db: Tx | typeof prisma, schoolId: string, userIds: readonly string[]) {
  const rows = await db.workingHours.findMany({ where: { schoolId, userId: { in: [...userIds] } }, orderBy: { weekday: 'asc' }, select: { userId: true, weekday: true, startMinute: true, endMinute: true } });
  const map = new Map<string, HoursRow[]>(userIds.map((id) => [id, []]));
  for (const { userId, ...r } of rows) map.get(userId)?.push(r);
  return map;
}

/** The actor's own hours, for the form. */
export async function ownWorkingHours(actor: Actor) {
  requireAtSchool(actor, 'workingHours', 'write');
  return (await hoursByUser(prisma, actor.schoolId, [actor.userId])).get(actor.userId) ?? [];
}

/** Replace the actor's hours; an empty week means "the default" again. */
export async function saveWorkingHours(actor: Actor, input: WorkingHoursInput) {
  requireAtSchool(actor, 'workingHours', 'write');
  const { days } = input;
  await prisma.$transaction(async (tx) => {
    await tx.workingHours.deleteMany({ where: { schoolId: actor.schoolId, userId: actor.userId } });
    await tx.workingHours.createMany({ data: days.map((d) => ({ schoolId: actor.schoolId, userId: actor.userId, weekday: d.weekday, startMinute: d.startMinute, endMinute: d.endMinute })) });
  });
}

/** The school's zone and holidays (of every year: a question in July may be due in August). */
export async function schoolClock(db: Tx | typeof prisma, schoolId: string) {
  const school = await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timeZone: true, holidays: { select: { startDate: true, endDate: true } } } });
  return { timeZone: school.timeZone, holidays: school.holidays };
}

/** The promise for a question asked now of these people. */
export async function promiseFor(db: Tx | typeof prisma, schoolId: string, userIds: readonly string[], askedAt: Date) {
  const [clock, hours] = await Promise.all([schoolClock(db, schoolId), hoursByUser(db, schoolId, userIds)]);
  return replyClock(askedAt, [...hours.values()], clock);
}

/** Per person, when a mail to them may go: now if they are within their hours, else their next start. */
export async function mailHoldsFor(db: Tx | typeof prisma, schoolId: string, userIds: readonly string[], now: Date) {
  const [clock, hours] = await Promise.all([schoolClock(db, schoolId), hoursByUser(db, schoolId, userIds)]);
  const holds = new Map<string, Date | undefined>();
  for (const [id, rows] of hours) {
    const at = nextReachable(now, [rows], clock);
    holds.set(id, +at > +now ? at : undefined);
  }
  return holds;
}
