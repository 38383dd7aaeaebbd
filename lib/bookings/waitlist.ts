import 'server-only';
import { attendingTalk, guardianMayWrite, householdKeyFor, ownTalksWhere, requireGuardianInRound } from '@/lib/access/bookings';
import { onlyGuardian } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

// Waiting list: when a child's group has no free slot left, a guardian queues the child. A slot that
// frees up (cancel or move) goes, inside the same transaction, to the first child in line whose
// group it belongs to. Promotion is skipped (the entry stays) when it could not succeed.

export async function joinWaitlist(actor: Actor, roundId: string, childId: string, now = new Date()) {
  onlyGuardian(actor);
  await prisma.$transaction(async (tx) => {
    const round = await tx.talkRound.findFirst({ where: { id: roundId, schoolId: actor.schoolId } });
    if (!round) throw new AppError('NOT_FOUND');
    const { acting } = await requireGuardianInRound(tx, actor, round, [childId], 'waitlist');
    if (now > round.deadline) throw new AppError('DEADLINE_PASSED');
    const householdId = acting[0].householdId;
    // A talk this household goes to (the family's, or its own) already: nothing to wait for.
    if (await tx.booking.findFirst({ where: { roundId, childId, ...ownTalksWhere(householdId) } })) throw new AppError('CHILD_ALREADY_BOOKED');
    await tx.waitlistEntry.upsert({
      where: { roundId_childId_householdId: { roundId, childId, householdId } },
      update: {},
      create: { schoolId: actor.schoolId, roundId, childId, householdId, userId: actor.userId },
    });
  });
}

/** Only a guardian who could have queued takes the place back, and only their own household's. */
export async function leaveWaitlist(actor: Actor, roundId: string, childId: string) {
  onlyGuardian(actor);
  const round = await prisma.talkRound.findFirst({ where: { id: roundId, schoolId: actor.schoolId }, select: { id: true, inviteInformationOnly: true } });
  if (!round) throw new AppError('NOT_FOUND');
  const { acting } = await requireGuardianInRound(prisma, actor, round, [childId], 'waitlist');
  await prisma.waitlistEntry.deleteMany({ where: { roundId, childId, schoolId: actor.schoolId, householdId: acting[0].householdId } });
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
      const facts = await tx.guardianship.findMany({ where: { schoolId, childId: entry.childId, endedAt: null }, select: { childId: true, userId: true, right: true, householdId: true } });
      const householdKey = householdKeyFor(slot.round, facts, entry.childId, entry.householdId);
      // Any guardian who would sit in the talk being busy then would make the booking fail: skip instead.
      const attending = attendingTalk(facts, entry.childId, householdKey, slot.round).map((g) => g.userId);
      const busy = await tx.guardianTimeClaim.findFirst({ where: { startsAt: slot.startsAt, userId: { in: attending } } });
      const booked = await tx.booking.findFirst({ where: { roundId: slot.roundId, childId: entry.childId, ...ownTalksWhere(entry.householdId) } });
      const membership = await tx.membership.findFirst({ where: { schoolId, userId: entry.userId, role: 'GUARDIAN' } });
      if (booked) await tx.waitlistEntry.delete({ where: { id: entry.id } });
      // The one who asked may no longer act for the child (access ended, round no longer invites them).
      const asker = facts.find((g) => g.userId === entry.userId);
      if (busy || booked || !membership || !asker || !guardianMayWrite('booking', asker.right, slot.round)) continue;
      // Booking takes the child off the waiting list in the same statement.
      await book(tx, { userId: entry.userId, schoolId, role: 'GUARDIAN', membershipId: membership.id }, { roundId: slot.roundId, items: [{ childId: entry.childId, slotId }] }, now);
      break;
    }
  }
}
