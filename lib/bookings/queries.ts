import 'server-only';
import { attendingTalk, guardianMayWrite, ownsTalk, plannedSlotsWhere } from '@/lib/access/bookings';
import { onlyGuardian, onlyStaff } from '@/lib/access/roles';
import { childScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { currentSchoolYear } from '@/lib/school/year';
import { type FreeSlot, planBackToBack } from './siblings';

// Reads for the booking pages and API. Each starts from the actor's scope (lib/access).

type RoundTimes = { mode: 'FIRST_COME' | 'FAIR'; opensAt: Date; deadline: Date; preferencesCloseAt: Date | null; allocatedAt: Date | null };
export type RoundState = 'notYetOpen' | 'preferences' | 'allocating' | 'open' | 'closed';

/** Where a round stands for parents; a fair round gathers preferences, is allocated, then opens for swaps. */
export function roundState(r: RoundTimes, now: Date): RoundState {
  if (now < r.opensAt) return 'notYetOpen';
  if (now > r.deadline) return 'closed';
  if (r.mode === 'FAIR' && !r.allocatedAt) return r.preferencesCloseAt && now > r.preferencesCloseAt ? 'allocating' : 'preferences';
  return 'open';
}

/** Free slots of a child's group in a round: unclaimed, not blocked, not started. */
export async function freeSlotsFor(actor: Actor, roundId: string, childId: string, now = new Date()): Promise<FreeSlot[]> {
  const year = await currentSchoolYear(actor.schoolId);
  if (!year) throw new AppError('NOT_FOUND');
  const child = await prisma.child.findFirst({
    where: { AND: [{ id: childId }, await childScope(actor, year.id)] },
    select: { enrolments: { where: { schoolYearId: year.id }, select: { groupId: true } } },
  });
  const groupId = child?.enrolments[0]?.groupId;
  if (!groupId) throw new AppError('NOT_FOUND');
  const inRound = await prisma.roundGroup.findUnique({ where: { roundId_groupId: { roundId, groupId } }, select: { schoolId: true } });
  if (!inRound || inRound.schoolId !== actor.schoolId) throw new AppError('NOT_FOUND');
  const [free, double] = await Promise.all([
    prisma.slot.findMany({
      where: {
        roundId, groupId, schoolId: actor.schoolId, blocked: false, claim: null, startsAt: { gt: now },
        // Not kept for another parent who is confirming it.
        OR: [{ hold: null }, { hold: { expiresAt: { lte: now } } }, { hold: { userId: actor.userId } }],
      },
      orderBy: { startsAt: 'asc' },
      select: { id: true, startsAt: true, endsAt: true, location: true, teacherKey: true },
    }),
    prisma.talkWish.findFirst({ where: { roundId, childId, schoolId: actor.schoolId, doubleSlot: true }, select: { round: { select: { gapMinutes: true } } } }),
  ]);
  // A longer talk the teacher asked for takes two consecutive slots (lib/bookings/book.ts): offer
  // only the moments whose next slot of the same schedule is free too.
  const out: FreeSlot[] = [];
  for (const { teacherKey, ...slot } of free) {
    if (!double) {
      out.push(slot);
      continue;
    }
    const next = free.find((n) => n.teacherKey === teacherKey && +n.startsAt >= +slot.endsAt && +n.startsAt <= +slot.endsAt + double.round.gapMinutes * 60_000);
    if (next) out.push({ ...slot, endsAt: next.endsAt });
  }
  return out;
}

/** After "just taken": the free slots closest in time to the one the parent wanted. */
export async function nearestAlternatives(actor: Actor, roundId: string, childId: string, wanted: Date, count = 3, now = new Date()) {
  const free = await freeSlotsFor(actor, roundId, childId, now);
  return free.sort((a, b) => Math.abs(+a.startsAt - +wanted) - Math.abs(+b.startsAt - +wanted)).slice(0, count).sort((a, b) => +a.startsAt - +b.startsAt);
}

/** A guardian's children with the rounds open to them and what is booked. */
export async function guardianRounds(actor: Actor, now = new Date()) {
  onlyGuardian(actor); // staff have no household: their rounds are lib/bookings/staff.ts's (found by the access matrix)
  const year = await currentSchoolYear(actor.schoolId);
  if (!year) return [];
  const children = await prisma.child.findMany({
    where: await childScope(actor, year.id),
    orderBy: { dateOfBirth: 'asc' },
    select: {
      id: true,
      firstName: true,
      prefix: true,
      lastName: true,
      // All live guardianships: the actor's own right and household, and whether the child has two households.
      guardianships: { where: { endedAt: null }, select: { childId: true, userId: true, right: true, householdId: true } },
      enrolments: { where: { schoolYearId: year.id }, select: { groupId: true, group: { select: { name: true, grade: true } } } },
      bookings: { select: { id: true, roundId: true, householdKey: true, claims: { select: { slot: { select: { startsAt: true, endsAt: true, location: true } } } } } },
      // The teacher's mark (policy.ts talkWish.read): every guardian of the child sees it.
      talkWishes: { select: { roundId: true, kind: true, doubleSlot: true, note: true } },
    },
  });
  const groupIds = children.flatMap((c) => c.enrolments.map((e) => e.groupId));
  const rounds = await prisma.talkRound.findMany({
    where: { schoolId: actor.schoolId, groups: { some: { groupId: { in: groupIds } } }, deadline: { gte: new Date(+now - 14 * 86_400_000) } },
    orderBy: { opensAt: 'asc' },
    select: { id: true, name: true, opensAt: true, deadline: true, mode: true, preferencesCloseAt: true, allocatedAt: true, inviteInformationOnly: true, separateTalksAllowed: true, groups: { select: { groupId: true } }, stage: { select: { name: true, mandatoryGrades: true, parentPreparation: true } } },
  });
  return children.map(({ guardianships, bookings, talkWishes, ...c }) => {
    const group = c.enrolments[0];
    const mine = guardianships.find((g) => g.userId === actor.userId)!;
    return {
      child: c,
      householdId: mine.householdId,
      group: group?.group,
      rounds: rounds
        .filter((r) => r.groups.some((g) => g.groupId === group?.groupId))
        .map((r) => {
          // The other household's own talk is theirs: this household sees only that there is one.
          const booking = bookings.find((b) => b.roundId === r.id && ownsTalk(b.householdKey, mine.householdId));
          const otherHousehold = bookings.some((b) => b.roundId === r.id && !ownsTalk(b.householdKey, mine.householdId));
          const slots = booking?.claims.map((x) => x.slot).sort((a, b) => +a.startsAt - +b.startsAt);
          return {
            round: r,
            wish: talkWishes.find((w) => w.roundId === r.id) ?? null,
            // A talk the teacher asked for counts as mandatory, whatever the grade.
            mandatory: (group ? r.stage.mandatoryGrades.includes(group.group.grade) : false) || talkWishes.some((w) => w.roundId === r.id && w.kind === 'REQUESTED'),
            canBook: guardianMayWrite('booking', mine.right, r),
            otherHousehold,
            state: roundState(r, now),
            booking: booking && slots ? { id: booking.id, startsAt: slots[0].startsAt, endsAt: slots.at(-1)!.endsAt, location: slots[0].location } : null,
            // Parents may prepare the talk until it has been held (lib/records/preparation.ts).
            canPrepare: r.stage.parentPreparation && (slots ? slots.at(-1)!.endsAt > now : roundState(r, now) !== 'closed'),
          };
        }),
    };
  });
}

/** One round for a guardian: per child free slots, and back-to-back plans for siblings without a booking. */
export async function roundForGuardian(actor: Actor, roundId: string, now = new Date()) {
  const round = await prisma.talkRound.findFirst({
    where: { id: roundId, schoolId: actor.schoolId },
    select: {
      id: true, name: true, opensAt: true, deadline: true, walkingMinutes: true, mode: true, preferencesCloseAt: true, allocatedAt: true,
      stage: { select: { name: true, durationMinutes: true } },
      blocks: { orderBy: { startsAt: 'asc' }, select: { id: true, startsAt: true, endsAt: true } },
    },
  });
  if (!round) throw new AppError('NOT_FOUND');
  const all = await guardianRounds(actor, now);
  const entries = all.filter((x) => x.rounds.some((r) => r.round.id === roundId));
  if (entries.length === 0) throw new AppError('NOT_FOUND');
  const children = await Promise.all(
    entries.map(async (e) => {
      const r = e.rounds.find((x) => x.round.id === roundId)!;
      const waiting = !!(await prisma.waitlistEntry.findUnique({ where: { roundId_childId_householdId: { roundId, childId: e.child.id, householdId: e.householdId } }, select: { id: true } }));
      return { child: e.child, group: e.group, wish: r.wish, booking: r.booking, otherHousehold: r.otherHousehold, canBook: r.canBook, canPrepare: r.canPrepare, waiting, slots: r.booking || r.state !== 'open' ? [] : await freeSlotsFor(actor, roundId, e.child.id, now) };
    }),
  );
  const unbooked = children.filter((c) => !c.booking && c.canBook && c.slots.length);
  const plans = unbooked.length > 1 ? planBackToBack(unbooked.map((c) => ({ childId: c.child.id, slots: c.slots })), round.walkingMinutes) : [];
  const state = roundState(round, now);
  // Only this household's preferences: the round has every family's (and the other household's).
  const mine = await prisma.roundPreference.findMany({ where: { roundId, OR: entries.map((e) => ({ childId: e.child.id, householdId: e.householdId })) }, select: { childId: true, blockIds: true } });
  return { round: { ...round, preferences: mine }, state, children, plans };
}

/**
 * A teacher's talks of one day, in order, with who is coming (the guardians the talk's household and
 * the round invite: lib/access/bookings.ts) and what they asked for.
 */
export async function teacherDay(actor: Actor, dayStart: Date, dayEnd: Date) {
  onlyStaff(actor);
  const slots = await prisma.slot.findMany({
    where: { AND: [plannedSlotsWhere(actor), { startsAt: { gte: dayStart, lt: dayEnd } }] },
    orderBy: [{ startsAt: 'asc' }],
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      location: true,
      blocked: true,
      teacherKey: true,
      group: { select: { id: true, name: true } },
      round: { select: { id: true, name: true, inviteInformationOnly: true, gapMinutes: true } },
      claim: {
        select: {
          booking: {
            select: {
              id: true,
              // The parents' note is read through parentNotesFor (lib/records), which audits the read.
              language: true,
              needsInterpreter: true,
              attendance: true,
              householdKey: true,
              child: { select: { id: true, firstName: true, prefix: true, lastName: true, guardianships: { where: { endedAt: null }, select: { childId: true, householdId: true, right: true, relation: true, user: { select: { firstName: true, prefix: true, lastName: true } } } } } },
            },
          },
        },
      },
    },
  });
  return slots.map((s) => {
    const b = s.claim?.booking;
    return { ...s, coming: b ? attendingTalk(b.child.guardianships, b.child.id, b.householdKey, s.round).map((g) => g.user) : [] };
  });
}
