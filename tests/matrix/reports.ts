import { isDirector, isGuardian } from '@/lib/access/roles';
import { prisma } from '@/lib/db';
import { absentToday, closeAbsence, guardianAbsences, reportAbsence } from '@/lib/reports/absence';
import { asDate, todayKey } from '@/lib/reports/dates';
import { homeChanges, reportHomeChange } from '@/lib/reports/home-change';
import { decideLeave, directorLeaveRequests, guardianLeaveRequests, requestLeave, staffLeave } from '@/lib/reports/leave';
import { type Probes, type Target, refusedAsNotFound } from './types';

// Probes for the reports kinds of the policy table (lib/access/policy.ts): absence, leave, homeChange.
// Rows a probe reads are prepared here as the child's first guardian (own household) reported them.

const today = () => todayKey(new Date());

async function openAbsence(c: Target) {
  const open = await prisma.absence.findFirst({ where: { childId: c.id, closedAt: null } });
  return open ?? prisma.absence.create({ data: { schoolId: c.schoolId, childId: c.id, reportedById: c.guardians[0].userId, reason: 'SICK', fromDate: asDate(today()), openChildId: c.id } });
}

async function leaveRequest(c: Target, status: 'PENDING' | 'GRANTED') {
  const { householdId } = await prisma.guardianship.findFirstOrThrow({ where: { childId: c.id, userId: c.guardians[0].userId } });
  const from = asDate(today());
  const req = await prisma.leaveRequest.create({ data: { schoolId: c.schoolId, requestedById: c.guardians[0].userId, householdId, fromDate: from, toDate: new Date(+from + 86_400_000), reason: 'SPECIAL_CIRCUMSTANCES', explanation: 'Bruiloft', status } });
  await prisma.leaveRequestChild.create({ data: { schoolId: c.schoolId, leaveRequestId: req.id, childId: c.id } });
  return req;
}

const readableLeave = new Map<string, Promise<unknown>>();
const onceFor = (c: Target, key: string, make: () => Promise<unknown>) => {
  if (!readableLeave.has(`${key}:${c.id}`)) readableLeave.set(`${key}:${c.id}`, make());
  return readableLeave.get(`${key}:${c.id}`)!;
};

export const reportsProbes: Probes = {
  // A guardian on /melden, staff in the morning view (/vandaag).
  'absence.read': async (a, c) => {
    await openAbsence(c);
    const ids = isGuardian(a) ? (await guardianAbsences(a)).map((x) => x.childId) : (await absentToday(a)).absences.map((x) => x.childId);
    if (!ids.includes(c.id)) refusedAsNotFound();
  },
  // Past the access check, a second report hears "already open" (INVALID_INPUT): still allowed.
  'absence.report': (a, c) => reportAbsence(a, { childId: c.id, reason: 'SICK', fromDate: today(), dayPart: 'WHOLE_DAY' }),
  'absence.close': async (a, c) => closeAbsence(a, (await openAbsence(c)).id),
  // A guardian on /melden, the teacher on /vandaag, the director on /directie/verlof.
  'leave.read': async (a, c) => {
    await onceFor(c, 'leave', () => leaveRequest(c, 'GRANTED'));
    const childIds = isGuardian(a)
      ? (await guardianLeaveRequests(a)).flatMap((r) => r.children.map((x) => x.id))
      : isDirector(a)
        ? (await directorLeaveRequests(a)).decided.flatMap((r) => r.children.map((x) => x.id))
        : (await staffLeave(a)).flatMap((r) => r.children.map((x) => x.id));
    if (!childIds.includes(c.id)) refusedAsNotFound();
  },
  'leave.request': (a, c) => requestLeave(a, { childIds: [c.id], fromDate: today(), toDate: today(), reason: 'OTHER', explanation: 'Verhuizing' }),
  'leave.decide': async (a, c) => decideLeave(a, { requestId: (await leaveRequest(c, 'PENDING')).id, decision: 'GRANTED' }),
  'homeChange.report': (a, c) => reportHomeChange(a, { childId: c.id, kind: 'PHONE', text: 'Nieuw nummer: 06-12121212', addToFile: false }),
  // The director on /directie/wijzigingen.
  'homeChange.read': async (a, c) => {
    await onceFor(c, 'change', async () => {
      const { householdId } = await prisma.guardianship.findFirstOrThrow({ where: { childId: c.id, userId: c.guardians[0].userId } });
      return prisma.homeChange.create({ data: { schoolId: c.schoolId, reportedById: c.guardians[0].userId, householdId, childId: c.id, kind: 'ADDRESS', text: 'Lindelaan 4' } });
    });
    const { open, handled } = await homeChanges(a);
    if (![...open, ...handled].some((x) => x.child?.id === c.id)) refusedAsNotFound();
  },
};
