import 'server-only';
import type { LeaveReason, Prisma } from '@/generated/prisma/client';
import { allows } from '@/lib/access/policy';
import { requireOnChild } from '@/lib/access/relations';
import { isDirector, onlyDirector, onlyGuardian, onlyStaff } from '@/lib/access/roles';
import { groupScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import { enqueueToUsers, fromMessages } from '@/lib/mail/guardians';
import { addDaysToKey } from '@/lib/school/holidays-nl';
import { isSchoolDay, type HolidayRange } from '@/lib/school/working-days';
import { currentSchoolYear } from '@/lib/school/year';
import { asDate, keyOf, todayKey } from './dates';
import type { LeaveDecision, LeaveInput } from './schemas';

// Leave (verlof, Leerplichtwet 1969 art. 11, 13a; policy row `leave`): a guardian with authority asks
// for their household's children, the director grants or refuses with a reason, the teacher sees
// dates and status. A request is its household's: the other household of separated parents does not
// see it. The law's limits are shown as help (leaveHelp), not enforced: the director decides.

export type LeaveWarning = 'firstWeeks' | 'holidayMaxDays' | 'holidayOncePerYear' | 'overTenDays';

/** The school days in a range (both ends inclusive), counted with the school's holidays. */
export function schoolDaysBetween(from: string, to: string, holidays: readonly HolidayRange[]) {
  let n = 0;
  for (let d = from, guard = 0; d <= to && guard < 800; d = addDaysToKey(d, 1), guard++) if (isSchoolDay(d, holidays)) n++;
  return n;
}

/** The first school day on or after the school year's start: the end of the summer holiday. */
export function firstSchoolDay(year: { startDate: Date }, holidays: readonly HolidayRange[]) {
  let d = keyOf(year.startDate);
  for (let guard = 0; guard < 120 && !isSchoolDay(d, holidays); guard++) d = addDaysToKey(d, 1);
  return d;
}

/**
 * What the law says about this request, as help for the parent and the director:
 * - holiday leave (art. 13a) not in the first two weeks after the summer holiday, at most ten school
 *   days, once per school year;
 * - other leave (gewichtige omstandigheden, art. 11): up to ten school days the director decides,
 *   more goes to the attendance officer (leerplichtambtenaar).
 */
export function leaveHelp(
  req: { fromDate: string; toDate: string; reason: LeaveReason },
  ctx: { years: { startDate: Date; endDate: Date }[]; holidays: readonly HolidayRange[]; earlierHolidayLeave?: boolean },
) {
  const schoolDays = schoolDaysBetween(req.fromDate, req.toDate, ctx.holidays);
  const warnings: LeaveWarning[] = [];
  if (req.reason === 'HOLIDAY_WORK') {
    const year = ctx.years.find((y) => keyOf(y.startDate) <= req.toDate && req.fromDate <= keyOf(y.endDate));
    if (year) {
      const first = firstSchoolDay(year, ctx.holidays);
      if (req.fromDate <= addDaysToKey(first, 13) && req.toDate >= first) warnings.push('firstWeeks');
    }
    if (schoolDays > 10) warnings.push('holidayMaxDays');
    if (ctx.earlierHolidayLeave) warnings.push('holidayOncePerYear');
  } else if (schoolDays > 10) warnings.push('overTenDays');
  return { schoolDays, warnings };
}

async function calendarOf(schoolId: string) {
  const [years, holidays] = await Promise.all([
    prisma.schoolYear.findMany({ where: { schoolId }, select: { startDate: true, endDate: true } }),
    prisma.holiday.findMany({ where: { schoolId }, select: { startDate: true, endDate: true } }),
  ]);
  return { years, holidays };
}

/** Households in which the actor has authority: their leave requests are the actor's to see. */
async function authorityHouseholds(actor: Actor) {
  const rows = await prisma.guardianship.findMany({ where: { userId: actor.userId, schoolId: actor.schoolId, endedAt: null, right: 'AUTHORITY' }, select: { householdId: true } });
  return [...new Set(rows.map((r) => r.householdId))];
}

/** A guardian with authority asks leave for one or more of their children, for their household. */
export async function requestLeave(actor: Actor, input: LeaveInput, now = new Date()) {
  onlyGuardian(actor);
  const childIds = [...new Set(input.childIds)];
  const rels = [];
  for (const childId of childIds) rels.push(await requireOnChild(actor, childId, 'leave', 'request'));
  if (input.fromDate < todayKey(now)) throw new AppError('INVALID_INPUT', 'in the past', { fieldErrors: { fromDate: ['reports.fromInPast'] } });
  const householdId = rels[0].householdId!;
  const { years, holidays } = await calendarOf(actor.schoolId);
  const help = leaveHelp(input, { years, holidays });
  const id = await prisma.$transaction(async (tx) => {
    const req = await tx.leaveRequest.create({
      data: { schoolId: actor.schoolId, requestedById: actor.userId, householdId, fromDate: asDate(input.fromDate), toDate: asDate(input.toDate), reason: input.reason, explanation: input.explanation },
    });
    await tx.leaveRequestChild.createMany({ data: childIds.map((childId) => ({ schoolId: actor.schoolId, leaveRequestId: req.id, childId })) });
    return req.id;
  });
  return { id, ...help };
}

/** The requesting household withdraws a request while it waits for a decision. */
export async function withdrawLeave(actor: Actor, requestId: string) {
  onlyGuardian(actor);
  const req = await prisma.leaveRequest.findFirst({ where: { id: requestId, schoolId: actor.schoolId, householdId: { in: await authorityHouseholds(actor) } }, select: { id: true, status: true, children: { select: { childId: true }, take: 1 } } });
  if (!req) throw new AppError('NOT_FOUND');
  await requireOnChild(actor, req.children[0].childId, 'leave', 'request');
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.leaveRequest.updateMany({ where: { id: req.id, status: 'PENDING' }, data: { status: 'WITHDRAWN' } });
    if (!count) throw new AppError('CONFLICT');
  });
}

