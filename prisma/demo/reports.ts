// Demo traffic for reports from home (issue 13): this morning's absences across groups (5A too),
// one closed yesterday, a pending leave request (a wedding abroad), a leave granted for today, and
// a handled and an open change from home. The demo logins' own children (Sanne, Daan, Noor) are
// left without reports, so a first try of "report sick" works for them.
import type { AbsenceReason, DayPart } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import { zonedToUtc } from '@/lib/format/time';
import { DEMO_LOGINS } from '@/lib/school/demo-school';
import { addDaysToKey } from '@/lib/school/holidays-nl';
import { addWorkingDays } from '@/lib/school/working-days';
import { currentSchoolYear } from '@/lib/school/year';
import { asDate, todayKey } from '@/lib/reports/dates';

const DEMO_EMAILS = new Set(Object.values(DEMO_LOGINS).map((l) => l.email));

export async function seedDemoReports(schoolId: string, now: Date) {
  const year = await currentSchoolYear(schoolId, now);
  if (!year) return;
  const director = await prisma.membership.findFirst({ where: { schoolId, role: 'DIRECTOR' }, select: { userId: true } });
  const groups = await prisma.group.findMany({
    where: { schoolId, schoolYearId: year.id },
    orderBy: [{ grade: 'asc' }, { name: 'asc' }],
    select: {
      name: true,
      enrolments: {
        orderBy: { child: { lastName: 'asc' } },
        select: { child: { select: { id: true, firstName: true, guardianships: { where: { endedAt: null }, orderBy: { id: 'asc' }, select: { userId: true, householdId: true, right: true, user: { select: { email: true } } } } } } },
      },
    },
  });
  const used = new Set<string>();
  // A child of a family without demo logins, in the named group if it exists (else any group), with its first guardian with authority.
  const pick = (groupName?: string) => {
    const order = [...groups.filter((g) => g.name === groupName), ...groups.filter((g) => g.name !== groupName)];
    for (const g of order)
      for (const { child } of g.enrolments) {
        const parent = child.guardianships.find((x) => x.right === 'AUTHORITY');
        if (!parent || used.has(child.id) || child.guardianships.some((x) => DEMO_EMAILS.has(x.user.email))) continue;
        used.add(child.id);
        return { child, parent };
      }
    return null;
  };
  const today = todayKey(now);
  const yesterday = addDaysToKey(today, -1);
  const at = (day: string, hhmm: string) => new Date(Math.min(+zonedToUtc(`${day}T${hhmm}`), +now));

  const absences: [string, AbsenceReason, DayPart, string | null, string | null, string][] = [
    ['5A', 'SICK', 'WHOLE_DAY', 'Buikgriep, heeft vannacht overgegeven.', addDaysToKey(today, 2), '07:12'],
    ['5A', 'DOCTOR', 'MORNING', 'Tandarts om 9 uur, daarna komt hij naar school.', null, '07:31'],
    ['3B', 'SICK', 'WHOLE_DAY', null, null, '07:48'],
    ['7', 'FAMILY', 'WHOLE_DAY', 'Begrafenis van opa.', addDaysToKey(today, 1), '08:02'],
  ];
  for (const [group, reason, dayPart, note, back, time] of absences) {
    const p = pick(group);
    if (!p) continue;
    await prisma.absence.create({
      data: { schoolId, childId: p.child.id, reportedById: p.parent.userId, reason, dayPart, note, fromDate: asDate(today), expectedBack: back ? asDate(back) : null, createdAt: at(today, time), openChildId: p.child.id },
    });
  }
  const better = pick('4A');
  if (better) {
    await prisma.absence.create({
      data: { schoolId, childId: better.child.id, reportedById: better.parent.userId, reason: 'SICK', dayPart: 'WHOLE_DAY', note: 'Verkouden en koorts.', fromDate: asDate(yesterday), createdAt: at(yesterday, '07:20'), closedAt: at(yesterday, '16:30'), closedById: better.parent.userId },
    });
  }

  const leave = async (group: string, data: { fromDate: string; toDate: string; reason: 'SPECIAL_CIRCUMSTANCES'; explanation: string; granted?: boolean }) => {
    const p = pick(group);
    if (!p) return;
    const decided = data.granted && director ? { status: 'GRANTED' as const, decidedById: director.userId, decidedAt: at(yesterday, '15:10'), decisionNote: 'Sterkte gewenst.' } : {};
    await prisma.$transaction(async (tx) => {
      const req = await tx.leaveRequest.create({
        data: {
          schoolId, requestedById: p.parent.userId, householdId: p.parent.householdId, fromDate: asDate(data.fromDate), toDate: asDate(data.toDate), reason: data.reason, explanation: data.explanation,
          createdAt: at(addDaysToKey(today, -3), '20:15'), ...decided,
        },
      });
      await tx.leaveRequestChild.create({ data: { schoolId, leaveRequestId: req.id, childId: p.child.id } });
    });
  };
  // The wedding on school days about three weeks on (not in a holiday), the funeral today and tomorrow.
  const holidays = await prisma.holiday.findMany({ where: { schoolId }, select: { startDate: true, endDate: true } });
  const wedding = addWorkingDays(now, 15, holidays);
  await leave('6', { fromDate: wedding, toDate: addWorkingDays(wedding, 2, holidays), reason: 'SPECIAL_CIRCUMSTANCES', explanation: 'Bruiloft van mijn zus in Turkije; wij zijn drie schooldagen weg.' });
  await leave('5A', { fromDate: today, toDate: addDaysToKey(today, 1), reason: 'SPECIAL_CIRCUMSTANCES', explanation: 'Uitvaart van haar oma in Groningen.', granted: true });

  const changes: [string, 'ADDRESS' | 'HOME_SITUATION', string, boolean, boolean][] = [
    ['8A', 'ADDRESS', 'Wij zijn verhuisd: Kievitstraat 12, 8911 AB Leeuwarden.', false, true],
    ['4B', 'HOME_SITUATION', 'Sinds vorige week wonen wij apart; de kinderen zijn om de week bij mij. Zij kan wat stiller zijn.', true, false],
  ];
  for (const [group, kind, text, addToFile, handled] of changes) {
    const p = pick(group);
    if (!p) continue;
    await prisma.$transaction(async (tx) => {
      await tx.homeChange.create({
        data: {
          schoolId, reportedById: p.parent.userId, householdId: p.parent.householdId, childId: p.child.id, kind, text, addToFile, createdAt: at(addDaysToKey(today, -2), '21:05'),
          ...(handled && director ? { handledAt: at(yesterday, '10:00'), handledById: director.userId } : {}),
        },
      });
      if (addToFile) {
        await tx.childNote.create({ data: { schoolId, childId: p.child.id, authorId: p.parent.userId, householdId: p.parent.householdId, sharedWithOtherHousehold: false, text, visibleTo: ['TEACHER'], createdAt: at(addDaysToKey(today, -2), '21:05') } });
      }
    });
  }
}
