import 'server-only';
import { plannedGroupsWhere, plannedRoundsWhere } from '@/lib/access/bookings';
import { onlyStaff } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';

// The teacher's mark per pupil and round (policy.ts talkWish): "I want to see these parents"
// (REQUESTED, counts as mandatory in the reminder and the reach figures) or "no talk needed"
// (NOT_NEEDED, the family may still book). Set by the teachers of the child's group, or the director;
// the internal supervisor reads it but plans no group's talks.

export type TalkWishInput = { roundId: string; childId: string; kind: 'REQUESTED' | 'NOT_NEEDED' | 'NONE'; doubleSlot?: boolean; note?: string };

/** Set, change or (kind NONE) remove the mark; until the round's deadline. Input as wishSchema parsed it. */
export async function setTalkWish(actor: Actor, input: TalkWishInput, now = new Date()) {
  onlyStaff(actor);
  return prisma.$transaction(async (tx) => {
    const round = await tx.talkRound.findFirst({ where: { AND: [{ id: input.roundId }, plannedRoundsWhere(actor)] }, select: { id: true, deadline: true, groups: { select: { groupId: true } } } });
    if (!round) throw new AppError('NOT_FOUND');
    // The child must be in one of the round's groups that this actor plans talks for.
    const enrolled = await tx.enrolment.findFirst({
      where: { schoolId: actor.schoolId, childId: input.childId, groupId: { in: round.groups.map((g) => g.groupId) }, group: plannedGroupsWhere(actor) },
      select: { id: true },
    });
    if (!enrolled) throw new AppError('NOT_FOUND');
    if (now > round.deadline) throw new AppError('DEADLINE_PASSED');
    const key = { roundId_childId: { roundId: round.id, childId: input.childId } };
    if (input.kind === 'NONE') {
      await tx.talkWish.deleteMany({ where: { roundId: round.id, childId: input.childId, schoolId: actor.schoolId } });
      return null;
    }
    const data = { kind: input.kind, doubleSlot: input.kind === 'REQUESTED' && !!input.doubleSlot, note: input.note ?? null, byId: actor.userId };
    return tx.talkWish.upsert({ where: key, create: { ...data, schoolId: actor.schoolId, roundId: round.id, childId: input.childId }, update: data });
  });
}
