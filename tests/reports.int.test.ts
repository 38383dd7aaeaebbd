import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/access/action';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { absentToday, closeAbsence, guardianAbsences, reportAbsence } from '@/lib/reports/absence';
import { homeChanges, markHomeChangeHandled, reportHomeChange } from '@/lib/reports/home-change';
import { decideLeave, directorLeaveRequests, guardianLeaveRequests, leaveHelp, requestLeave, staffLeave, withdrawLeave } from '@/lib/reports/leave';
import { absenceSchema, homeChangeSchema, leaveDecisionSchema } from '@/lib/reports/schemas';
import { childNotes } from '@/lib/records/service';
import { seedDemoReports } from '@/prisma/demo/reports';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// Wall-clock moments in Amsterdam (CET in winter: UTC+1).
const MON_0745 = new Date('2026-11-16T06:45:00Z');
const MON_0830 = new Date('2026-11-16T07:30:00Z');

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const other = await createSchool();
  await prisma.holiday.create({ data: { schoolId: school.id, schoolYearId: year.id, name: 'Herfstvakantie', startDate: new Date('2026-10-19'), endDate: new Date('2026-10-23') } });
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const duo = await createUser(school.id, 'TEACHER');
  const teacher6 = await createUser(school.id, 'TEACHER');
  const ib = await createUser(school.id, 'TEACHER');
  await prisma.membership.update({ where: { id: ib.actor.membershipId }, data: { careCoordinator: true } });
  const g5 = await createGroup(school.id, year.id, '5A', [teacher.user.id, duo.user.id]);
  const g6 = await createGroup(school.id, year.id, '6B', [teacher6.user.id]);
  // Separated parents, each with authority, each their own household; children in 5A and 6B.
  const family = await createFamily(school.id, year.id, [g5.id, g6.id], { guardians: 2, separated: true });
  // One household: a mother with authority and a father with the right to information only.
  const infoFamily = await createFamily(school.id, year.id, [g5.id], { guardians: 2, informationOnly: true });
  const otherFamily = await createFamily(other.school.id, other.year.id, [(await createGroup(other.school.id, other.year.id, '5A')).id]);
  const otherDirector = await createUser(other.school.id, 'DIRECTOR');
  return {
    school, year, director: director.actor, teacher: teacher.actor, duo: duo.actor, teacher6: teacher6.actor, ib: { ...ib.actor, care: true } as Actor,
    g5, g6, family, infoFamily, otherFamily, otherDirector: otherDirector.actor,
    mother: family.guardians[0].actor, father: family.guardians[1].actor,
    sanne: family.children[0], daan: family.children[1],
  };
}
beforeAll(async () => {
  w = await world();
});

const outbox = (kind: string, to?: string) => prisma.outboxMail.findMany({ where: { kind, schoolId: w.school.id, ...(to ? { to } : {}) }, orderBy: { createdAt: 'asc' } });