/** The director grants or refuses (a refusal with its reason); the requester hears it by mail. */
export async function decideLeave(actor: Actor, input: LeaveDecision, now = new Date()) {
  const req = await prisma.leaveRequest.findFirst({
    where: { id: input.requestId, schoolId: actor.schoolId },
    select: { id: true, requestedById: true, fromDate: true, toDate: true, children: { select: { childId: true, child: { select: { firstName: true } } } } },
  });
  if (!req) throw new AppError('NOT_FOUND');
  for (const c of req.children) await requireOnChild(actor, c.childId, 'leave', 'decide');
  const children = req.children.map((c) => c.child.firstName);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.leaveRequest.updateMany({
      where: { id: req.id, status: 'PENDING' },
      data: { status: input.decision, decidedById: actor.userId, decidedAt: now, decisionNote: input.decisionNote || null },
    });
    if (!count) throw new AppError('CONFLICT');
    const day = (d: Date, locale: string) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'UTC', dateStyle: 'long' }).format(d);
    await enqueueToUsers(tx, {
      schoolId: actor.schoolId, userIds: [req.requestedById], kind: input.decision === 'GRANTED' ? 'leave_granted' : 'leave_refused',
      render: fromMessages(input.decision === 'GRANTED' ? 'mail.leaveGranted' : 'mail.leaveRefused', (to) => ({
        children: children.join(to.locale === 'en' ? ' and ' : ' en '), from: day(req.fromDate, to.locale), to: day(req.toDate, to.locale), note: input.decisionNote ?? '',
      })),
    });
  });
}

const requestFields = { id: true, fromDate: true, toDate: true, reason: true, status: true, createdAt: true, decidedAt: true } as const;
const childNames = { orderBy: { child: { firstName: 'asc' } }, select: { child: { select: { id: true, firstName: true, prefix: true, lastName: true } } } } as const;

/** A guardian's leave requests: those of the households in which they have authority. */
export async function guardianLeaveRequests(actor: Actor) {
  onlyGuardian(actor);
  const households = await authorityHouseholds(actor);
  if (!households.length) return [];
  const { years, holidays } = await calendarOf(actor.schoolId);
  const rows = await prisma.leaveRequest.findMany({
    where: { schoolId: actor.schoolId, householdId: { in: households } },
    orderBy: [{ fromDate: 'desc' }],
    take: 50,
    select: { ...requestFields, explanation: true, decisionNote: true, children: childNames },
  });
  return rows.map(({ children, ...r }) => ({ ...r, children: children.map((c) => c.child), schoolDays: leaveHelp({ fromDate: keyOf(r.fromDate), toDate: keyOf(r.toDate), reason: r.reason }, { years, holidays }).schoolDays }));
}

