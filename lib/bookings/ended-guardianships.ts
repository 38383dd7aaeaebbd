import 'server-only';
import type { Tx } from '@/lib/db';
import { bookingForCancel, cancelInTx } from './service';

// When a guardian's access to a child ends (by the director's hand, or the import's sync), a talk
// booked for them must not stay on the teacher's schedule with nobody coming. Call this in the same
// transaction, after the guardianships were ended: the ended guardian is then no longer among the
// child's guardians, so the cancel mail goes to those who still have access, never to them.

/**
 * Cancels the future bookings nobody with access is left for: a household's own talk when no guardian
 * of that household keeps access to the child, a joint talk when no guardian of the child does. Each
 * cancel works as a parent's (the slot goes to the waiting list, the event is logged, the mail goes
 * to the guardians left). The ended guardians' places on waiting lists for these children go too,
 * and their time on talks that stay is freed. Returns the ids of the cancelled bookings.
 */
export async function cancelBookingsOfEndedGuardianships(
  tx: Tx,
  { schoolId, guardianshipIds, now, actorId }: { schoolId: string; guardianshipIds: string[]; now: Date; actorId: string },
): Promise<string[]> {
  if (guardianshipIds.length === 0) return [];
  const ended = await tx.guardianship.findMany({
    where: { id: { in: guardianshipIds }, schoolId, endedAt: { not: null } },
    select: { childId: true, userId: true, householdId: true },
  });
  const childIds = [...new Set(ended.map((g) => g.childId))];
  if (childIds.length === 0) return [];
  const live = await tx.guardianship.findMany({ where: { schoolId, childId: { in: childIds }, endedAt: null }, select: { childId: true, householdId: true } });
  const keptHousehold = new Set(live.map((g) => `${g.childId}:${g.householdId}`));
  const keptChild = new Set(live.map((g) => g.childId));

  const future = await tx.booking.findMany({
    where: { schoolId, childId: { in: childIds }, claims: { some: { slot: { startsAt: { gt: now } } } } },
    include: bookingForCancel,
    orderBy: { createdAt: 'asc' },
  });
  const orphaned = future.filter((b) => {
    // A booking whose talk already began is history, whatever happens to access now.
    if (b.claims.some((c) => c.slot.startsAt <= now)) return false;
    if (b.householdKey === 'joint') return !keptChild.has(b.childId);
    return ended.some((g) => g.childId === b.childId && g.householdId === b.householdKey) && !keptHousehold.has(`${b.childId}:${b.householdKey}`);
  });

  for (const g of ended) {
    // Otherwise a freed slot could be booked in the ended guardian's name.
    await tx.waitlistEntry.deleteMany({ where: { schoolId, childId: g.childId, userId: g.userId } });
    await tx.guardianTimeClaim.deleteMany({ where: { schoolId, userId: g.userId, startsAt: { gt: now }, booking: { childId: g.childId } } });
  }
  for (const booking of orphaned) await cancelInTx(tx, schoolId, booking, actorId, now);
  return orphaned.map((b) => b.id);
}