describe('absence', () => {
  it('a parent reports before school; the other household hears what and when, not the free text', async () => {
    const res = await reportAbsence(w.mother, { childId: w.sanne.id, reason: 'SICK', note: 'Koorts sinds vannacht, bij mij thuis', fromDate: '2026-11-16', dayPart: 'WHOLE_DAY', expectedBack: '2026-11-18' }, MON_0745);
    expect(res).toMatchObject({ late: false, startsAt: '08:15' });
    const row = await prisma.absence.findUniqueOrThrow({ where: { id: res.id } });
    expect(row).toMatchObject({ schoolId: w.school.id, childId: w.sanne.id, reportedById: w.mother.userId, reason: 'SICK', dayPart: 'WHOLE_DAY', openChildId: w.sanne.id, closedAt: null });
    expect(row.fromDate.toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(row.expectedBack?.toISOString()).toBe('2026-11-18T00:00:00.000Z');

    const mails = await outbox('absence_reported');
    expect(mails.map((m) => m.to)).toEqual([w.family.guardians[1].user.email]);
    expect(mails[0].subject).toBe('Kind is afgemeld: ziek');
    expect(mails[0].text).toContain('ziek (hele dag), vanaf maandag 16 november. Terug verwacht: woensdag 18 november.');
    expect(mails[0].text).not.toContain('Koorts');
  });

  it('one open absence per child: a second report is refused by name and writes nothing', async () => {
    const before = [await prisma.absence.count(), await prisma.outboxMail.count()];
    const e = await reportAbsence(w.father, { childId: w.sanne.id, reason: 'DOCTOR', fromDate: '2026-11-16', dayPart: 'MORNING' }, MON_0745).catch((x) => x);
    expect(e).toMatchObject({ code: 'INVALID_INPUT', details: { fieldErrors: { childId: ['reports.alreadyOpen'] }, values: { name: 'Kind' } } });
    expect([await prisma.absence.count(), await prisma.outboxMail.count()]).toEqual(before);
  });

  it('refuses a day in the past and bad input before anything is written', async () => {
    const e = await reportAbsence(w.mother, { childId: w.daan.id, reason: 'SICK', fromDate: '2026-11-13', dayPart: 'WHOLE_DAY' }, MON_0745).catch((x) => x);
    expect(e).toMatchObject({ code: 'INVALID_INPUT', details: { fieldErrors: { fromDate: ['reports.fromInPast'] } } });
    expect(parseInput(absenceSchema, { childId: w.daan.id, reason: 'SICK', fromDate: '2026-11-17', dayPart: 'WHOLE_DAY', expectedBack: '2026-11-16' })).toEqual({ ok: false, error: 'INVALID_INPUT', fieldErrors: { expectedBack: ['reports.backBeforeFrom'] } });
    expect(parseInput(absenceSchema, { childId: w.daan.id, reason: 'FLU', fromDate: '2026-02-30', dayPart: 'WHOLE_DAY' })).toMatchObject({ ok: false, fieldErrors: { reason: ['reports.pickReason'], fromDate: ['reports.invalidDate'] } });
    expect(await prisma.absence.count({ where: { childId: w.daan.id } })).toBe(0);
  });

  it('a report after lessons started is accepted, with the hint', async () => {
    const res = await reportAbsence(w.father, { childId: w.daan.id, reason: 'DOCTOR', fromDate: '2026-11-16', dayPart: 'AFTERNOON' }, MON_0830);
    expect(res.late).toBe(true);
  });

  it('each household sees the open absences of its children, the free text only its own', async () => {
    const mine = await guardianAbsences(w.mother);
    expect(mine.map((a) => [a.childId, a.reason, a.note])).toEqual([[w.sanne.id, 'SICK', 'Koorts sinds vannacht, bij mij thuis'], [w.daan.id, 'DOCTOR', null]]);
    const his = await guardianAbsences(w.father);
    expect(his.find((a) => a.childId === w.sanne.id)?.note).toBeNull();
    expect(await guardianAbsences(w.otherFamily.guardians[0].actor)).toEqual([]);
  });

  it('the morning view: a teacher sees their group, the internal supervisor and director every group (with a filter)', async () => {
    const view = await absentToday(w.teacher, {}, MON_0745);
    expect(view.groups.map((g) => g.name)).toEqual(['5A']);
    expect(view.absences.map((a) => [a.childName, a.groupName, a.reason, a.note, a.mayClose])).toEqual([[`Kind ${w.sanne.lastName}`, '5A', 'SICK', 'Koorts sinds vannacht, bij mij thuis', true]]);
    expect((await absentToday(w.duo, {}, MON_0745)).absences).toHaveLength(1);
    expect((await absentToday(w.teacher6, {}, MON_0745)).absences.map((a) => a.childId)).toEqual([w.daan.id]);
    const ib = await absentToday(w.ib, {}, MON_0745);
    expect(ib.absences.map((a) => [a.groupName, a.mayClose])).toEqual([['5A', false], ['6B', false]]);
    const dir = await absentToday(w.director, { groupId: w.g6.id }, MON_0745);
    expect(dir.absences.map((a) => [a.childId, a.mayClose])).toEqual([[w.daan.id, true]]);
    await expect(absentToday(w.teacher, { groupId: w.g6.id }, MON_0745)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(absentToday(w.mother, {}, MON_0745)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // An absence reported for tomorrow is not in today's view.
    const tomorrow = await absentToday(w.teacher, {}, new Date('2026-11-15T06:45:00Z'));
    expect(tomorrow.absences).toEqual([]);
  });

  it('"better again" by the teacher closes it, and a new report is possible; others cannot close it', async () => {
    const open = await prisma.absence.findFirstOrThrow({ where: { childId: w.sanne.id, closedAt: null } });
    await expect(closeAbsence(w.teacher6, open.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(closeAbsence(w.ib, open.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(closeAbsence(w.otherDirector, open.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await closeAbsence(w.duo, open.id, MON_0830);
    await closeAbsence(w.mother, open.id); // twice is fine
    const closed = await prisma.absence.findUniqueOrThrow({ where: { id: open.id } });
    expect([closed.closedAt?.toISOString(), closed.closedById, closed.openChildId]).toEqual([MON_0830.toISOString(), w.duo.userId, null]);
    expect((await absentToday(w.teacher, {}, MON_0830)).absences).toEqual([]);
    const again = await reportAbsence(w.father, { childId: w.sanne.id, reason: 'SICK', fromDate: '2026-11-17', dayPart: 'WHOLE_DAY' }, MON_0830);
    expect(await prisma.absence.count({ where: { childId: w.sanne.id } })).toBe(2);
    await closeAbsence(w.father, again.id);
  });
});

describe('leave', () => {
  it('counts school days with holidays and shows the law as help', () => {
    const ctx = { years: [w.year], holidays: [{ startDate: new Date('2026-10-19'), endDate: new Date('2026-10-23') }] };
    // Mon 12 Oct – Fri 30 Oct: three weeks, one of them the autumn holiday.
    expect(leaveHelp({ fromDate: '2026-10-12', toDate: '2026-10-30', reason: 'SPECIAL_CIRCUMSTANCES' }, ctx)).toEqual({ schoolDays: 10, warnings: [] });
    expect(leaveHelp({ fromDate: '2026-10-12', toDate: '2026-11-02', reason: 'SPECIAL_CIRCUMSTANCES' }, ctx)).toEqual({ schoolDays: 11, warnings: ['overTenDays'] });
    // The year starts on Monday 24 August: its first two weeks end on Sunday 6 September.
    expect(leaveHelp({ fromDate: '2026-09-04', toDate: '2026-09-11', reason: 'HOLIDAY_WORK' }, ctx)).toEqual({ schoolDays: 6, warnings: ['firstWeeks'] });
    expect(leaveHelp({ fromDate: '2026-09-07', toDate: '2026-09-25', reason: 'HOLIDAY_WORK' }, { ...ctx, earlierHolidayLeave: true })).toEqual({ schoolDays: 15, warnings: ['holidayMaxDays', 'holidayOncePerYear'] });
    // A school year counted from 1 August: the summer holiday (a Holiday row) runs on until Sunday 30 August.
    const fromAugust = { years: [{ startDate: new Date('2026-08-01'), endDate: new Date('2027-07-31') }], holidays: [{ startDate: new Date('2026-07-18'), endDate: new Date('2026-08-30') }] };
    expect(leaveHelp({ fromDate: '2026-09-11', toDate: '2026-09-14', reason: 'HOLIDAY_WORK' }, fromAugust).warnings).toEqual(['firstWeeks']);
    expect(leaveHelp({ fromDate: '2026-09-14', toDate: '2026-09-18', reason: 'HOLIDAY_WORK' }, fromAugust).warnings).toEqual([]);
  });

  let pendingId: string;
  it('a guardian with authority asks for two children; only their household sees it, the teacher dates and status', async () => {
    const res = await requestLeave(w.mother, { childIds: [w.sanne.id, w.daan.id], fromDate: '2026-12-14', toDate: '2026-12-16', reason: 'SPECIAL_CIRCUMSTANCES', explanation: 'Bruiloft van mijn broer in Marokko' }, MON_0745);
    pendingId = res.id;
    expect([res.schoolDays, res.warnings]).toEqual([3, []]);
    const row = await prisma.leaveRequest.findUniqueOrThrow({ where: { id: res.id }, include: { children: true } });
    expect(row).toMatchObject({ schoolId: w.school.id, requestedById: w.mother.userId, status: 'PENDING', reason: 'SPECIAL_CIRCUMSTANCES' });
    expect(row.householdId).toBe((await prisma.guardianship.findFirstOrThrow({ where: { userId: w.mother.userId } })).householdId);
    expect(row.children.map((c) => c.childId).sort()).toEqual([w.sanne.id, w.daan.id].sort());

    expect((await guardianLeaveRequests(w.mother)).map((r) => [r.id, r.status, r.schoolDays, r.children.length])).toEqual([[res.id, 'PENDING', 3, 2]]);
    expect(await guardianLeaveRequests(w.father)).toEqual([]); // the other household
    // The teacher of 5A: the request, with Sanne only (Daan is in 6B), and no explanation.
    const seen = await staffLeave(w.teacher, MON_0745);
    expect(seen.map((r) => [r.id, r.status, r.children.map((c) => c.id)])).toEqual([[res.id, 'PENDING', [w.sanne.id]]]);
    expect(JSON.stringify(seen)).not.toContain('Marokko');
    expect(await staffLeave(w.ib, MON_0745)).toEqual([]); // the internal supervisor teaches no group
  });

  it('an information-only guardian neither asks nor sees leave, even in the same household', async () => {
    const [mum, dad] = w.infoFamily.guardians.map((g) => g.actor);
    const child = w.infoFamily.children[0].id;
    const input = { childIds: [child], fromDate: '2026-12-14', toDate: '2026-12-14', reason: 'RELIGIOUS' as const, explanation: 'Suikerfeest' };
    await expect(requestLeave(dad, input, MON_0745)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const res = await requestLeave(mum, input, MON_0745);
    expect((await guardianLeaveRequests(mum)).map((r) => r.id)).toEqual([res.id]);
    expect(await guardianLeaveRequests(dad)).toEqual([]);
    await expect(withdrawLeave(dad, res.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await withdrawLeave(mum, res.id);
    expect((await prisma.leaveRequest.findUniqueOrThrow({ where: { id: res.id } })).status).toBe('WITHDRAWN');
    await expect(withdrawLeave(mum, res.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    // Not for a child of another family, nor from the past.
    await expect(requestLeave(w.mother, { ...input, childIds: [child] }, MON_0745)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(requestLeave(mum, { ...input, fromDate: '2026-11-13' }, MON_0745)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('the director sees pending first; a refusal needs a reason; a decision mails the requester once', async () => {
    const list = await directorLeaveRequests(w.director);
    expect(list.pending.map((r) => [r.id, r.schoolDays, r.explanation])).toEqual([[pendingId, 3, 'Bruiloft van mijn broer in Marokko']]);
    expect(list.decided.map((r) => r.status)).toEqual(['WITHDRAWN']);
    await expect(directorLeaveRequests(w.teacher)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(decideLeave(w.teacher, { requestId: pendingId, decision: 'GRANTED' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(decideLeave(w.otherDirector, { requestId: pendingId, decision: 'GRANTED' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(parseInput(leaveDecisionSchema, { requestId: pendingId, decision: 'REFUSED' })).toEqual({ ok: false, error: 'INVALID_INPUT', fieldErrors: { decisionNote: ['reports.refusalNeedsReason'] } });

    const at = new Date('2026-11-17T09:00:00Z');
    await decideLeave(w.director, { requestId: pendingId, decision: 'GRANTED', decisionNote: 'Veel plezier!' }, at);
    const row = await prisma.leaveRequest.findUniqueOrThrow({ where: { id: pendingId } });
    expect([row.status, row.decidedById, row.decidedAt?.toISOString(), row.decisionNote]).toEqual(['GRANTED', w.director.userId, at.toISOString(), 'Veel plezier!']);
    await expect(decideLeave(w.director, { requestId: pendingId, decision: 'REFUSED', decisionNote: 'Toch niet' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(withdrawLeave(w.mother, pendingId)).rejects.toMatchObject({ code: 'CONFLICT' });
    const mails = await outbox('leave_granted');
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[w.family.guardians[0].user.email, 'Verlof toegekend voor Kind en Kind']]);
    expect(mails[0].text).toContain('van 14 december 2026 tot en met 16 december 2026 toegekend.\nVeel plezier!');
    expect((await guardianLeaveRequests(w.mother))[0]).toMatchObject({ status: 'GRANTED', decisionNote: 'Veel plezier!' });
    // On the day, the teacher's morning view lists it.
    const view = await absentToday(w.teacher, {}, new Date('2026-12-15T07:00:00Z'));
    expect(view.leave.map((l) => l.childId)).toEqual([w.sanne.id]);
    expect((await absentToday(w.ib, {}, new Date('2026-12-15T07:00:00Z'))).leave).toEqual([]); // leave.read: not the supervisor's
  });
});

describe('changes from home', () => {
  it('a change with "also in the file" writes the change and an addition for the teacher, in the reporter\'s household', async () => {
    const id = await reportHomeChange(w.father, { childId: w.sanne.id, kind: 'ADDRESS', text: 'Wij wonen vanaf 1 december op de Lindelaan 4.', addToFile: true });
    const change = await prisma.homeChange.findUniqueOrThrow({ where: { id } });
    const fatherHousehold = (await prisma.guardianship.findFirstOrThrow({ where: { userId: w.father.userId, childId: w.sanne.id } })).householdId;
    expect(change).toMatchObject({ schoolId: w.school.id, reportedById: w.father.userId, householdId: fatherHousehold, childId: w.sanne.id, kind: 'ADDRESS', addToFile: true, handledAt: null });
    const note = await prisma.childNote.findFirstOrThrow({ where: { childId: w.sanne.id, authorId: w.father.userId } });
    expect(note).toMatchObject({ schoolId: w.school.id, text: 'Wij wonen vanaf 1 december op de Lindelaan 4.', visibleTo: ['TEACHER'], householdId: fatherHousehold, sharedWithOtherHousehold: false });
    expect((await childNotes(w.teacher, w.sanne.id)).map((n) => n.id)).toContain(note.id);
    expect((await childNotes(w.mother, w.sanne.id)).map((n) => n.id)).not.toContain(note.id);
  });

  it('without the choice, or without a child, only the change is written; bad input writes nothing', async () => {
    const notes = await prisma.childNote.count();
    await reportHomeChange(w.mother, { kind: 'PHONE', text: 'Nieuw nummer: 06-11112222', addToFile: false });
    expect(await prisma.childNote.count()).toBe(notes);
    expect(parseInput(homeChangeSchema, { kind: 'PHONE', text: 'x', addToFile: true })).toEqual({ ok: false, error: 'INVALID_INPUT', fieldErrors: { childId: ['reports.fileNeedsChild'] } });
    expect(parseInput(homeChangeSchema, { kind: 'PHONE', text: '  ', addToFile: false })).toEqual({ ok: false, error: 'INVALID_INPUT', fieldErrors: { text: ['required'] } });
    await expect(reportHomeChange(w.teacher, { kind: 'PHONE', text: 'x', addToFile: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reportHomeChange(w.mother, { childId: w.otherFamily.children[0].id, kind: 'PHONE', text: 'x', addToFile: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the director lists open changes oldest first and marks them handled', async () => {
    const { open } = await homeChanges(w.director);
    expect(open.map((c) => [c.kind, c.child?.id ?? null])).toEqual([['ADDRESS', w.sanne.id], ['PHONE', null]]);
    await expect(homeChanges(w.teacher)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(markHomeChangeHandled(w.otherDirector, open[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await markHomeChangeHandled(w.director, open[0].id);
    const after = await homeChanges(w.director);
    expect([after.open.map((c) => c.kind), after.handled.map((c) => c.kind)]).toEqual([['PHONE'], ['ADDRESS']]);
  });
});

describe('demo traffic', () => {
  it('seeds absences this morning, one closed yesterday, leave pending and granted, changes open and handled', async () => {
    const now = new Date('2026-11-17T06:40:00Z'); // Tuesday 07:40
    const { school, year } = await createSchool();
    const g = await createGroup(school.id, year.id, '5A');
    const g3 = await createGroup(school.id, year.id, '3A');
    await createUser(school.id, 'DIRECTOR');
    await createFamily(school.id, year.id, [g.id, g3.id], { guardians: 2, separated: true });
    for (let i = 0; i < 10; i++) await createFamily(school.id, year.id, [i ? g3.id : g.id]);
    await seedDemoReports(school.id, now);
    const absences = await prisma.absence.findMany({ where: { schoolId: school.id } });
    expect(absences.filter((a) => !a.closedAt).length).toBe(4); // the demo's four, those of groups 3B and 7 given to other groups' children here
    expect(absences.filter((a) => a.closedAt).length).toBe(1);
    expect((await prisma.leaveRequest.findMany({ where: { schoolId: school.id } })).map((r) => r.status).sort()).toEqual(['GRANTED', 'PENDING']);
    expect((await prisma.homeChange.findMany({ where: { schoolId: school.id } })).map((c) => !!c.handledAt).sort()).toEqual([false, true]);
  });
});
