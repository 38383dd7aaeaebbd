import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { isGuardian, onlyStaff } from '@/lib/access/roles';
import { plannedGroupsWhere, requireBookingWrite } from '@/lib/access/bookings';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { poolExec, txExec } from '@/lib/db-raw';
import { AppError } from '@/lib/errors';
import { zonedToUtc } from '@/lib/format/time';
import { kickMailDelivery } from '@/lib/mail/outbox';
import { refuseHolidayDates } from '@/lib/school-year/holiday-guard';
import { type MovedFrom, runBooking } from './book';
import { mailTalk, type TalkMailOptions } from './mail';
import type { BookInput, CreateRoundInput } from './schemas';
import { generateSlotTimes } from './slots';
import { offerFreedSlots } from './waitlist';

// The booking module: pages, server actions and the JSON API all call these functions.
// Double bookings are impossible by construction: SlotClaim's primary key is the slot, Booking is
// unique per (round, child, household) and GuardianTimeClaim per (guardian, start time). A
// concurrent loser gets a unique violation inside its transaction, which rolls everything back.

const TX = { maxWait: 10_000, timeout: 15_000 } as const;

// ─── rounds ──────────────────────────────────────────────────────────────────

/** A director (any group) or a teacher (own groups) opens a round; slots are generated from its blocks. */
export async function createRound(actor: Actor, input: CreateRoundInput) {
  onlyStaff(actor);
  return prisma.$transaction(async (tx) => {
    const stage = await tx.stageDefinition.findFirst({ where: { id: input.stageId, schoolId: actor.schoolId } });
    if (!stage) throw new AppError('NOT_FOUND');
    const groups = await tx.group.findMany({
      where: { AND: [{ id: { in: input.groupIds } }, plannedGroupsWhere(actor)] },
      select: { id: true, teachers: { select: { userId: true } } },
    });
    if (groups.length !== new Set(input.groupIds).size) throw new AppError('NOT_FOUND');
    await refuseHolidayDates(tx, actor.schoolId, input.blocks.flatMap((b) => [b.startsAt.slice(0, 10), b.endsAt.slice(0, 10)]), 'blocks');
    const blocks = input.blocks.map((b) => ({ startsAt: zonedToUtc(b.startsAt), endsAt: zonedToUtc(b.endsAt) }));
    const breaks = (input.breaks ?? []).map((b) => ({ startsAt: zonedToUtc(b.startsAt), endsAt: zonedToUtc(b.endsAt) }));
    const round = await tx.talkRound.create({
      data: {
        schoolId: actor.schoolId,
        stageId: stage.id,
        name: input.name,
        slotMinutes: input.slotMinutes,
        gapMinutes: input.gapMinutes,
        walkingMinutes: input.walkingMinutes,
        mode: input.mode ?? 'FIRST_COME',
        opensAt: zonedToUtc(input.opensAt),
        preferencesCloseAt: input.mode === 'FAIR' && input.preferencesCloseAt ? zonedToUtc(input.preferencesCloseAt) : null,
        deadline: zonedToUtc(input.deadline),
        separateTalksAllowed: input.separateTalksAllowed,
        inviteInformationOnly: input.inviteInformationOnly,
        interpreterDoubleSlot: input.interpreterDoubleSlot,
        breakAfterTalks: input.breakAfterTalks ?? 0,
        breakMinutes: input.breakMinutes ?? 0,
        createdById: actor.userId,
        blocks: { createMany: { data: blocks } },
        breaks: { createMany: { data: breaks } },
      },
    });
    const times = generateSlotTimes(blocks, input.slotMinutes, input.gapMinutes, { breakAfterTalks: input.breakAfterTalks ?? 0, breakMinutes: input.breakMinutes ?? 0, breaks });
    const slots: Prisma.SlotCreateManyInput[] = [];
    for (const g of groups) {
      const location = input.locations[g.id] || null;
      await tx.roundGroup.create({ data: { roundId: round.id, schoolId: actor.schoolId, groupId: g.id, location, splitDuo: input.splitDuo.includes(g.id) } });
      // A duo shares one schedule unless the round splits it: then each teacher has their own.
      const keys = input.splitDuo.includes(g.id) && g.teachers.length > 1 ? g.teachers.map((t) => t.userId) : [''];
      for (const teacherKey of keys) for (const t of times) slots.push({ schoolId: actor.schoolId, roundId: round.id, groupId: g.id, teacherKey, location, ...t });
    }
    await tx.slot.createMany({ data: slots });
    return { round, slotCount: slots.length };
  }, TX);
}

// ─── booking ─────────────────────────────────────────────────────────────────


