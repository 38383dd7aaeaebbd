import 'server-only';
import { plannedGroupsWhere, plannedRoundsWhere, plannedSlotsWhere } from '@/lib/access/bookings';
import { onlyStaff } from '@/lib/access/roles';
import { childScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { currentSchoolYear } from '@/lib/school/year';
import { translatorFor } from '@/lib/i18n/translator';
import { enqueueMail, kickMailDelivery } from '@/lib/mail/outbox';
import { fullName } from '@/lib/format/name';
import { formatTalkTime, zonedDateKey } from '@/lib/format/time';
import { refuseHolidayDates } from '@/lib/school-year/holiday-guard';

// What teachers and the director do around a round: attendance, blocking slots, chasing families.

export async function setAttendance(actor: Actor, bookingId: string, attendance: 'HELD' | 'NO_SHOW' | 'EXPECTED') {
  onlyStaff(actor);
  await prisma.$transaction(async (tx) => {
    const booking = await tx.booking.findFirst({ where: { id: bookingId, claims: { some: { slot: plannedSlotsWhere(actor) } } }, select: { id: true, roundId: true, childId: true } });
    if (!booking) throw new AppError('NOT_FOUND');
    await tx.booking.update({ where: { id: booking.id }, data: { attendance } });
    await tx.bookingEvent.create({ data: { schoolId: actor.schoolId, roundId: booking.roundId, childId: booking.childId, actorId: actor.userId, kind: attendance.toLowerCase() } });
  });
}

export async function setSlotBlocked(actor: Actor, slotId: string, blocked: boolean) {
  onlyStaff(actor);
  const res = await prisma.slot.updateMany({ where: { id: slotId, ...plannedSlotsWhere(actor), ...(blocked ? { claim: null } : {}) }, data: { blocked } });
  if (res.count !== 1) throw new AppError(blocked ? 'SLOT_TAKEN' : 'NOT_FOUND');
}

/** Rounds the actor runs: a teacher's rounds include one of their groups; a director sees all. */
export async function staffRounds(actor: Actor) {
  onlyStaff(actor);
  return prisma.talkRound.findMany({
    where: plannedRoundsWhere(actor),
    orderBy: { opensAt: 'desc' },
    select: { id: true, name: true, opensAt: true, deadline: true, stage: { select: { name: true } }, groups: { select: { group: { select: { name: true } } } }, _count: { select: { bookings: true, slots: true } } },
  });
}

/** Per group of the round (within the actor's scope): the children without a talk yet. */
export async function missingBookings(actor: Actor, roundId: string) {
  onlyStaff(actor);
  const round = await prisma.talkRound.findFirst({
    where: { id: roundId, schoolId: actor.schoolId },
    select: { id: true, name: true, deadline: true, mode: true, allocatedAt: true, _count: { select: { preferences: true } }, stage: { select: { name: true, mandatoryGrades: true } }, groups: { select: { group: { select: { id: true, name: true, grade: true, schoolYearId: true } } } } },
  });
  if (!round) throw new AppError('NOT_FOUND');
  const yearId = round.groups[0]?.group.schoolYearId;
  const scope = yearId ? await childScope(actor, yearId) : { id: '' };
  const groups = await Promise.all(
    round.groups.map(async ({ group }) => {
      const children = await prisma.child.findMany({
        where: { AND: [scope, { enrolments: { some: { groupId: group.id } } }] },
        orderBy: { firstName: 'asc' },
        select: { id: true, firstName: true, prefix: true, lastName: true, bookings: { where: { roundId }, select: { id: true, attendance: true } }, talkWishes: { where: { roundId }, select: { kind: true } } },
      });
      return {
        group,
        mandatory: round.stage.mandatoryGrades.includes(group.grade),
        total: children.length,
        missing: children.filter((c) => c.bookings.length === 0),
        // The teacher's marks (lib/talk-wishes): a requested talk is mandatory for that family.
        requestedMissing: children.filter((c) => c.bookings.length === 0 && c.talkWishes[0]?.kind === 'REQUESTED'),
        noShows: children.filter((c) => c.bookings.some((b) => b.attendance === 'NO_SHOW')),
      };
    }),
  );
  return { round, groups: groups.filter((g) => g.total > 0) };
}

/** Queue one mail per guardian with authority of the given children, in their language; returns how many. */
async function mailGuardiansOf(
  actor: Actor,
  batches: { childIds: string[]; template: 'mail.reminder' | 'mail.rebook' | 'wishes.mail'; kind: string }[],
  values: (locale: string) => Record<string, string>,
) {
  const loaded = await Promise.all(
    batches.map(async (b) => ({
      ...b,
      guardians: await prisma.guardianship.findMany({
        where: { schoolId: actor.schoolId, childId: { in: b.childIds }, right: 'AUTHORITY', endedAt: null },
        select: { child: { select: { firstName: true, prefix: true, lastName: true } }, user: { select: { email: true, firstName: true, locale: true } } },
      }),
    })),
  );
  // All of one click's mails in one transaction: every family hears, or none does.
  await prisma.$transaction(async (tx) => {
    for (const b of loaded)
      for (const g of b.guardians) {
        const t = await translatorFor(g.user.locale, b.template);
        const v = { name: g.user.firstName, child: fullName(g.child), ...values(g.user.locale) };
        await enqueueMail(tx, { to: g.user.email, schoolId: actor.schoolId, kind: b.kind, subject: t('subject', v), text: t('body', v) });
      }
  });
  kickMailDelivery();
  return loaded.reduce((n, b) => n + b.guardians.length, 0);
}

/** One click: mail the guardians (with authority) of every child in the group still without a talk. */
export async function remindMissing(actor: Actor, roundId: string, groupId: string) {
  const { round, groups } = await missingBookings(actor, roundId);
  const entry = groups.find((g) => g.group.id === groupId);
  if (!entry) throw new AppError('NOT_FOUND');
  // "No talk needed" families are not chased; the ones the teacher asked for hear that it is the teacher's wish.
  const requested = new Set(entry.requestedMissing.map((c) => c.id));
  const others = entry.missing.filter((c) => !requested.has(c.id) && c.talkWishes[0]?.kind !== 'NOT_NEEDED').map((c) => c.id);
  const values = (locale: string) => ({ round: round.name, deadline: formatTalkTime(round.deadline, locale) });
  return mailGuardiansOf(actor, [
    { childIds: others, template: 'mail.reminder', kind: 'booking_reminder' },
    { childIds: [...requested], template: 'wishes.mail', kind: 'booking_reminder_requested' },
  ], values);
}

/** Choices for the round form: the talk stages (not the group evening) and the groups the actor runs. */
export async function roundFormOptions(actor: Actor, schoolYearId: string) {
  onlyStaff(actor);
  const [stages, groups] = await Promise.all([
    prisma.stageDefinition.findMany({ where: { schoolId: actor.schoolId, isGroupEvent: false }, orderBy: { position: 'asc' }, select: { id: true, name: true, durationMinutes: true } }),
    prisma.group.findMany({
      where: { AND: [plannedGroupsWhere(actor), { schoolYearId }] },
      orderBy: [{ grade: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, _count: { select: { teachers: true } } },
    }),
  ]);
  return { stages, groups: groups.map((g) => ({ id: g.id, name: g.name, duo: g._count.teachers > 1 })) };
}

/**
 * Families not reached this school year: children in the actor's scope with no talk that took
 * place or is still planned (no-shows do not count) and no parent at a group event.
 */
export async function notReached(actor: Actor, schoolYearId: string) {
  onlyStaff(actor);
  return prisma.child.findMany({
    where: {
      AND: [
        await childScope(actor, schoolYearId),
        { enrolments: { some: { schoolYearId } } },
        { bookings: { none: { attendance: { in: ['EXPECTED', 'HELD'] }, claims: { some: { slot: { group: { schoolYearId } } } } } } },
        { eventAttendance: { none: { present: true, event: { group: { schoolYearId } } } } },
      ],
    },
    orderBy: [{ lastName: 'asc' }],
    select: { id: true, firstName: true, prefix: true, lastName: true, enrolments: { where: { schoolYearId }, select: { group: { select: { name: true } } } } },
  });
}

/** After the round: invite the families of no-shows to plan a new moment with the teacher. */
export async function inviteNoShows(actor: Actor, roundId: string, groupId: string) {
  const { round, groups } = await missingBookings(actor, roundId);
  const entry = groups.find((g) => g.group.id === groupId);
  if (!entry) throw new AppError('NOT_FOUND');
  return mailGuardiansOf(actor, [{ childIds: entry.noShows.map((c) => c.id), template: 'mail.rebook', kind: 'rebook_invitation' }], () => ({ round: round.name }));
}

/** For the day view: per round and group, the children without a talk yet (to book on their behalf). */
export async function unbookedFor(actor: Actor, pairs: { roundId: string; groupId: string }[]) {
  onlyStaff(actor);
  const year = await currentSchoolYear(actor.schoolId);
  if (!year || pairs.length === 0) return [];
  const scope = await childScope(actor, year.id);
  return Promise.all(
    pairs.map(async (p) => ({
      ...p,
      children: await prisma.child.findMany({
        where: { AND: [scope, { enrolments: { some: { groupId: p.groupId } } }, { bookings: { none: { roundId: p.roundId } } }] },
        orderBy: { firstName: 'asc' },
        select: { id: true, firstName: true, prefix: true, lastName: true },
      }),
    })),
  );
}

/** An extra moment in a round for one of the actor's groups (same length as the round's slots). */
export async function addSlot(actor: Actor, roundId: string, groupId: string, startsAt: Date) {
  onlyStaff(actor);
  const rg = await prisma.roundGroup.findFirst({
    where: { roundId, groupId, schoolId: actor.schoolId, group: plannedGroupsWhere(actor) },
    include: { round: true },
  });
  if (!rg) throw new AppError('NOT_FOUND');
  try {
    // Like a round's blocks, an extra moment is never in a holiday.
    return await prisma.$transaction(async (tx) => {
      await refuseHolidayDates(tx, actor.schoolId, [zonedDateKey(startsAt)], 'date');
      return tx.slot.create({
        data: { schoolId: actor.schoolId, roundId, groupId, startsAt, endsAt: new Date(+startsAt + rg.round.slotMinutes * 60_000), location: rg.location },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT');
    throw e;
  }
}
