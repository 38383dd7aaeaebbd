import 'server-only';
import { isDirector } from '@/lib/access/roles';
import { mayAtSchool, requireAtSchool } from '@/lib/access/school';
import { groupScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { formatTalkTime, zonedDateKey } from '@/lib/format/time';
import { fromMessages } from '@/lib/mail/guardians';
import { kickMailDelivery } from '@/lib/mail/outbox';
import { notifyUsers } from '@/lib/notify/notify';
import { portalUrl } from '@/lib/notify/url';
import { currentSchoolYear } from '@/lib/school/year';
import type { ActivityInput, SignUpInput } from './schemas';
import { activityScope, managedActivities } from './scope';

// Activities that need help, with roles of a fixed number of places. "Full means full" is the
// database's: a placed helper holds one ActivityPlace row (role, place number), so two parents racing
// for the last place cannot both get it, whatever the timing. First come: placed while a place is free,
// else on the waiting list in order; a freed place goes to the first waiting. Fair: everyone waits until
// the deadline, then the families who helped least this school year are placed first.

const path = (id: string) => `/helpen/${id}`;
const refuse = (code: 'DEADLINE_PASSED' | 'CONFLICT' | 'INVALID_INPUT', field: string, key: string) => new AppError(code, key, { fieldErrors: { [field]: [`helping.${key}`] } });

/** Whether the actor may post for this group (null: the whole school): staff for groups they teach, the director any; a class parent their group. */
async function mayPostFor(db: Tx | typeof prisma, actor: Actor, groupId: string | null, schoolYearId: string) {
  if (mayAtSchool(actor, 'activity', 'write')) {
    if (groupId === null) return isDirector(actor);
    return (await db.group.count({ where: { AND: [{ id: groupId }, groupScope(actor, schoolYearId)] } })) === 1;
  }
  if (mayAtSchool(actor, 'activity', 'writeAsClassParent') && groupId !== null) {
    return (await db.classParent.count({ where: { schoolId: actor.schoolId, groupId, userId: actor.userId, group: { schoolYearId } } })) === 1;
  }
  return false;
}

/** Post an activity with its roles. A group outside the actor's reach (or the whole school for a non-director) is NOT_FOUND. */
export async function createActivity(actor: Actor, input: ActivityInput, now = new Date()) {
  if (!mayAtSchool(actor, 'activity', 'write') && !mayAtSchool(actor, 'activity', 'writeAsClassParent')) throw new AppError('NOT_FOUND');
  if (input.signupDeadline <= now) throw refuse('INVALID_INPUT', 'signupDeadline', 'deadlineInPast');
  const year = await currentSchoolYear(actor.schoolId, now);
  if (!year) throw new AppError('NOT_FOUND');
  return prisma.$transaction(async (tx) => {
    if (!(await mayPostFor(tx, actor, input.groupId, year.id))) throw new AppError('NOT_FOUND');
    const a = await tx.activity.create({
      data: {
        schoolId: actor.schoolId,
        groupId: input.groupId,
        title: input.title,
        description: input.description,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        signupDeadline: input.signupDeadline,
        allocation: input.allocation,
        createdById: actor.userId,
        createdAt: now,
      },
    });
    await tx.activityRole.createMany({ data: input.roles.map((r) => ({ schoolId: actor.schoolId, activityId: a.id, kind: r.kind, label: r.label, places: r.places })) });
    return a.id;
  });
}

async function visibleActivity(db: Tx | typeof prisma, actor: Actor, id: string) {
  const a = await db.activity.findFirst({ where: { AND: [{ id }, activityScope(actor)] }, select: { id: true, groupId: true, title: true, startsAt: true, signupDeadline: true, allocation: true, allocatedAt: true } });
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

/** The household the guardian helps for: theirs through a child of the activity's group (any child for the whole school). */
async function householdFor(db: Tx | typeof prisma, actor: Actor, groupId: string | null) {
  const g = await db.guardianship.findFirst({
    where: { userId: actor.userId, schoolId: actor.schoolId, endedAt: null, ...(groupId ? { child: { enrolments: { some: { groupId } } } } : {}) },
    orderBy: { id: 'asc' },
    select: { householdId: true },
  });
  if (!g) throw new AppError('NOT_FOUND');
  return g.householdId;
}

/**
 * Claim the lowest free place of the role for this signup. A place another transaction holds makes the
 * insert wait for it and then skip (ON CONFLICT DO NOTHING keeps the transaction usable), so the next
 * number is tried. False: the role is full.
 */
async function claimPlace(tx: Tx, schoolId: string, role: { id: string; places: number }, signupId: string) {
  const taken = new Set((await tx.activityPlace.findMany({ where: { roleId: role.id }, select: { place: true } })).map((p) => p.place));
  for (let place = 1; place <= role.places; place++) {
    if (taken.has(place)) continue;
    const { count } = await tx.activityPlace.createMany({ data: [{ schoolId, roleId: role.id, place, signupId }], skipDuplicates: true });
    if (count === 1) return true;
  }
  return false;
}

function placedMail(a: { id: string; title: string; startsAt: Date }, role: string) {
  return fromMessages('mail.activityPlaced', (to) => ({ title: a.title, role, date: formatTalkTime(a.startsAt, to.locale), url: portalUrl(path(a.id)) }));
}

async function tellPlaced(tx: Tx, schoolId: string, a: { id: string; title: string; startsAt: Date }, role: string, userIds: string[]) {
  await notifyUsers(tx, { schoolId, userIds, kind: 'ANNOUNCEMENT', mailKind: 'activity_placed', digest: { title: a.title, path: path(a.id) }, render: placedMail(a, role) });
}

/**
 * A guardian signs up for a role (a driver says how many children they can take). First come: placed
 * while a place is free, else waiting. Fair: waiting until the allocation. Until the deadline only.
 */
export async function signUp(actor: Actor, input: SignUpInput, now = new Date()) {
  requireAtSchool(actor, 'activity', 'signUp');
  const result = await prisma.$transaction(async (tx) => {
    const role = await tx.activityRole.findFirst({ where: { id: input.roleId, schoolId: actor.schoolId }, select: { id: true, kind: true, places: true, activityId: true } });
    if (!role) throw new AppError('NOT_FOUND');
    const a = await visibleActivity(tx, actor, role.activityId);
    const householdId = await householdFor(tx, actor, a.groupId);
    if (now > a.signupDeadline) throw refuse('DEADLINE_PASSED', 'roleId', 'deadlinePassed');
    const seats = role.kind === 'DRIVER' ? input.seats : null;
    if (role.kind === 'DRIVER' && !seats) throw new AppError('INVALID_INPUT', 'seats', { fieldErrors: { seats: ['required'] } });
    const before = await tx.activitySignup.findUnique({ where: { roleId_userId: { roleId: role.id, userId: actor.userId } }, select: { id: true, status: true } });
    if (before && before.status !== 'WITHDRAWN') throw refuse('CONFLICT', 'roleId', 'alreadySignedUp');
    // Signing up again after withdrawing joins the back of the queue.
    const data = { householdId, seats, status: 'WAITING' as const, createdAt: now, placedAt: null };
    const signup = before
      ? await tx.activitySignup.update({ where: { id: before.id }, data, select: { id: true } })
      : await tx.activitySignup.create({ data: { ...data, schoolId: actor.schoolId, activityId: a.id, roleId: role.id, userId: actor.userId }, select: { id: true } });
    // Nobody jumps the queue: while others wait, a newcomer waits too.
    const waiting = await tx.activitySignup.count({ where: { roleId: role.id, status: 'WAITING', id: { not: signup.id } } });
    if (a.allocation === 'FAIR' || waiting > 0 || !(await claimPlace(tx, actor.schoolId, role, signup.id))) return { id: signup.id, status: 'WAITING' as const };
    await tx.activitySignup.update({ where: { id: signup.id }, data: { status: 'PLACED', placedAt: now } });
    return { id: signup.id, status: 'PLACED' as const };
  });
  return result;
}

/** Give a freed place to the first one waiting (first come), and tell them. */
async function promoteWaiting(tx: Tx, schoolId: string, roleId: string, now: Date) {
  const role = await tx.activityRole.findUniqueOrThrow({ where: { id: roleId }, select: { id: true, label: true, places: true, activity: { select: { id: true, title: true, startsAt: true } } } });
  const next = await tx.activitySignup.findFirst({ where: { roleId, status: 'WAITING' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, userId: true } });
  if (!next || !(await claimPlace(tx, schoolId, role, next.id))) return null;
  await tx.activitySignup.update({ where: { id: next.id }, data: { status: 'PLACED', placedAt: now } });
  await tellPlaced(tx, schoolId, role.activity, role.label, [next.userId]);
  return next.userId;
}

/** Withdraw until the deadline: the place is freed and, first come, goes to the first one waiting. */
export async function withdraw(actor: Actor, roleId: string, now = new Date()) {
  requireAtSchool(actor, 'activity', 'signUp');
  const promoted = await prisma.$transaction(async (tx) => {
    const s = await tx.activitySignup.findFirst({ where: { roleId, userId: actor.userId, schoolId: actor.schoolId, status: { not: 'WITHDRAWN' } }, select: { id: true, status: true, activityId: true } });
    if (!s) throw new AppError('NOT_FOUND');
    const a = await visibleActivity(tx, actor, s.activityId);
    if (now > a.signupDeadline) throw refuse('DEADLINE_PASSED', 'roleId', 'deadlinePassed');
    await tx.activityPlace.deleteMany({ where: { signupId: s.id } });
    await tx.activitySignup.update({ where: { id: s.id }, data: { status: 'WITHDRAWN', placedAt: null } });
    if (s.status !== 'PLACED' || (a.allocation === 'FAIR' && !a.allocatedAt)) return null;
    return promoteWaiting(tx, actor.schoolId, roleId, now);
  });
  if (promoted) kickMailDelivery();
  return { promoted };
}

/**
 * Fair allocation, once, after the deadline: per role the waiting families who helped least this
 * school year (placed at activities that have already started) go first, ties by sign-up time.
 * Returns how many were placed; a second run places nobody (allocatedAt is claimed).
 */
async function allocateIn(tx: Tx, schoolId: string, activityId: string, now: Date) {
  const claimed = await tx.activity.updateMany({ where: { id: activityId, schoolId, allocation: 'FAIR', allocatedAt: null, signupDeadline: { lt: now } }, data: { allocatedAt: now } });
  if (claimed.count !== 1) return 0;
  const a = await tx.activity.findUniqueOrThrow({ where: { id: activityId }, select: { id: true, title: true, startsAt: true, roles: { select: { id: true, label: true, places: true } } } });
  const year = await currentSchoolYear(schoolId, a.startsAt, tx);
  const waiting = await tx.activitySignup.findMany({ where: { activityId, status: 'WAITING' }, select: { id: true, roleId: true, userId: true, householdId: true, createdAt: true } });
  const households = [...new Set(waiting.map((w) => w.householdId))];
  const helped = await tx.activitySignup.groupBy({
    by: ['householdId'],
    where: { schoolId, status: 'PLACED', householdId: { in: households }, activity: { startsAt: { lt: now, ...(year ? { gte: year.startDate } : {}) }, id: { not: activityId } } },
    _count: { _all: true },
  });
  const count = new Map(helped.map((h) => [h.householdId, h._count._all]));
  let placed = 0;
  for (const role of a.roles) {
    const queue = waiting
      .filter((w) => w.roleId === role.id)
      .sort((x, y) => (count.get(x.householdId) ?? 0) - (count.get(y.householdId) ?? 0) || x.createdAt.getTime() - y.createdAt.getTime() || x.id.localeCompare(y.id));
    const lucky: string[] = [];
    for (const w of queue) {
      if (!(await claimPlace(tx, schoolId, role, w.id))) break;
      await tx.activitySignup.update({ where: { id: w.id }, data: { status: 'PLACED', placedAt: now } });
      lucky.push(w.userId);
    }
    await tellPlaced(tx, schoolId, a, role.label, lucky);
    placed += lucky.length;
  }
  return placed;
}

/** The allocate button: for whoever manages the activity, after its deadline. */
export async function allocateActivity(actor: Actor, activityId: string, now = new Date()) {
  const placed = await prisma.$transaction(async (tx) => {
    const a = await tx.activity.findFirst({ where: { AND: [{ id: activityId }, activityScope(actor), managedActivities(actor)] }, select: { id: true, allocation: true, allocatedAt: true, signupDeadline: true } });
    if (!a) throw new AppError('NOT_FOUND');
    if (a.allocation !== 'FAIR' || a.allocatedAt) throw refuse('CONFLICT', 'activityId', 'alreadyAllocated');
    if (now <= a.signupDeadline) throw refuse('CONFLICT', 'activityId', 'beforeDeadline');
    return allocateIn(tx, actor.schoolId, a.id, now);
  });
  kickMailDelivery();
  return placed;
}

/** The job: allocate every fair activity of the school whose deadline has passed. Idempotent. */
export async function allocateActivities({ schoolId }: { schoolId: string }, now = new Date()) {
  const due = await prisma.activity.findMany({ where: { schoolId, allocation: 'FAIR', allocatedAt: null, signupDeadline: { lt: now } }, select: { id: true } });
  let placed = 0;
  for (const d of due) placed += await prisma.$transaction((tx) => allocateIn(tx, schoolId, d.id, now));
  if (placed) kickMailDelivery();
  return placed;
}

/**
 * The job: the day before (on the school's calendar) each placed helper gets a reminder, once per
 * activity (remindedAt is claimed, so a second run or a second process sends nothing).
 */
export async function remindActivities({ schoolId }: { schoolId: string }, now = new Date()) {
  const tomorrow = zonedDateKey(new Date(now.getTime() + 86_400_000));
  const soon = await prisma.activity.findMany({ where: { schoolId, remindedAt: null, startsAt: { gt: now, lt: new Date(now.getTime() + 3 * 86_400_000) } }, select: { id: true, startsAt: true } });
  let sent = 0;
  for (const s of soon.filter((x) => zonedDateKey(x.startsAt) === tomorrow)) {
    sent += await prisma.$transaction(async (tx) => {
      const claimed = await tx.activity.updateMany({ where: { id: s.id, remindedAt: null }, data: { remindedAt: now } });
      if (claimed.count !== 1) return 0;
      const a = await tx.activity.findUniqueOrThrow({ where: { id: s.id }, select: { id: true, title: true, startsAt: true, signups: { where: { status: 'PLACED' }, select: { userId: true, role: { select: { label: true } } } } } });
      let n = 0;
      for (const label of new Set(a.signups.map((x) => x.role.label))) {
        const userIds = a.signups.filter((x) => x.role.label === label).map((x) => x.userId);
        const render = fromMessages('mail.activityReminder', (to) => ({ title: a.title, role: label, date: formatTalkTime(a.startsAt, to.locale), url: portalUrl(path(a.id)) }));
        n += (await notifyUsers(tx, { schoolId, userIds, kind: 'ANNOUNCEMENT', mailKind: 'activity_reminder', digest: { title: a.title, path: path(a.id) }, render, urgent: true })).mailed;
      }
      return n;
    });
  }
  if (sent) kickMailDelivery();
  return sent;
}

/**
 * Both jobs for every school with something due (for instrumentation.ts: every few minutes), or for
 * one school (tests, so a run sees only its own school's activities).
 */
export async function runActivityJobs(now = new Date(), scope: { schoolId?: string } = {}) {
  const schools = await prisma.activity.findMany({
    where: { schoolId: scope.schoolId, OR: [{ allocation: 'FAIR', allocatedAt: null, signupDeadline: { lt: now } }, { remindedAt: null, startsAt: { gt: now, lt: new Date(now.getTime() + 2 * 86_400_000) } }] },
    distinct: ['schoolId'],
    select: { schoolId: true },
  });
  let placed = 0;
  let reminded = 0;
  for (const { schoolId } of schools) {
    placed += await allocateActivities({ schoolId }, now);
    reminded += await remindActivities({ schoolId }, now);
  }
  return { placed, reminded };
}