/**
 * Book one talk per child, all or nothing (siblings back to back in one action). Guardians book
 * within the round's window; staff book on behalf of a family at any time.
 */
export async function bookTalks(actor: Actor, input: BookInput, now = new Date()) {
  const result = await runBooking(poolExec, prisma, actor, input, now);
  kickMailDelivery();
  return result;
}

/** The booking module's in-transaction booking, for move and the waiting list. */
const bookInTx = (tx: Tx, actor: Actor, input: BookInput, now: Date) => runBooking(txExec(tx), tx, actor, input, now);

/** A live booking as the actor may change it (lib/access/bookings.ts); guardians until the deadline. */
async function bookingForChange(tx: Tx, actor: Actor, bookingId: string, now: Date) {
  const booking = await tx.booking.findFirst({ where: { id: bookingId, schoolId: actor.schoolId }, include: bookingForCancel });
  if (!booking) throw new AppError('NOT_FOUND');
  await requireBookingWrite(tx, actor, booking);
  if (isGuardian(actor) && now > booking.round.deadline) throw new AppError('DEADLINE_PASSED');
  return booking;
}

/** Cancel until the deadline (guardians) or any time (staff). The freed slot is free at once. */
export async function cancelBooking(actor: Actor, bookingId: string, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    const booking = await bookingForChange(tx, actor, bookingId, now);
    await cancelInTx(tx, actor.schoolId, booking, actor.userId, now);
  }, TX);
  kickMailDelivery();
}

export const bookingForCancel = { round: { include: { stage: { select: { name: true } } } }, claims: { include: { slot: true } } } as const;
type CancelledBooking = Prisma.BookingGetPayload<{ include: typeof bookingForCancel }>;

/**
 * What a cancel does, once the booking is known to be the actor's to cancel: the slot goes to the
 * waiting list, the event is logged, and every guardian with live access who was told of the talk
 * gets the cancel mail with the calendar cancel (same uid; of a household's own talk: that
 * household's). `opts.reason` is told to them; `opts.mail: false` queues nothing and returns the
 * calendar cancels for the caller's own mail. The caller sends the outbox after its transaction.
 */
export async function cancelInTx(tx: Tx, schoolId: string, booking: CancelledBooking, actorId: string, now: Date, opts: Omit<TalkMailOptions, 'previousStartsAt'> = {}) {
  // Rendered before the delete and the waiting list's rebooking of the slot: the mail is about this talk.
  const calendar = await mailTalk(tx, 'cancelled', booking, opts);
  await tx.booking.delete({ where: { id: booking.id } });
  await offerFreedSlots(tx, schoolId, booking.claims.map((c) => c.slotId), now, bookInTx);
  const first = booking.claims.map((c) => c.slot).sort((a, b) => +a.startsAt - +b.startsAt)[0];
  await tx.bookingEvent.create({ data: { schoolId, roundId: booking.roundId, childId: booking.childId, actorId, kind: 'cancelled', slotStart: first?.startsAt } });
  return calendar;
}

/**
 * Move = cancel + book in one transaction: if the new slot is gone, the old booking stays. The new
 * booking is the same talk to the families: same household, same calendar uid with a higher
 * sequence, and the move mail (REQUEST at the new time) instead of a cancel and a confirmation.
 */
export async function moveBooking(actor: Actor, bookingId: string, slotId: string, now = new Date()) {
  const old = await prisma.booking.findFirst({ where: { id: bookingId, schoolId: actor.schoolId }, select: { roundId: true, childId: true, note: true, language: true, needsInterpreter: true } });
  if (!old) throw new AppError('NOT_FOUND');
  const result = await prisma.$transaction(async (tx) => {
    const booking = await bookingForChange(tx, actor, bookingId, now);
    await tx.booking.delete({ where: { id: booking.id } });
    const input = { roundId: old.roundId, items: [{ childId: old.childId, slotId }], note: old.note ?? undefined, language: old.language ?? undefined, needsInterpreter: old.needsInterpreter };
    const previousStartsAt = booking.claims.map((c) => c.slot.startsAt).sort((a, b) => +a - +b)[0];
    const from: MovedFrom = { householdKey: booking.householdKey, calendarUid: booking.calendarUid, calendarSequence: booking.calendarSequence, previousStartsAt };
    const moved = await runBooking(txExec(tx), tx, actor, input, now, from);
    await offerFreedSlots(tx, actor.schoolId, booking.claims.map((c) => c.slotId).filter((id) => id !== slotId), now, bookInTx);
    return moved;
  }, TX);
  kickMailDelivery();
  return result[0];
}


