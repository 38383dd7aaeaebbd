import { expect } from '@playwright/test';
import { dayIn, schoolDayIn } from '../support';
import type { Family } from './kit';
import type { ActionCases, Kit } from './types';

// Reports from home (lib/reports): absence (either household), leave (a guardian with authority,
// for their household; the director decides), changes at home (the director handles them).

const K = (name: string) => `lib/reports/actions.ts#${name}`;
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const invalid = (fieldErrors: Record<string, string[]>) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors } });

const absences = (k: Kit, childId: string) => k.db.absence.findMany({ where: { childId }, select: { id: true, closedAt: true, closedById: true, openChildId: true } });
const openAbsence = (k: Kit, f: Family) =>
  k.db.absence.create({ data: { schoolId: f.school.id, childId: f.child.id, reportedById: f.guardians[0].id, reason: 'SICK', fromDate: new Date(`${dayIn(0)}T00:00:00Z`), openChildId: f.child.id } });

const leaveOf = (k: Kit, f: Family) => k.db.leaveRequest.findMany({ where: { children: { some: { childId: f.child.id } } }, select: { id: true, status: true, decidedById: true, decisionNote: true } });
async function pendingLeave(k: Kit, f: Family, household = 0) {
  const day = new Date(`${await schoolDayIn(20)}T00:00:00Z`);
  return k.db.leaveRequest.create({
    data: {
      schoolId: f.school.id, requestedById: f.guardians[household].id, householdId: f.households[household], fromDate: day, toDate: day, reason: 'SPECIAL_CIRCUMSTANCES', explanation: 'Bruiloft van een tante',
      children: { create: { childId: f.child.id } },
    },
  });
}

const homeChanges = (k: Kit, userId: string) => k.db.homeChange.findMany({ where: { reportedById: userId }, select: { id: true, handledAt: true } });

