import 'server-only';
import { plannedRoundsWhere, requireGuardianInRound } from '@/lib/access/bookings';
import { onlyGuardian, onlyStaff } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { type AllocFamily, allocate } from './allocate';
import { runBooking } from './book';
import { txExec } from '@/lib/db-raw';
import { kickMailDelivery } from '@/lib/mail/outbox';
import { stillAtSchool } from '@/lib/school/year';

// Fair opening, the service side: parents give preferences during the window, the allocation runs
// once when it closes (a job, or a staff member pressing the button), then the round behaves like a
// normal one: parents see their talk and may swap to any free slot until the deadline.

/** A guardian tells which time blocks the family can make, for all their children in the round at once. */
export async function savePreferences(actor: Actor, roundId: string, childIds: string[], blockIds: string[], now = new Date()) {
  onlyGuardian(actor);
  await prisma.$transaction(async (tx) => {
    const round = await tx.talkRound.findFirst({ where: { id: roundId, schoolId: actor.schoolId, mode: 'FAIR' }, include: { blocks: { select: { id: true } } } });
    if (!round) throw new AppError('NOT_FOUND');
    if (now < round.opensAt || round.allocatedAt || (round.preferencesCloseAt && now > round.preferencesCloseAt)) throw new AppError('ROUND_NOT_OPEN');
    if (blockIds.some((b) => !round.blocks.some((x) => x.id === b))) throw new AppError('NOT_FOUND');
    const ids = [...new Set(childIds)];
    const inRound = await tx.child.count({ where: { id: { in: ids }, schoolId: actor.schoolId, enrolments: { some: { group: { roundGroups: { some: { roundId } } } } } } });
    if (inRound !== ids.length) throw new AppError('NOT_FOUND');
    const { acting } = await requireGuardianInRound(tx, actor, round, ids, 'preference');
    // Each household answers for itself: separated parents never overwrite each other's answer.
    for (const { childId, householdId } of acting) {
      await tx.roundPreference.upsert({
        where: { roundId_childId_householdId: { roundId, childId, householdId } },
        update: { blockIds, userId: actor.userId },
        create: { schoolId: actor.schoolId, roundId, childId, householdId, userId: actor.userId, blockIds },
      });
    }
  });
}

/**
 * Allocate every child of the round's groups, once. Returns what happened, for the staff page. A
 * teacher allocates only a round with one of their groups, the director any of the school's.
 */
export async function allocateRound(actor: Actor, roundId: string, now = new Date()) {
  onlyStaff(actor);
  const outcome = await prisma.$transaction(
    async (tx) => {
      if (!(await tx.talkRound.findFirst({ where: { AND: [{ id: roundId }, plannedRoundsWhere(actor)] }, select: { id: true } }))) throw new AppError('NOT_FOUND');
      // The row lock makes a second allocation (job and button at once) wait, then see allocatedAt.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "TalkRound" WHERE id = ${roundId} AND "schoolId" = ${actor.schoolId} AND mode = 'FAIR' AND "allocatedAt" IS NULL FOR UPDATE`;
      if (!locked.length) throw new AppError('CONFLICT');
      const round = await tx.talkRound.findUniqueOrThrow({ where: { id: roundId }, include: { groups: true } });
      const slots = await tx.slot.findMany({ where: { roundId, blocked: false, claim: null }, orderBy: { startsAt: 'asc' } });
      const blocks = await tx.roundBlock.findMany({ where: { roundId } });
      const blockOf = (d: Date) => blocks.find((b) => b.startsAt <= d && d < b.endsAt)?.id ?? '';
      const children = await tx.child.findMany({
        where: { schoolId: actor.schoolId, ...stillAtSchool(), enrolments: { some: { groupId: { in: round.groups.map((g) => g.groupId) } } }, bookings: { none: { roundId } } },
        select: { id: true, enrolments: { where: { groupId: { in: round.groups.map((g) => g.groupId) } }, select: { groupId: true } }, guardianships: { where: { right: 'AUTHORITY', endedAt: null }, orderBy: { userId: 'asc' }, select: { userId: true } } },
      });
      // Two households may each have answered for a child: the latest answer counts, as before households.
      const prefs = await tx.roundPreference.findMany({ where: { roundId }, orderBy: { updatedAt: 'desc' } });
      // Siblings are one family: by who answered, else by their first guardian with authority.
      const families = new Map<string, AllocFamily>();
      for (const c of children) {
        const pref = prefs.find((p) => p.childId === c.id);
        const key = pref ? `p:${pref.userId}` : `g:${c.guardianships[0]?.userId ?? c.id}`;
        const family = families.get(key) ?? { key, children: [], blockIds: pref ? pref.blockIds : null };
        family.children.push({ childId: c.id, schedule: c.enrolments[0].groupId });
        families.set(key, family);
      }
      const result = allocate(
        [...families.values()],
        slots.map((s) => ({ id: s.id, schedule: s.groupId, blockId: blockOf(s.startsAt), startsAt: s.startsAt, endsAt: s.endsAt, location: s.location })),
        round.walkingMinutes,
        round.id,
      );
      const byFamily = new Map<string, { childId: string; slotId: string }[]>();
      for (const a of result.assignments) byFamily.set(a.familyKey, [...(byFamily.get(a.familyKey) ?? []), { childId: a.childId, slotId: a.slotId }]);
      for (const items of byFamily.values()) await runBooking(txExec(tx), tx, actor, { roundId, items }, now);
      await tx.talkRound.update({ where: { id: roundId }, data: { allocatedAt: now } });
      return { booked: result.assignments.length, outsidePreference: result.outsidePreference.length, unplaced: result.unplaced.length, families: families.size };
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  kickMailDelivery();
  return outcome;
}

/** The job: allocate every fair round whose preference window has closed, as the school's director. */
export async function allocateDueRounds(now = new Date(), scope: { schoolId?: string } = {}) {
  // The job runs for every school; a scope keeps a caller (a test) to its own school's rounds.
  const due = await prisma.talkRound.findMany({ where: { ...(scope.schoolId ? { schoolId: scope.schoolId } : {}), mode: 'FAIR', allocatedAt: null, preferencesCloseAt: { lte: now } }, select: { id: true, schoolId: true } });
  for (const r of due) {
    const director = await prisma.membership.findFirst({ where: { schoolId: r.schoolId, role: 'DIRECTOR' }, orderBy: { createdAt: 'asc' } });
    if (!director) continue;
    await allocateRound({ userId: director.userId, schoolId: r.schoolId, role: 'DIRECTOR', membershipId: director.id }, r.id, now).catch((e) => {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
    });
  }
}
