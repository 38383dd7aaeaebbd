import 'server-only';
import { z } from 'zod';
import { plannedGroupsWhere } from '@/lib/access/bookings';
import { isDirector, onlyStaff } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { zonedToUtc } from '@/lib/format/time';
import type { rhythmSchema } from './schemas';
import { breaksBetween, generateSlotTimes } from './slots';

// A teacher's own rhythm in a round: one schedule (a group's shared one, or a duo teacher's own when
// the round splits the duo) gets its own "break after N talks" and fixed breaks, and its slots are
// cut again. Only a schedule nobody has booked or is booking yet: moving a family's talk is never
// a side effect of setting a break.

const TX = { maxWait: 10_000, timeout: 15_000 } as const;

/** The round's schedules the actor plans, with the rhythm each runs on now. */
export async function roundRhythms(actor: Actor, roundId: string) {
  onlyStaff(actor);
  const round = await prisma.talkRound.findFirst({
    where: { id: roundId, schoolId: actor.schoolId },
    select: {
      id: true, breakAfterTalks: true, breakMinutes: true, gapMinutes: true,
      blocks: { orderBy: { startsAt: 'asc' }, select: { startsAt: true, endsAt: true } },
      rhythms: true,
      breaks: { orderBy: { startsAt: 'asc' }, select: { groupId: true, teacherKey: true, startsAt: true, endsAt: true } },
      groups: {
        where: { group: plannedGroupsWhere(actor) },
        select: { splitDuo: true, group: { select: { id: true, name: true, teachers: { select: { userId: true, user: { select: { firstName: true, prefix: true, lastName: true } } } } } } },
      },
    },
  });
  if (!round) throw new AppError('NOT_FOUND');
  return round.groups.flatMap(({ splitDuo, group }) => {
    const keys = splitDuo && group.teachers.length > 1 ? group.teachers.filter((t) => isDirector(actor) || t.userId === actor.userId).map((t) => ({ key: t.userId, teacher: t.user })) : [{ key: '', teacher: null }];
    return keys.map(({ key, teacher }) => {
      const own = round.rhythms.find((r) => r.groupId === group.id && r.teacherKey === key);
      return {
        groupId: group.id,
        groupName: group.name,
        teacherKey: key,
        teacher,
        breakAfterTalks: own?.breakAfterTalks ?? round.breakAfterTalks,
        breakMinutes: own?.breakMinutes ?? round.breakMinutes,
        ownRhythm: !!own,
        breaks: round.breaks.filter((b) => b.groupId === null || (b.groupId === group.id && b.teacherKey === key)),
        firstDay: round.blocks[0]?.startsAt ?? null,
      };
    });
  });
}

/** Set one schedule's rhythm and cut its slots again; refused once a family has (or is confirming) a moment in it. */
export async function setScheduleRhythm(actor: Actor, input: z.output<typeof rhythmSchema>, now = new Date()) {
  onlyStaff(actor);
  return prisma.$transaction(async (tx) => {
    const rg = await tx.roundGroup.findFirst({
      where: { roundId: input.roundId, groupId: input.groupId, schoolId: actor.schoolId, group: plannedGroupsWhere(actor) },
      select: { splitDuo: true, location: true, group: { select: { teachers: { select: { userId: true } } } }, round: { select: { slotMinutes: true, gapMinutes: true, blocks: { select: { startsAt: true, endsAt: true } } } } },
    });
    if (!rg) throw new AppError('NOT_FOUND');
    // Which schedules exist: the group's shared one, or each duo teacher's own; a teacher sets only their own.
    const split = rg.splitDuo && rg.group.teachers.length > 1;
    const validKey = split ? rg.group.teachers.some((t) => t.userId === input.teacherKey) && (isDirector(actor) || input.teacherKey === actor.userId) : input.teacherKey === '';
    if (!validKey) throw new AppError('NOT_FOUND');

    const own = input.breaks.map((b) => ({ startsAt: zonedToUtc(b.startsAt), endsAt: zonedToUtc(b.endsAt) }));
    if (!own.every((b) => rg.round.blocks.some((k) => k.startsAt <= b.startsAt && b.endsAt <= k.endsAt))) {
      throw new AppError('INVALID_INPUT', undefined, { fieldErrors: { breaks: ['breakOutsideBlock'] } });
    }
    const schedule = { roundId: input.roundId, groupId: input.groupId, teacherKey: input.teacherKey };
    const old = await tx.slot.findMany({ where: { ...schedule, schoolId: actor.schoolId }, select: { startsAt: true, blocked: true, claim: { select: { slotId: true } }, hold: { select: { expiresAt: true } } } });
    if (old.some((s) => s.claim || (s.hold && s.hold.expiresAt > now))) throw new AppError('SCHEDULE_HAS_BOOKINGS');

    await tx.scheduleRhythm.upsert({
      where: { roundId_groupId_teacherKey: schedule },
      create: { ...schedule, schoolId: actor.schoolId, breakAfterTalks: input.breakAfterTalks, breakMinutes: input.breakMinutes, updatedById: actor.userId },
      update: { breakAfterTalks: input.breakAfterTalks, breakMinutes: input.breakMinutes, updatedById: actor.userId },
    });
    await tx.roundBreak.deleteMany({ where: { ...schedule, schoolId: actor.schoolId } });
    if (own.length) await tx.roundBreak.createMany({ data: own.map((b) => ({ ...schedule, schoolId: actor.schoolId, ...b })) });
    const roundWide = await tx.roundBreak.findMany({ where: { roundId: input.roundId, schoolId: actor.schoolId, groupId: null }, select: { startsAt: true, endsAt: true } });

    const times = generateSlotTimes(rg.round.blocks, rg.round.slotMinutes, rg.round.gapMinutes, { breakAfterTalks: input.breakAfterTalks, breakMinutes: input.breakMinutes, breaks: [...roundWide, ...own] });
    // A moment the teacher had blocked stays blocked when it still exists.
    const blocked = new Set(old.filter((s) => s.blocked).map((s) => +s.startsAt));
    await tx.slot.deleteMany({ where: { ...schedule, schoolId: actor.schoolId } });
    await tx.slot.createMany({ data: times.map((t) => ({ ...schedule, schoolId: actor.schoolId, location: rg.location, blocked: blocked.has(+t.startsAt), ...t })) });
    return { slotCount: times.length };
  }, TX);
}

type ScheduleSlot = { id: string; startsAt: Date; endsAt: Date; teacherKey: string; group: { id: string }; round: { id: string; gapMinutes: number } };

/** For the day view: per slot id, the break that ends where that slot begins (in the slot's own schedule). */
export function pausesBefore(slots: ScheduleSlot[]): Map<string, { startsAt: Date; endsAt: Date }> {
  const bySchedule = new Map<string, ScheduleSlot[]>();
  for (const s of slots) {
    const key = `${s.round.id}|${s.group.id}|${s.teacherKey}`;
    bySchedule.set(key, [...(bySchedule.get(key) ?? []), s]);
  }
  const out = new Map<string, { startsAt: Date; endsAt: Date }>();
  for (const list of bySchedule.values()) {
    for (const pause of breaksBetween(list, list[0].round.gapMinutes)) {
      const next = list.find((s) => +s.startsAt === +pause.endsAt);
      if (next) out.set(next.id, pause);
    }
  }
  return out;
}
