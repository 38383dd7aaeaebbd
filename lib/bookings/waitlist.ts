import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

// Waiting list: when a child's group has no free slot left, a guardian queues the child. A slot that
// frees up (cancel or move) goes, inside the same transaction, to the first child in line whose
// group it belongs to. Promotion is skipped (the entry stays) when it could not succeed.

export async function joinWaitlist(actor: Actor, roundId: string, childId: string, now = new Date()) {
  if (actor.role !== 'GUARDIAN') throw new AppError('NOT_FOUND');
  await prisma.$transaction(async (tx) => {
    const round = await tx.talkRound.findFirst({ where: { id: roundId, schoolId: actor.schoolId } });
    const mine = await tx.guardianship.findFirst({ where: { childId, userId: actor.userId, schoolId: actor.schoolId, endedAt: null } });
    if (!round || !mine) throw new AppError('NOT_FOUND');
    if (mine.right !== 'AUTHORITY' && !round.inviteInformationOnly) throw new AppError('NOT_INVITED');
    if (now > round.deadline) throw new AppError('DEADLINE_PASSED');
    if (await tx.booking.findFirst({ where: { roundId, childId } })) throw new AppError('CHILD_ALREADY_BOOKED');
    await tx.waitlistEntry.upsert({
      where: { roundId_childId: { roundId, childId } },
      update: {},
      create: { schoolId: actor.schoolId, roundId, childId, userId: actor.userId },
    });
  });
}

export async function leaveWaitlist(actor: Actor, roundId: string, childId: string) {
  const mine = await prisma.guardianship.findFirst({ where: { childId, userId: actor.userId, schoolId: actor.schoolId, endedAt: null } });
  if (!mine) throw new AppError('NOT_FOUND');
  await prisma.waitlistEntry.deleteMany({ where: { roundId, childId, schoolId: actor.schoolId } });
}

type Book = (tx: Tx, actor: Actor, input: { roundId: string; items: { childId: string; slotId: string }[] }, now: Date) => Promise<unknown>;

/** Offer freed slots to the waiting list; `book` is the booking module's in-transaction booking. */
export async function offerFreedSlots(tx: Tx, schoolId: string, slotIds: string[], now: Date, book: Book) {
  for (const slotId of slotIds) {
    const slot = await tx.slot.findFirst({ where: { id: slotId, schoolId, blocked: false, claim: null, startsAt: { gt: now } }, include: { round: true } });
    if (!slot || now < slot.round.opensAt || now > slot.round.deadline) continue;
    const queue = await tx.waitlistEntry.findMany({
      where: { roundId: slot.roundId, child: { enrolments: { some: { groupId: slot.groupId } } } },
      orderBy: { createdAt: 'asc' },
    });
    for (const entry of queue) {
      // Any guardian who would sit in the talk being busy then would make the booking fail: skip instead.
      const busy = await tx.guardianTimeClaim.findFirst({ where: { startsAt: slot.startsAt, user: { guardianships: { some: { childId: entry.childId, endedAt: null } } } } });
      const booked = await tx.booking.findFirst({ where: { roundId: slot.roundId, childId: entry.childId } });
      const membership = await tx.membership.findFirst({ where: { schoolId, userId: entry.userId, role: 'GUARDIAN' } });
      if (booked) await tx.waitlistEntry.delete({ where: { id: entry.id } });
      if (busy || booked || !membership) continue;
      // Booking takes the child off the waiting list in the same statement.
      await book(tx, { userId: entry.userId, schoolId, role: 'GUARDIAN', membershipId: membership.id }, { roundId: slot.roundId, items: [{ childId: entry.childId, slotId }] }, now);
      break;
    }
  }
}
