import 'server-only';
import { isDirector, isGuardian } from '@/lib/access/roles';
import { mayAtSchool } from '@/lib/access/school';
import { groupScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import { currentSchoolYear } from '@/lib/school/year';
import { activityScope, managedActivities } from './scope';

// Reads: the list of activities (coming first), one activity with its roles and — for those who
// manage it — who signed up, and the waiting list in order.

const roleSelect = { id: true, kind: true, label: true, places: true, _count: { select: { claims: true } } } as const;

/** Activities the actor may see that have not ended, soonest first, with each role's fill and the actor's own sign-ups. */
export async function activityList(actor: Actor, now = new Date()) {
  const rows = await prisma.activity.findMany({
    where: { AND: [activityScope(actor), { endsAt: { gte: now } }] },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: 100,
    select: {
      id: true,
      title: true,
      startsAt: true,
      signupDeadline: true,
      allocation: true,
      group: { select: { name: true } },
      roles: { select: roleSelect, orderBy: { kind: 'asc' } },
      signups: { where: { userId: actor.userId, status: { not: 'WITHDRAWN' } }, select: { roleId: true, status: true } },
    },
  });
  return rows.map(({ roles, group, ...a }) => ({
    ...a,
    group: group?.name ?? null,
    roles: roles.map(({ _count, ...r }) => ({ ...r, taken: _count.claims })),
    open: a.signupDeadline >= now,
  }));
}

/** One activity: roles with their fill, the actor's own sign-ups, and for managers every sign-up per role. */
export async function activityDetail(actor: Actor, id: string, now = new Date()) {
  const a = await prisma.activity.findFirst({
    where: { AND: [{ id }, activityScope(actor)] },
    select: {
      id: true,
      title: true,
      description: true,
      startsAt: true,
      endsAt: true,
      signupDeadline: true,
      allocation: true,
      allocatedAt: true,
      group: { select: { name: true } },
      createdById: true,
      roles: { select: roleSelect, orderBy: { kind: 'asc' } },
    },
  });
  if (!a) throw new AppError('NOT_FOUND');
  const manages = (await prisma.activity.count({ where: { AND: [{ id }, managedActivities(actor)] } })) === 1;
  const guardian = isGuardian(actor) && mayAtSchool(actor, 'activity', 'signUp');
  const signups = await prisma.activitySignup.findMany({
    where: { activityId: a.id, status: { not: 'WITHDRAWN' }, ...(manages ? {} : { userId: actor.userId }) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, roleId: true, userId: true, status: true, seats: true, createdAt: true, user: { select: { firstName: true, prefix: true, lastName: true, email: true } } },
  });
  // A guardian sees only their own sign-up: their place in the queue is counted, not listed.
  const ahead = new Map<string, number>();
  for (const s of signups.filter((x) => x.userId === actor.userId && x.status === 'WAITING')) {
    ahead.set(s.id, await prisma.activitySignup.count({ where: { roleId: s.roleId, status: 'WAITING', OR: [{ createdAt: { lt: s.createdAt } }, { createdAt: s.createdAt, id: { lt: s.id } }] } }));
  }
  const roles = a.roles.map(({ _count, ...r }) => {
    const of = signups.filter((s) => s.roleId === r.id);
    const mine = of.find((s) => s.userId === actor.userId) ?? null;
    const people = (status: 'PLACED' | 'WAITING') => of.filter((s) => s.status === status).map((s) => ({ id: s.id, name: fullName(s.user), email: s.user.email, seats: s.seats }));
    return {
      ...r,
      taken: _count.claims,
      mine: mine && { status: mine.status, seats: mine.seats, position: mine.status === 'WAITING' ? (ahead.get(mine.id) ?? 0) + 1 : null },
      placed: manages ? people('PLACED') : null,
      waiting: manages ? people('WAITING') : null,
    };
  });
  const { createdById, group, ...rest } = a;
  const createdBy = await prisma.user.findUniqueOrThrow({ where: { id: createdById }, select: { firstName: true, prefix: true, lastName: true } });
  return {
    ...rest,
    group: group?.name ?? null,
    author: fullName(createdBy),
    roles,
    open: now <= a.signupDeadline,
    maySignUp: guardian,
    manages,
    mayAllocate: manages && a.allocation === 'FAIR' && !a.allocatedAt && now > a.signupDeadline,
  };
}

/** Groups the actor may post an activity for (this school year), and whether the whole school is an option. */
export async function postingOptions(actor: Actor, now = new Date()) {
  const year = await currentSchoolYear(actor.schoolId, now);
  if (!year) return { groups: [], wholeSchool: false };
  if (mayAtSchool(actor, 'activity', 'write')) {
    const groups = await prisma.group.findMany({ where: groupScope(actor, year.id), orderBy: [{ grade: 'asc' }, { name: 'asc' }], select: { id: true, name: true } });
    return { groups, wholeSchool: isDirector(actor) };
  }
  if (mayAtSchool(actor, 'activity', 'writeAsClassParent')) {
    const groups = await prisma.group.findMany({ where: { schoolId: actor.schoolId, schoolYearId: year.id, classParents: { some: { userId: actor.userId } } }, orderBy: [{ grade: 'asc' }, { name: 'asc' }], select: { id: true, name: true } });
    return { groups, wholeSchool: false };
  }
  return { groups: [], wholeSchool: false };
}

/** The home card: a guardian's open activities with a free place; staff (and class parents) those they manage. */
export async function helpCardData(actor: Actor, now = new Date()) {
  const list = await activityList(actor, now);
  if (!isGuardian(actor)) {
    const managed = new Set((await prisma.activity.findMany({ where: { AND: [managedActivities(actor), { endsAt: { gte: now } }] }, select: { id: true } })).map((a) => a.id));
    return list.filter((a) => managed.has(a.id));
  }
  return list.filter((a) => a.open && a.roles.some((r) => r.taken < r.places));
}