/**
 * Leave of the actor's pupils from today on, pending or granted, for the teacher: dates and status
 * only (the explanation is between the household and the director). The director sees all.
 */
export async function staffLeave(actor: Actor, now = new Date()) {
  onlyStaff(actor);
  const year = await currentSchoolYear(actor.schoolId, now);
  if (!year) return [];
  // leave.read is the teacher's and director's: the internal supervisor sees the groups they teach.
  const relation = isDirector(actor) ? 'director' : 'teacher';
  if (!allows('leave', 'read', [relation])) return [];
  const pupils: Prisma.ChildWhereInput = { enrolments: { some: { schoolYearId: year.id, group: isDirector(actor) ? { schoolId: actor.schoolId } : groupScope(actor, year.id) } } };
  const rows = await prisma.leaveRequest.findMany({
    where: { schoolId: actor.schoolId, status: { in: ['PENDING', 'GRANTED'] }, toDate: { gte: asDate(todayKey(now)) }, children: { some: { child: pupils } } },
    orderBy: { fromDate: 'asc' },
    take: 100,
    select: { id: true, fromDate: true, toDate: true, status: true, children: { ...childNames, where: { child: pupils } } },
  });
  return rows.map(({ children, ...r }) => ({ ...r, children: children.map((c) => ({ id: c.child.id, name: fullName(c.child) })) }));
}

/** The director's list: waiting requests first (oldest first), then the decided ones, newest first. */
export async function directorLeaveRequests(actor: Actor) {
  // leave.decide is the director's alone (policy row `leave`); every child of the school is theirs.
  onlyDirector(actor);
  const { years, holidays } = await calendarOf(actor.schoolId);
  const select = {
    ...requestFields, explanation: true, decisionNote: true,
    requestedBy: { select: { firstName: true, prefix: true, lastName: true } },
    children: { ...childNames, select: { child: { select: { id: true, firstName: true, prefix: true, lastName: true, enrolments: { orderBy: { schoolYear: { startDate: 'desc' } }, take: 1, select: { group: { select: { name: true } } } } } } } },
  } as const;
  const [pending, decided] = await Promise.all([
    prisma.leaveRequest.findMany({ where: { schoolId: actor.schoolId, status: 'PENDING' }, orderBy: { createdAt: 'asc' }, select }),
    prisma.leaveRequest.findMany({ where: { schoolId: actor.schoolId, status: { not: 'PENDING' } }, orderBy: { createdAt: 'desc' }, take: 30, select }),
  ]);
  // "Once per school year": holiday leave granted earlier for one of the same children.
  const childIds = [...new Set(pending.flatMap((r) => r.children.map((c) => c.child.id)))];
  const earlier = childIds.length
    ? await prisma.leaveRequest.findMany({ where: { schoolId: actor.schoolId, status: 'GRANTED', reason: 'HOLIDAY_WORK', children: { some: { childId: { in: childIds } } } }, select: { fromDate: true, children: { select: { childId: true } } } })
    : [];
  const yearOf = (d: Date) => years.find((y) => y.startDate <= d && d <= y.endDate);
  const view = (r: (typeof pending)[number]) => {
    const y = yearOf(r.fromDate);
    const earlierHolidayLeave = r.status === 'PENDING' && r.reason === 'HOLIDAY_WORK' && earlier.some((e) => yearOf(e.fromDate) === y && e.children.some((c) => r.children.some((x) => x.child.id === c.childId)));
    const help = leaveHelp({ fromDate: keyOf(r.fromDate), toDate: keyOf(r.toDate), reason: r.reason }, { years, holidays, earlierHolidayLeave });
    return { ...r, requestedBy: fullName(r.requestedBy), children: r.children.map((c) => ({ id: c.child.id, name: fullName(c.child), group: c.child.enrolments[0]?.group.name ?? null })), ...help };
  };
  return { pending: pending.map(view), decided: decided.map(view) };
}
