import 'server-only';
import type { GuardianRight, Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import type { Db, Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { allows, type Relation } from './policy';
import { isDirector, isGuardian, isTeacher } from './roles';
import { childScope } from './scope';

// Talks, waiting lists and fair-round preferences, per the policy table (./policy.ts): the one rule
// "this guardian may act for this child in this round", the household a separately booked talk (a
// place on the waiting list, a preference) belongs to, and the `where` of what staff plan. The
// booking's raw-SQL path (lib/bookings/book.ts) and the Prisma paths load the same guardian facts
// and ask the same functions below.

type RoundInvite = { inviteInformationOnly: boolean };
type GuardianKind = 'booking' | 'waitlist' | 'preference';

const RELATION_OF: Record<GuardianRight, Relation> = { AUTHORITY: 'authority', INFORMATION: 'information' };

/** Whether a guardian with this right may book (queue, give preferences) in the round: with authority, or information only when the round invites them. */
export function guardianMayWrite(kind: GuardianKind, right: string, round: RoundInvite): boolean {
  const relation = [RELATION_OF[right as GuardianRight]];
  return allows(kind, 'write', relation) || (round.inviteInformationOnly && allows(kind, 'writeIfInvited', relation));
}

/** A live guardianship as both paths load it. */
export type GuardianFact = { childId: string; userId: string; right: string; householdId: string };

/**
 * THE rule: the actor's own live guardianship of each child, each allowed to write `kind` in this
 * round. Not a guardian of one of them: NOT_FOUND; a guardian the round does not invite: NOT_INVITED.
 * `facts` are the children's live guardianships (more is fine: others are ignored).
 */
export function actingGuardianships<F extends GuardianFact>(facts: readonly F[], actor: Pick<Actor, 'userId'>, childIds: readonly string[], round: RoundInvite, kind: GuardianKind): F[] {
  return childIds.map((childId) => {
    const mine = facts.find((g) => g.childId === childId && g.userId === actor.userId);
    if (!mine) throw new AppError('NOT_FOUND');
    if (!guardianMayWrite(kind, mine.right, round)) throw new AppError('NOT_INVITED');
    return mine;
  });
}

/** The same rule on the database: loads the facts and answers the actor's guardianships (with the child's households). */
export async function requireGuardianInRound(db: Db | Tx, actor: Actor, round: RoundInvite & { id: string }, childIds: readonly string[], kind: GuardianKind) {
  if (!isGuardian(actor)) throw new AppError('NOT_FOUND');
  const facts = await db.guardianship.findMany({
    where: { schoolId: actor.schoolId, childId: { in: [...childIds] }, endedAt: null },
    select: { childId: true, userId: true, right: true, householdId: true },
  });
  return { acting: actingGuardianships(facts, actor, childIds, round, kind), facts };
}

/**
 * Holding a slot before the booking is confirmed: only a guardian who may book for a child in the
 * slot's group. Another family's group (or school): NOT_FOUND; only information rights in a round
 * that does not invite them: NOT_INVITED.
 */
export async function requireGuardianOfSlot(db: Db | Tx, actor: Actor, slotId: string) {
  if (!isGuardian(actor)) throw new AppError('NOT_FOUND');
  const slot = await db.slot.findFirst({ where: { id: slotId, schoolId: actor.schoolId }, select: { groupId: true, round: { select: { inviteInformationOnly: true } } } });
  const mine = slot
    ? await db.guardianship.findMany({
        where: { schoolId: actor.schoolId, userId: actor.userId, endedAt: null, child: { enrolments: { some: { groupId: slot.groupId } } } },
        select: { right: true },
      })
    : [];
  if (!slot || !mine.length) throw new AppError('NOT_FOUND');
  if (!mine.some((g) => guardianMayWrite('booking', g.right, slot.round))) throw new AppError('NOT_INVITED');
}

// ─── households ──────────────────────────────────────────────────────────────

export const JOINT = 'joint';

/**
 * Whose a guardian's talk is: their household's own when the round lets separated parents talk
 * separately and the child has guardians in more than one household; otherwise the family's (joint).
 */
export function householdKeyFor(round: { separateTalksAllowed: boolean }, facts: readonly GuardianFact[], childId: string, actingHouseholdId: string | null | undefined): string {
  const households = new Set(facts.filter((g) => g.childId === childId).map((g) => g.householdId));
  return round.separateTalksAllowed && households.size > 1 && actingHouseholdId ? actingHouseholdId : JOINT;
}

/** Whether a talk is this household's to see in full and change: a joint talk, or its own. */
export const ownsTalk = (householdKey: string, householdId: string) => householdKey === JOINT || householdKey === householdId;

/** The same as a `where` on Booking, for a guardian of this household. */
export const ownTalksWhere = (householdId: string): Prisma.BookingWhereInput => ({ householdKey: { in: [JOINT, householdId] } });

/** Who is told of a talk (confirmation, cancel, reminder): every guardian of the child, information-only ones too, but of a household's own talk only that household. */
export function toldOfTalk<F extends Omit<GuardianFact, 'userId'>>(facts: readonly F[], childId: string, householdKey: string): F[] {
  return facts.filter((g) => g.childId === childId && ownsTalk(householdKey, g.householdId));
}

/** Who sits in the talk: of those told, the guardians the round invites (the day view's "coming"). */
export function attendingTalk<F extends Omit<GuardianFact, 'userId'>>(facts: readonly F[], childId: string, householdKey: string, round: RoundInvite): F[] {
  return toldOfTalk(facts, childId, householdKey).filter((g) => guardianMayWrite('booking', g.right, round));
}

// ─── one booking ─────────────────────────────────────────────────────────────

type ChangeableBooking = { childId: string; householdKey: string; round: RoundInvite & { id: string }; claims: { slot: { groupId: string } }[] };

/**
 * The guard for changing (cancelling, moving) one talk: a guardian of the household it belongs to
 * whom the round invites (the other household's own talk: NOT_FOUND), or staff with the child in
 * scope in the talk's school year.
 */
export async function requireBookingWrite(db: Db | Tx, actor: Actor, booking: ChangeableBooking) {
  if (isGuardian(actor)) {
    const { acting } = await requireGuardianInRound(db, actor, booking.round, [booking.childId], 'booking');
    if (!ownsTalk(booking.householdKey, acting[0].householdId)) throw new AppError('NOT_FOUND');
    return;
  }
  const group = booking.claims[0]?.slot.groupId;
  const year = group ? await db.group.findFirst({ where: { id: group, schoolId: actor.schoolId }, select: { schoolYearId: true } }) : null;
  const visible = year && (await db.child.count({ where: { AND: [{ id: booking.childId }, await childScope(actor, year.schoolYearId)] } }));
  if (!visible) throw new AppError('NOT_FOUND');
}

// ─── what staff plan ─────────────────────────────────────────────────────────

/** Groups the actor plans talks for: a teacher their own, the director all of the school's; a guardian none. */
export function plannedGroupsWhere(actor: Actor): Prisma.GroupWhereInput {
  if (isDirector(actor)) return { schoolId: actor.schoolId };
  if (isTeacher(actor)) return { schoolId: actor.schoolId, teachers: { some: { userId: actor.userId } } };
  return { id: { in: [] } };
}

/** Rounds the actor runs: one that includes a group they plan for. */
export function plannedRoundsWhere(actor: Actor): Prisma.TalkRoundWhereInput {
  if (isDirector(actor)) return { schoolId: actor.schoolId };
  return { schoolId: actor.schoolId, groups: { some: { group: plannedGroupsWhere(actor) } } };
}

/** Slots the actor manages: a teacher their groups' shared schedule or their own split one; the director all. */
export function plannedSlotsWhere(actor: Actor): Prisma.SlotWhereInput {
  if (isDirector(actor)) return { schoolId: actor.schoolId };
  return { schoolId: actor.schoolId, group: plannedGroupsWhere(actor), teacherKey: { in: ['', actor.userId] } };
}
