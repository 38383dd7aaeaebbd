import 'server-only';
import { eventGroupScope } from '@/lib/access/school';
import { childScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { zonedToUtc } from '@/lib/format/time';
import { currentSchoolYear } from '@/lib/school/year';
import type { CreateEventInput } from './schemas';

// Group events such as the information evening (stage 1): scheduled per group, attendance registered
// per child's family, participation measured against the schools' 80% target.

export const PARTICIPATION_TARGET = 0.8;

export async function createGroupEvent(actor: Actor, input: CreateEventInput) {
  const group = await prisma.group.findFirst({ where: { id: input.groupId, ...eventGroupScope(actor) } });
  const stage = await prisma.stageDefinition.findFirst({ where: { id: input.stageId, schoolId: actor.schoolId, isGroupEvent: true } });
  if (!group || !stage) throw new AppError('NOT_FOUND');
  return prisma.groupEvent.create({
    data: {
      schoolId: actor.schoolId,
      stageId: stage.id,
      groupId: group.id,
      startsAt: zonedToUtc(`${input.date}T${input.from}`),
      endsAt: zonedToUtc(`${input.date}T${input.to}`),
      location: input.location || null,
      createdById: actor.userId,
    },
  });
}

/** Events of the actor's groups with participation: present families / children in the group. */
export async function staffEvents(actor: Actor) {
  const events = await prisma.groupEvent.findMany({
    where: { schoolId: actor.schoolId, group: eventGroupScope(actor) },
    orderBy: [{ startsAt: 'desc' }],
    select: { id: true, startsAt: true, endsAt: true, location: true, stage: { select: { name: true } }, group: { select: { name: true, _count: { select: { enrolments: true } } } }, attendance: { select: { present: true } } },
  });
  return events.map((e) => {
    const present = e.attendance.filter((a) => a.present).length;
    const total = e.group._count.enrolments;
    return { ...e, present, total, registered: e.attendance.length > 0, rate: total ? present / total : 0 };
  });
}

/** The attendance sheet: the group's children (within the actor's scope) and who was there. */
export async function attendanceSheet(actor: Actor, eventId: string) {
  const event = await prisma.groupEvent.findFirst({
    where: { id: eventId, schoolId: actor.schoolId, group: eventGroupScope(actor) },
    select: { id: true, startsAt: true, stage: { select: { name: true } }, group: { select: { id: true, name: true, schoolYearId: true } }, attendance: { select: { childId: true, present: true } } },
  });
  if (!event) throw new AppError('NOT_FOUND');
  const children = await prisma.child.findMany({
    where: { AND: [await childScope(actor, event.group.schoolYearId), { enrolments: { some: { groupId: event.group.id } } }] },
    orderBy: { firstName: 'asc' },
    select: { id: true, firstName: true, prefix: true, lastName: true },
  });
  return { event, children: children.map((c) => ({ ...c, present: event.attendance.find((a) => a.childId === c.id)?.present ?? null })) };
}

/** Save the whole sheet at once: ticked children present, the rest absent. */
export async function recordAttendance(actor: Actor, eventId: string, presentChildIds: string[]) {
  const { event, children } = await attendanceSheet(actor, eventId);
  if (presentChildIds.some((id) => !children.some((c) => c.id === id))) throw new AppError('NOT_FOUND');
  await prisma.$transaction(async (tx) => {
    await tx.eventAttendance.deleteMany({ where: { eventId: event.id } });
    await tx.eventAttendance.createMany({
      data: children.map((c) => ({ eventId: event.id, schoolId: actor.schoolId, childId: c.id, present: presentChildIds.includes(c.id), markedById: actor.userId })),
    });
  });
}

/** Upcoming group events for a guardian's children. */
export async function guardianEvents(actor: Actor, now = new Date()) {
  const year = await currentSchoolYear(actor.schoolId);
  if (!year) return [];
  return prisma.groupEvent.findMany({
    where: { schoolId: actor.schoolId, endsAt: { gte: now }, group: { enrolments: { some: { child: await childScope(actor, year.id) } } } },
    orderBy: { startsAt: 'asc' },
    select: { id: true, startsAt: true, endsAt: true, location: true, stage: { select: { name: true } }, group: { select: { name: true } } },
  });
}
