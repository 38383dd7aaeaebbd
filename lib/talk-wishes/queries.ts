import 'server-only';
import { plannedGroupsWhere } from '@/lib/access/bookings';
import { onlyStaff } from '@/lib/access/roles';
import { childScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * The teacher's group view of the marks: per group of the round in the actor's scope, every child
 * with their mark and whether a talk is booked, and who of the requested has not booked yet.
 * `canMark`: the actor plans this group's talks (policy.ts talkWish.write).
 */
export async function roundWishes(actor: Actor, roundId: string) {
  onlyStaff(actor);
  const round = await prisma.talkRound.findFirst({
    where: { id: roundId, schoolId: actor.schoolId },
    select: { id: true, opensAt: true, deadline: true, groups: { select: { group: { select: { id: true, name: true, schoolYearId: true } } } } },
  });
  if (!round) throw new AppError('NOT_FOUND');
  const yearId = round.groups[0]?.group.schoolYearId;
  if (!yearId) return { round, groups: [] };
  const [scope, planned] = await Promise.all([
    childScope(actor, yearId),
    prisma.group.findMany({ where: { AND: [plannedGroupsWhere(actor), { id: { in: round.groups.map((g) => g.group.id) } }] }, select: { id: true } }),
  ]);
  const groups = await Promise.all(
    round.groups.map(async ({ group }) => {
      const children = await prisma.child.findMany({
        where: { AND: [scope, { enrolments: { some: { groupId: group.id } } }] },
        orderBy: [{ firstName: 'asc' }, { lastName: 'asc' }],
        select: { id: true, firstName: true, prefix: true, lastName: true, talkWishes: { where: { roundId }, select: { kind: true, doubleSlot: true, note: true } }, bookings: { where: { roundId }, select: { id: true } } },
      });
      const rows = children.map(({ talkWishes, bookings, ...c }) => ({ ...c, wish: talkWishes[0] ?? null, booked: bookings.length > 0 }));
      return {
        group: { id: group.id, name: group.name },
        canMark: planned.some((p) => p.id === group.id),
        children: rows,
        requestedNotBooked: rows.filter((r) => r.wish?.kind === 'REQUESTED' && !r.booked),
      };
    }),
  );
  return { round, groups: groups.filter((g) => g.children.length > 0) };
}