export const cases: ActionCases = {
  [K('reportAbsenceAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const answer = await k.call(K('reportAbsenceAction'), [null, k.form({ childId: f.child.id, reason: 'SICK', note: 'Koorts', fromDate: dayIn(1), dayPart: 'WHOLE_DAY', expectedBack: dayIn(3) })], f.guardians[0].cookie);
      expect(answer).toEqual({ result: { ok: true, data: { id: expect.any(String), late: false, startsAt: '08:15' } } });
      const id = ((answer as { result: { data: { id: string } } }).result.data).id;
      expect(await k.db.absence.findUniqueOrThrow({ where: { id }, select: { childId: true, reportedById: true, reason: true, note: true, fromDate: true, dayPart: true, expectedBack: true, openChildId: true } })).toEqual({
        childId: f.child.id, reportedById: f.guardians[0].id, reason: 'SICK', note: 'Koorts', fromDate: new Date(`${dayIn(1)}T00:00:00Z`), dayPart: 'WHOLE_DAY', expectedBack: new Date(`${dayIn(3)}T00:00:00Z`), openChildId: f.child.id,
      });
    },
    outsider: async (k) => {
      const [f, other] = [await k.family(), await k.family()];
      await k.unchanged(() => absences(k, f.child.id), async () => {
        expect(await k.call(K('reportAbsenceAction'), [null, k.form({ childId: f.child.id, reason: 'SICK', fromDate: dayIn(1), dayPart: 'WHOLE_DAY' })], other.guardians[0].cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const f = await k.family();
      await k.unchanged(() => absences(k, f.child.id), async () => {
        expect(await k.call(K('reportAbsenceAction'), [null, k.form({ childId: f.child.id, reason: 'SICK', fromDate: dayIn(-1), dayPart: 'WHOLE_DAY' })], f.guardians[0].cookie)).toEqual(invalid({ fromDate: ['reports.fromInPast'] }));
      });
    },
  },

  [K('closeAbsenceAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const a = await openAbsence(k, f);
      expect(await k.call(K('closeAbsenceAction'), [null, k.form({ absenceId: a.id })], f.guardians[0].cookie)).toEqual({ result: { ok: true } });
      expect(await absences(k, f.child.id)).toEqual([{ id: a.id, closedAt: expect.any(Date), closedById: f.guardians[0].id, openChildId: null }]);
    },
    outsider: async (k) => {
      const [f, other] = [await k.family(), await k.family()];
      const otherTeacher = await k.staff({ role: 'TEACHER', groups: ['4B'] });
      const otherDirector = await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' });
      const a = await openAbsence(k, f);
      await k.unchanged(() => absences(k, f.child.id), async () => {
        for (const who of [other.guardians[0], otherTeacher, otherDirector]) expect(await k.call(K('closeAbsenceAction'), [null, k.form({ absenceId: a.id })], who.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const f = await k.family();
      await openAbsence(k, f);
      await k.unchanged(() => absences(k, f.child.id), async () => {
        expect(await k.call(K('closeAbsenceAction'), [null, k.form({ absenceId: '' })], f.guardians[0].cookie)).toEqual(invalid({ absenceId: ['required'] }));
      });
    },
  },

  [K('requestLeaveAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const day = await schoolDayIn(20);
      const answer = await k.call(K('requestLeaveAction'), [null, k.form({ childIds: [f.child.id], fromDate: day, toDate: day, reason: 'SPECIAL_CIRCUMSTANCES', explanation: 'Bruiloft van een tante' })], f.guardians[0].cookie);
      expect(answer).toEqual({ result: { ok: true, data: { id: expect.any(String), schoolDays: 1, warnings: [] } } });
      const id = (answer as { result: { data: { id: string } } }).result.data.id;
      expect(await k.db.leaveRequest.findUniqueOrThrow({ where: { id }, select: { requestedById: true, householdId: true, status: true, fromDate: true, toDate: true, explanation: true, children: { select: { childId: true } } } })).toEqual({
        requestedById: f.guardians[0].id, householdId: f.households[0], status: 'PENDING', fromDate: new Date(`${day}T00:00:00Z`), toDate: new Date(`${day}T00:00:00Z`), explanation: 'Bruiloft van een tante', children: [{ childId: f.child.id }],
      });
    },
    outsider: async (k) => {
      // Another family, and the child's own information-only father: leave is asked with authority.
      const [f, other] = [await k.family({ informationOnly: true }), await k.family()];
      const day = await schoolDayIn(20);
      await k.unchanged(() => leaveOf(k, f), async () => {
        for (const who of [other.guardians[0], f.guardians.at(-1)!]) {
          expect(await k.call(K('requestLeaveAction'), [null, k.form({ childIds: [f.child.id], fromDate: day, toDate: day, reason: 'OTHER', explanation: 'Weg' })], who.cookie)).toEqual(NOT_FOUND);
        }
      });
    },
    badInput: async (k) => {
      const f = await k.family();
      await k.unchanged(() => leaveOf(k, f), async () => {
        expect(await k.call(K('requestLeaveAction'), [null, k.form({ childIds: [f.child.id], fromDate: dayIn(21), toDate: dayIn(20), reason: 'OTHER', explanation: 'Weg' })], f.guardians[0].cookie)).toEqual(invalid({ toDate: ['reports.toBeforeFrom'] }));
      });
    },
  },

  [K('withdrawLeaveAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const req = await pendingLeave(k, f);
      expect(await k.call(K('withdrawLeaveAction'), [null, k.form({ requestId: req.id })], f.guardians[0].cookie)).toEqual({ result: { ok: true } });
      expect(await leaveOf(k, f)).toEqual([{ id: req.id, status: 'WITHDRAWN', decidedById: null, decisionNote: null }]);
    },
    outsider: async (k) => {
      // The other household of separated parents: the request is the first household's.
      const [f, other] = [await k.family({ separated: true }), await k.family()];
      const req = await pendingLeave(k, f);
      await k.unchanged(() => leaveOf(k, f), async () => {
        for (const who of [f.guardians[1], other.guardians[0]]) expect(await k.call(K('withdrawLeaveAction'), [null, k.form({ requestId: req.id })], who.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const f = await k.family();
      await pendingLeave(k, f);
      await k.unchanged(() => leaveOf(k, f), async () => {
        expect(await k.call(K('withdrawLeaveAction'), [null, k.form({})], f.guardians[0].cookie)).toEqual(invalid({ requestId: ['required'] }));
      });
    },
  },

  [K('decideLeaveAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const director = await k.staff({ role: 'DIRECTOR' });
      const req = await pendingLeave(k, f);
      expect(await k.call(K('decideLeaveAction'), [null, k.form({ requestId: req.id, decision: 'GRANTED', decisionNote: 'Veel plezier' })], director.cookie)).toEqual({ result: { ok: true } });
      expect(await leaveOf(k, f)).toEqual([{ id: req.id, status: 'GRANTED', decidedById: director.id, decisionNote: 'Veel plezier' }]);
      expect(await k.db.outboxMail.count({ where: { to: f.guardians[0].email, kind: 'leave_granted' } })).toBe(1);
    },
    outsider: async (k) => {
      // Another school's director; a teacher is not a director at all (requireRole's 404).
      const f = await k.family();
      const [otherDirector, teacher] = [await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' }), await k.staff({ role: 'TEACHER', groups: ['3A'] })];
      const req = await pendingLeave(k, f);
      await k.unchanged(() => leaveOf(k, f), async () => {
        expect(await k.call(K('decideLeaveAction'), [null, k.form({ requestId: req.id, decision: 'GRANTED' })], otherDirector.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(K('decideLeaveAction'), [null, k.form({ requestId: req.id, decision: 'GRANTED' })], teacher.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      // A refusal needs its reason (the parent may object to it).
      const f = await k.family();
      const director = await k.staff({ role: 'DIRECTOR' });
      await pendingLeave(k, f);
      await k.unchanged(() => leaveOf(k, f), async () => {
        const [req] = await leaveOf(k, f);
        expect(await k.call(K('decideLeaveAction'), [null, k.form({ requestId: req.id, decision: 'REFUSED', decisionNote: '' })], director.cookie)).toEqual(invalid({ decisionNote: ['reports.refusalNeedsReason'] }));
      });
    },
  },

  [K('reportHomeChangeAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const answer = await k.call(K('reportHomeChangeAction'), [null, k.form({ childId: f.child.id, kind: 'ADDRESS', text: 'Nieuw adres: Dorpsstraat 1', addToFile: 'on' })], f.guardians[0].cookie);
      expect(answer).toEqual({ result: { ok: true, data: expect.any(String) } });
      const id = (answer as { result: { data: string } }).result.data;
      expect(await k.db.homeChange.findUniqueOrThrow({ where: { id }, select: { reportedById: true, householdId: true, childId: true, kind: true, text: true, addToFile: true, handledAt: true } })).toEqual({
        reportedById: f.guardians[0].id, householdId: f.households[0], childId: f.child.id, kind: 'ADDRESS', text: 'Nieuw adres: Dorpsstraat 1', addToFile: true, handledAt: null,
      });
      expect(await k.db.childNote.findMany({ where: { childId: f.child.id }, select: { text: true, visibleTo: true, householdId: true } })).toEqual([{ text: 'Nieuw adres: Dorpsstraat 1', visibleTo: ['TEACHER'], householdId: f.households[0] }]);
    },
    outsider: async (k) => {
      const [f, other] = [await k.family(), await k.family()];
      await k.unchanged(() => homeChanges(k, other.guardians[0].id), async () => {
        expect(await k.call(K('reportHomeChangeAction'), [null, k.form({ childId: f.child.id, kind: 'HOME_SITUATION', text: 'Niet van mij' })], other.guardians[0].cookie)).toEqual(NOT_FOUND);
      });
      expect(await k.db.childNote.count({ where: { childId: f.child.id } })).toBe(0);
    },
    badInput: async (k) => {
      // Into the child's file needs the child.
      const f = await k.family();
      await k.unchanged(() => homeChanges(k, f.guardians[0].id), async () => {
        expect(await k.call(K('reportHomeChangeAction'), [null, k.form({ kind: 'PHONE', text: '06-12345678', addToFile: 'on' })], f.guardians[0].cookie)).toEqual(invalid({ childId: ['reports.fileNeedsChild'] }));
      });
    },
  },

  [K('markHomeChangeHandledAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const director = await k.staff({ role: 'DIRECTOR' });
      const c = await k.db.homeChange.create({ data: { schoolId: f.school.id, reportedById: f.guardians[0].id, householdId: f.households[0], kind: 'PHONE', text: '06-12345678' } });
      expect(await k.call(K('markHomeChangeHandledAction'), [null, k.form({ changeId: c.id })], director.cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.homeChange.findUniqueOrThrow({ where: { id: c.id }, select: { handledAt: true, handledById: true } })).toEqual({ handledAt: expect.any(Date), handledById: director.id });
    },
    outsider: async (k) => {
      const f = await k.family();
      const otherDirector = await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' });
      const c = await k.db.homeChange.create({ data: { schoolId: f.school.id, reportedById: f.guardians[0].id, householdId: f.households[0], kind: 'PHONE', text: '06-12345678' } });
      await k.unchanged(() => homeChanges(k, f.guardians[0].id), async () => {
        expect(await k.call(K('markHomeChangeHandledAction'), [null, k.form({ changeId: c.id })], otherDirector.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const f = await k.family();
      const director = await k.staff({ role: 'DIRECTOR' });
      await k.db.homeChange.create({ data: { schoolId: f.school.id, reportedById: f.guardians[0].id, householdId: f.households[0], kind: 'PHONE', text: '06-12345678' } });
      await k.unchanged(() => homeChanges(k, f.guardians[0].id), async () => {
        expect(await k.call(K('markHomeChangeHandledAction'), [null, k.form({ changeId: '' })], director.cookie)).toEqual(invalid({ changeId: ['required'] }));
      });
    },
  },
};
