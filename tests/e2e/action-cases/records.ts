import { expect } from '@playwright/test';
import { zonedToUtc } from '@/lib/format/time';
import type { Family, Kit } from './kit';
import type { ActionCases } from './types';

// The child file: staff of the child's group write records, agreements, plans and moments; the
// child's guardians (with authority) confirm, respond, prepare and add notes; the director records
// that a child left and sets the retention period. The outsider is a teacher of another group, the
// other school's director, or a guardian of another family: each gets NOT_FOUND (a role the action
// is not for at all gets the 404 page), and the file does not change.

const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const OK = { result: { ok: true } };
const A = (name: string) => `lib/records/actions.ts#${name}`;
const invalid = (fieldErrors: Record<string, string[]>) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors } });
const daysAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A new group with one family and its teacher; the outsiders: a teacher of another group, the other school's director. */
async function classOf(k: Kit, opts: { separated?: boolean; informationOnly?: boolean } = {}) {
  const g = await k.newGroup();
  const fam = await k.family({ group: g.name, ...opts });
  const teacher = await k.staff({ role: 'TEACHER', groups: [g.name] });
  return { fam, teacher, child: fam.child, parent: fam.guardians[0] };
}
async function outsiders(k: Kit) {
  const other = await k.newGroup();
  return { otherTeacher: await k.staff({ role: 'TEACHER', groups: [other.name] }), otherDirector: await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' }), otherFamily: await k.family({ group: other.name }) };
}

/** A record written by the child's teacher (published unless `draft`), with one open agreement. */
async function recordOf(k: Kit, fam: Family, authorId: string, draft = false) {
  const data = { schoolId: fam.school.id, childId: fam.child.id };
  const record = await k.db.talkRecord.create({ data: { ...data, authorId, kind: 'talk', title: `Gesprek ${k.uid()}`, heldOn: new Date(), notes: {}, publishedAt: draft ? null : new Date() } });
  const agreement = await k.db.agreement.create({ data: { ...data, recordId: record.id, owner: 'PARENT', what: 'Samen lezen, tien minuten per dag' } });
  return { ...record, agreements: [agreement] };
}

const records = (k: Kit, childId: string) => () => k.db.talkRecord.findMany({ where: { childId }, include: { agreements: { include: { events: true } } }, orderBy: { createdAt: 'asc' } });
const mailsTo = (k: Kit, emails: string[]) => k.db.outboxMail.findMany({ where: { to: { in: emails } }, select: { to: true, kind: true }, orderBy: { to: 'asc' } });
const fileOf = (k: Kit, childId: string) => async () => ({
  records: await records(k, childId)(),
  notes: await k.db.childNote.findMany({ where: { childId } }),
  plans: await k.db.homeGuidancePlan.findMany({ where: { childId } }),
  moments: await k.db.arrangedMoment.findMany({ where: { childId } }),
  preparations: await k.db.talkPreparation.findMany({ where: { childId } }),
  child: await k.db.child.findUniqueOrThrow({ where: { id: childId }, select: { leftAt: true } }),
});

const recordInput = (childId: string, extra: Record<string, unknown> = {}) => ({
  childId, kind: 'talk', title: 'Startgesprek', heldOn: daysAhead(0), notes: { 'Hoe gaat het?': 'Goed' },
  agreements: [{ owner: 'PARENT', what: 'Elke dag samen lezen', dueOn: daysAhead(30), sharing: '' }], ...extra,
});

/** A talk round for `group` on the parent-tell stage, which parents prepare. */
async function preparedRound(k: Kit, group: string, inviteInformationOnly = false) {
  const round = await k.round({ groups: [group], inviteInformationOnly });
  const stage = await k.db.stageDefinition.findFirstOrThrow({ where: { schoolId: round.schoolId, key: 'parent_tell' } });
  await k.db.talkRound.update({ where: { id: round.id }, data: { stageId: stage.id } });
  return { round, topics: stage.agendaTopics };
}

export const cases: ActionCases = {
  [A('saveRecordAction')]: {
    allowed: async (k) => {
      const { child, teacher } = await classOf(k);
      const answer = await k.call(A('saveRecordAction'), [recordInput(child.id)], teacher.cookie);
      const [row] = await records(k, child.id)();
      expect(answer).toEqual({ result: { ok: true, data: { recordId: row.id } } });
      expect(row).toMatchObject({ authorId: teacher.id, title: 'Startgesprek', kind: 'talk', notes: { 'Hoe gaat het?': 'Goed' }, publishedAt: null });
      expect(row.agreements.map((a) => ({ owner: a.owner, what: a.what, status: a.status, events: a.events.map((e) => e.kind) }))).toEqual([{ owner: 'PARENT', what: 'Elke dag samen lezen', status: 'OPEN', events: ['created'] }]);
    },
    outsider: async (k) => {
      const { child, parent } = await classOf(k);
      const o = await outsiders(k);
      await k.unchanged(records(k, child.id), async () => {
        expect(await k.call(A('saveRecordAction'), [recordInput(child.id)], o.otherTeacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('saveRecordAction'), [recordInput(child.id)], o.otherDirector.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('saveRecordAction'), [recordInput(child.id)], parent.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const { child, teacher } = await classOf(k);
      await k.unchanged(records(k, child.id), async () => {
        expect(await k.call(A('saveRecordAction'), [recordInput(child.id, { title: '  ', heldOn: '1-2-2026' })], teacher.cookie)).toEqual(invalid({ title: ['required'], heldOn: ['invalidDateTime'] }));
      });
    },
  },

  [A('publishRecordAction')]: {
    allowed: async (k) => {
      const { fam, child, teacher } = await classOf(k, { separated: true });
      const draft = await recordOf(k, fam, teacher.id, true);
      expect(await k.call(A('publishRecordAction'), [{ childId: child.id, recordId: draft.id }], teacher.cookie)).toEqual(OK);
      expect((await k.db.talkRecord.findUniqueOrThrow({ where: { id: draft.id } })).publishedAt).not.toBeNull();
      // Every guardian, both households, hears of it.
      expect(await mailsTo(k, fam.guardians.map((g) => g.email))).toEqual(fam.guardians.map((g) => ({ to: g.email, kind: 'record_published' })).sort((a, b) => a.to.localeCompare(b.to)));
      // Published records do not change: a second publish is a conflict.
      expect(await k.call(A('publishRecordAction'), [{ childId: child.id, recordId: draft.id }], teacher.cookie)).toEqual({ result: { ok: false, error: 'CONFLICT' } });
    },
    outsider: async (k) => {
      const { fam, child, teacher } = await classOf(k);
      const draft = await recordOf(k, fam, teacher.id, true);
      const o = await outsiders(k);
      await k.unchanged(async () => [await records(k, child.id)(), await mailsTo(k, [fam.guardians[0].email])], async () => {
        // Naming one's own pupil in childId does not help: the record's own child decides.
        const ownPupil = await k.family({ group: (await k.db.group.findFirstOrThrow({ where: { teachers: { some: { userId: o.otherTeacher.id } } } })).name });
        expect(await k.call(A('publishRecordAction'), [{ childId: ownPupil.child.id, recordId: draft.id }], o.otherTeacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('publishRecordAction'), [{ childId: child.id, recordId: draft.id }], o.otherDirector.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const { fam, child, teacher } = await classOf(k);
      await recordOf(k, fam, teacher.id, true);
      await k.unchanged(records(k, child.id), async () => {
        expect(await k.call(A('publishRecordAction'), [{ childId: child.id }], teacher.cookie)).toEqual(invalid({ recordId: ['required'] }));
      });
    },
  },

  [A('agreementStatusAction')]: {
    allowed: async (k) => {
      const { fam, child, teacher } = await classOf(k);
      const r = await recordOf(k, fam, teacher.id);
      const agreementId = r.agreements[0].id;
      expect(await k.call(A('agreementStatusAction'), [null, k.form({ agreementId, status: 'ACHIEVED', note: 'Lukt elke dag', childId: child.id })], teacher.cookie)).toEqual(OK);
      const a = await k.db.agreement.findUniqueOrThrow({ where: { id: agreementId }, include: { events: { select: { kind: true, status: true, note: true, actorId: true } } } });
      expect(a.status).toBe('ACHIEVED');
      expect(a.events).toEqual([{ kind: 'status', status: 'ACHIEVED', note: 'Lukt elke dag', actorId: teacher.id }]);
    },
    outsider: async (k) => {
      const { fam, child, teacher, parent } = await classOf(k);
      const r = await recordOf(k, fam, teacher.id);
      const o = await outsiders(k);
      const fields = { agreementId: r.agreements[0].id, status: 'DROPPED', childId: child.id };
      await k.unchanged(records(k, child.id), async () => {
        expect(await k.call(A('agreementStatusAction'), [null, k.form(fields)], o.otherTeacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('agreementStatusAction'), [null, k.form(fields)], o.otherDirector.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('agreementStatusAction'), [null, k.form(fields)], parent.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const { fam, child, teacher } = await classOf(k);
      const r = await recordOf(k, fam, teacher.id);
      await k.unchanged(records(k, child.id), async () => {
        expect(await k.call(A('agreementStatusAction'), [null, k.form({ agreementId: r.agreements[0].id, childId: child.id, note: 'x'.repeat(501) })], teacher.cookie)).toEqual(invalid({ status: ['required'], note: ['tooLong'] }));
      });
    },
  },

  [A('agreementResponseAction')]: {
    allowed: async (k) => {
      const { fam, child, teacher, parent } = await classOf(k);
      const r = await recordOf(k, fam, teacher.id);
      const agreementId = r.agreements[0].id;
      expect(await k.call(A('agreementResponseAction'), [null, k.form({ agreementId, kind: 'parent_help', note: 'Hij wil niet', childId: child.id })], parent.cookie)).toEqual(OK);
      expect(await k.db.agreementEvent.findMany({ where: { agreementId }, select: { kind: true, note: true, actorId: true } })).toEqual([{ kind: 'parent_help', note: 'Hij wil niet', actorId: parent.id }]);
      // "Help needed" reaches the child's teacher now.
      expect(await mailsTo(k, [teacher.email])).toEqual([{ to: teacher.email, kind: 'agreement_help' }]);
    },
    outsider: async (k) => {
      // Another family's guardian, and one of this family with information only: the answer is the family's, given by authority.
      const { fam, child, teacher } = await classOf(k, { informationOnly: true });
      const r = await recordOf(k, fam, teacher.id);
      const o = await outsiders(k);
      const fields = { agreementId: r.agreements[0].id, kind: 'parent_done', childId: child.id };
      await k.unchanged(async () => [await records(k, child.id)(), await mailsTo(k, [teacher.email])], async () => {
        expect(await k.call(A('agreementResponseAction'), [null, k.form(fields)], o.otherFamily.guardians[0].cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('agreementResponseAction'), [null, k.form(fields)], fam.guardians[1].cookie)).toEqual(NOT_FOUND);
      });
      // A draft's agreement does not exist for a guardian.
      const draft = await recordOf(k, fam, teacher.id, true);
      await k.unchanged(records(k, child.id), async () => {
        expect(await k.call(A('agreementResponseAction'), [null, k.form({ ...fields, agreementId: draft.agreements[0].id })], fam.guardians[0].cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const { fam, child, teacher, parent } = await classOf(k);
      const r = await recordOf(k, fam, teacher.id);
      await k.unchanged(records(k, child.id), async () => {
        expect(await k.call(A('agreementResponseAction'), [null, k.form({ agreementId: r.agreements[0].id, childId: child.id, note: 'x'.repeat(501) })], parent.cookie)).toEqual(invalid({ kind: ['required'], note: ['tooLong'] }));
      });
    },
  },

  [A('confirmRecordAction')]: {
    allowed: async (k) => {
      const { fam, child, teacher, parent } = await classOf(k);
      const r = await recordOf(k, fam, teacher.id);
      expect(await k.call(A('confirmRecordAction'), [null, k.form({ recordId: r.id, response: 'Klopt zo', childId: child.id })], parent.cookie)).toEqual(OK);
      const row = await k.db.talkRecord.findUniqueOrThrow({ where: { id: r.id } });
      expect(row.parentResponse).toBe('Klopt zo');
      expect(row.parentConfirmedAt).not.toBeNull();
    },
    outsider: async (k) => {
      const { fam, child, teacher, parent } = await classOf(k, { informationOnly: true });
      const [published, draft] = [await recordOf(k, fam, teacher.id), await recordOf(k, fam, teacher.id, true)];
      const o = await outsiders(k);
      await k.unchanged(records(k, child.id), async () => {
        expect(await k.call(A('confirmRecordAction'), [null, k.form({ recordId: published.id, childId: child.id })], o.otherFamily.guardians[0].cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('confirmRecordAction'), [null, k.form({ recordId: published.id, childId: child.id })], fam.guardians[1].cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('confirmRecordAction'), [null, k.form({ recordId: draft.id, childId: child.id })], parent.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const { fam, child, teacher, parent } = await classOf(k);
      const r = await recordOf(k, fam, teacher.id);
      await k.unchanged(records(k, child.id), async () => {
        expect(await k.call(A('confirmRecordAction'), [null, k.form({ recordId: r.id, response: 'x'.repeat(2001), childId: child.id })], parent.cookie)).toEqual(invalid({ response: ['tooLong'] }));
      });
    },
  },

  [A('addChildNoteAction')]: {
    allowed: async (k) => {
      const { fam, child, parent } = await classOf(k, { separated: true });
      expect(await k.call(A('addChildNoteAction'), [null, k.form({ childId: child.id, text: 'Slaapt slecht sinds de verhuizing', visibleTo: ['TEACHER', 'SUPERVISOR'] })], parent.cookie)).toEqual(OK);
      expect(await k.db.childNote.findMany({ where: { childId: child.id }, select: { authorId: true, householdId: true, text: true, visibleTo: true, sharedWithOtherHousehold: true } })).toEqual([
        { authorId: parent.id, householdId: fam.households[0], text: 'Slaapt slecht sinds de verhuizing', visibleTo: ['TEACHER', 'SUPERVISOR'], sharedWithOtherHousehold: false },
      ]);
    },
    outsider: async (k) => {
      const { child, teacher } = await classOf(k);
      const o = await outsiders(k);
      await k.unchanged(fileOf(k, child.id), async () => {
        expect(await k.call(A('addChildNoteAction'), [null, k.form({ childId: child.id, text: 'Niet van mij' })], o.otherFamily.guardians[0].cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('addChildNoteAction'), [null, k.form({ childId: child.id, text: 'Niet van mij' })], teacher.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const { child, parent } = await classOf(k);
      await k.unchanged(fileOf(k, child.id), async () => {
        expect(await k.call(A('addChildNoteAction'), [null, k.form({ childId: child.id, text: ' ', visibleTo: ['TEACHER'] })], parent.cookie)).toEqual(invalid({ text: ['required'] }));
      });
    },
  },

  [A('createGuidancePlanAction')]: {
    allowed: async (k) => {
      const { child, teacher } = await classOf(k);
      const plan = { childId: child.id, subject: 'Rekenen', parentTask: 'Tafels oefenen', how: 'Met kaartjes', howOften: 'Drie keer per week', startsOn: daysAhead(1), evaluateOn: daysAhead(43) };
      expect(await k.call(A('createGuidancePlanAction'), [null, k.form(plan)], teacher.cookie)).toEqual(OK);
      const rows = await k.db.homeGuidancePlan.findMany({ where: { childId: child.id }, select: { authorId: true, subject: true, parentTask: true, how: true, howOften: true, startsOn: true, evaluateOn: true } });
      expect(rows).toEqual([{ authorId: teacher.id, subject: 'Rekenen', parentTask: 'Tafels oefenen', how: 'Met kaartjes', howOften: 'Drie keer per week', startsOn: new Date(plan.startsOn), evaluateOn: new Date(plan.evaluateOn) }]);
    },
    outsider: async (k) => {
      const { child } = await classOf(k);
      const o = await outsiders(k);
      const plan = { childId: child.id, subject: 'Rekenen', parentTask: 'Tafels', how: 'Kaartjes', howOften: 'Vaak', startsOn: daysAhead(1), evaluateOn: daysAhead(10) };
      await k.unchanged(fileOf(k, child.id), async () => {
        expect(await k.call(A('createGuidancePlanAction'), [null, k.form(plan)], o.otherTeacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('createGuidancePlanAction'), [null, k.form(plan)], o.otherDirector.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const { child, teacher } = await classOf(k);
      await k.unchanged(fileOf(k, child.id), async () => {
        const plan = { childId: child.id, subject: 'Rekenen', parentTask: 'Tafels', how: 'Kaartjes', howOften: 'Vaak', startsOn: daysAhead(10), evaluateOn: daysAhead(1) };
        expect(await k.call(A('createGuidancePlanAction'), [null, k.form(plan)], teacher.cookie)).toEqual(invalid({ evaluateOn: ['evaluateBeforeStart'] }));
      });
    },
  },

  [A('evaluateGuidancePlanAction')]: {
    allowed: async (k) => {
      const { fam, child, teacher } = await classOf(k);
      const plan = await planOf(k, fam, teacher.id);
      expect(await k.call(A('evaluateGuidancePlanAction'), [null, k.form({ planId: plan.id, helped: 'yes', decision: 'stop', note: 'Kan het nu zelf', childId: child.id })], teacher.cookie)).toEqual(OK);
      const row = await k.db.homeGuidancePlan.findUniqueOrThrow({ where: { id: plan.id } });
      expect({ helped: row.helped, decision: row.decision, evaluationNote: row.evaluationNote, evaluated: row.evaluatedAt !== null }).toEqual({ helped: true, decision: 'stop', evaluationNote: 'Kan het nu zelf', evaluated: true });
    },
    outsider: async (k) => {
      const { fam, child, teacher } = await classOf(k);
      const plan = await planOf(k, fam, teacher.id);
      const o = await outsiders(k);
      const fields = { planId: plan.id, helped: 'no', decision: 'stop', childId: child.id };
      await k.unchanged(fileOf(k, child.id), async () => {
        expect(await k.call(A('evaluateGuidancePlanAction'), [null, k.form(fields)], o.otherTeacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('evaluateGuidancePlanAction'), [null, k.form(fields)], o.otherDirector.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const { fam, child, teacher } = await classOf(k);
      const plan = await planOf(k, fam, teacher.id);
      await k.unchanged(fileOf(k, child.id), async () => {
        expect(await k.call(A('evaluateGuidancePlanAction'), [null, k.form({ planId: plan.id, helped: 'yes', childId: child.id })], teacher.cookie)).toEqual(invalid({ decision: ['required'] }));
      });
    },
  },

  [A('savePreparationAction')]: {
    allowed: async (k) => {
      const { fam, child, parent } = await classOf(k);
      const { round, topics } = await preparedRound(k, fam.group.name);
      expect(await k.call(A('savePreparationAction'), [null, k.form({ roundId: round.id, childId: child.id, 'answer:0': 'Hij leest graag', 'answer:2': 'Zwemles' })], parent.cookie)).toEqual(OK);
      expect(await k.db.talkPreparation.findMany({ where: { childId: child.id }, select: { roundId: true, householdId: true, answers: true, childAnswers: true, updatedById: true } })).toEqual([
        { roundId: round.id, householdId: fam.households[0], answers: { [topics[0]]: 'Hij leest graag', [topics[2]]: 'Zwemles' }, childAnswers: {}, updatedById: parent.id },
      ]);
    },
    outsider: async (k) => {
      // Another family's guardian; this family's guardian with information only when the round does not invite them.
      const { fam, child } = await classOf(k, { informationOnly: true });
      const { round } = await preparedRound(k, fam.group.name);
      const o = await outsiders(k);
      const fields = { roundId: round.id, childId: child.id, 'answer:0': 'Niet van mij' };
      await k.unchanged(fileOf(k, child.id), async () => {
        expect(await k.call(A('savePreparationAction'), [null, k.form(fields)], o.otherFamily.guardians[0].cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('savePreparationAction'), [null, k.form(fields)], fam.guardians[1].cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const { fam, child, parent } = await classOf(k);
      const { round } = await preparedRound(k, fam.group.name);
      await k.unchanged(fileOf(k, child.id), async () => {
        expect(await k.call(A('savePreparationAction'), [null, k.form({ roundId: round.id, childId: child.id, 'answer:0': 'x'.repeat(2001) })], parent.cookie)).toEqual(invalid({ answers: ['tooLong'] }));
      });
    },
  },

  [A('createMomentAction')]: {
    allowed: async (k) => {
      const { fam, child, teacher } = await classOf(k);
      const date = daysAhead(14);
      expect(await k.call(A('createMomentAction'), [null, k.form({ childId: child.id, purpose: 'Terugkijken op het plan', date, time: '15:30', minutes: '20', location: 'Lokaal 3' })], teacher.cookie)).toEqual(OK);
      const start = zonedToUtc(`${date}T15:30`);
      expect(await k.db.arrangedMoment.findMany({ where: { childId: child.id }, select: { teacherId: true, purpose: true, startsAt: true, endsAt: true, location: true } })).toEqual([
        { teacherId: teacher.id, purpose: 'Terugkijken op het plan', startsAt: start, endsAt: new Date(+start + 20 * 60_000), location: 'Lokaal 3' },
      ]);
      expect(await mailsTo(k, [fam.guardians[0].email])).toEqual([{ to: fam.guardians[0].email, kind: 'moment_agreed' }]);
    },
    outsider: async (k) => {
      const { fam, child } = await classOf(k);
      const o = await outsiders(k);
      const fields = { childId: child.id, purpose: 'Niet van mij', date: daysAhead(14), time: '15:30', minutes: '20' };
      await k.unchanged(async () => [await fileOf(k, child.id)(), await mailsTo(k, [fam.guardians[0].email])], async () => {
        expect(await k.call(A('createMomentAction'), [null, k.form(fields)], o.otherTeacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('createMomentAction'), [null, k.form(fields)], o.otherDirector.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const { fam, child, teacher } = await classOf(k);
      await k.unchanged(async () => [await fileOf(k, child.id)(), await mailsTo(k, [fam.guardians[0].email])], async () => {
        expect(await k.call(A('createMomentAction'), [null, k.form({ childId: child.id, purpose: 'Kort', date: daysAhead(14), time: '15:30', minutes: '3' })], teacher.cookie)).toEqual(invalid({ minutes: ['outOfRange'] }));
        expect(await k.call(A('createMomentAction'), [null, k.form({ childId: child.id, purpose: 'Gisteren', date: daysAhead(-1), time: '15:30', minutes: '20' })], teacher.cookie)).toEqual({ result: { ok: false, error: 'IN_THE_PAST' } });
      });
    },
  },

  [A('deleteMomentAction')]: {
    allowed: async (k) => {
      const { fam, child, teacher } = await classOf(k);
      const m = await momentOf(k, fam, teacher.id);
      expect(await k.call(A('deleteMomentAction'), [null, k.form({ momentId: m.id, childId: child.id })], teacher.cookie)).toEqual(OK);
      expect(await k.db.arrangedMoment.count({ where: { id: m.id } })).toBe(0);
      expect(await mailsTo(k, [fam.guardians[0].email])).toEqual([{ to: fam.guardians[0].email, kind: 'moment_cancelled' }]);
    },
    outsider: async (k) => {
      const { fam, child, teacher } = await classOf(k);
      const m = await momentOf(k, fam, teacher.id);
      const o = await outsiders(k);
      await k.unchanged(async () => [await fileOf(k, child.id)(), await mailsTo(k, [fam.guardians[0].email])], async () => {
        expect(await k.call(A('deleteMomentAction'), [null, k.form({ momentId: m.id, childId: child.id })], o.otherTeacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('deleteMomentAction'), [null, k.form({ momentId: m.id, childId: child.id })], o.otherDirector.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('deleteMomentAction'), [null, k.form({ momentId: m.id, childId: child.id })], fam.guardians[0].cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const { fam, child, teacher } = await classOf(k);
      await momentOf(k, fam, teacher.id);
      await k.unchanged(fileOf(k, child.id), async () => {
        expect(await k.call(A('deleteMomentAction'), [null, k.form({ childId: child.id })], teacher.cookie)).toEqual(invalid({ momentId: ['required'] }));
      });
    },
  },

  [A('setChildLeftAction')]: {
    allowed: async (k) => {
      const { child } = await classOf(k);
      const director = await k.staff({ role: 'DIRECTOR' });
      const today = daysAhead(0);
      expect(await k.call(A('setChildLeftAction'), [null, k.form({ childId: child.id, leftOn: today })], director.cookie)).toEqual(OK);
      expect((await k.db.child.findUniqueOrThrow({ where: { id: child.id } })).leftAt).toEqual(new Date(today));
      // And undone: the retention period does not run.
      expect(await k.call(A('setChildLeftAction'), [null, k.form({ childId: child.id, leftOn: '' })], director.cookie)).toEqual(OK);
      expect((await k.db.child.findUniqueOrThrow({ where: { id: child.id } })).leftAt).toBeNull();
      expect(await k.db.fileAudit.findMany({ where: { childId: child.id, action: 'write' }, select: { subject: true }, orderBy: { createdAt: 'asc' } })).toEqual([{ subject: 'leftSchool' }, { subject: 'leftSchoolUndone' }]);
    },
    outsider: async (k) => {
      const { child, teacher } = await classOf(k);
      const o = await outsiders(k);
      await k.unchanged(fileOf(k, child.id), async () => {
        expect(await k.call(A('setChildLeftAction'), [null, k.form({ childId: child.id, leftOn: daysAhead(0) })], o.otherDirector.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('setChildLeftAction'), [null, k.form({ childId: child.id, leftOn: daysAhead(0) })], teacher.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const { child } = await classOf(k);
      const director = await k.staff({ role: 'DIRECTOR' });
      await k.unchanged(fileOf(k, child.id), async () => {
        expect(await k.call(A('setChildLeftAction'), [null, k.form({ childId: child.id, leftOn: '31-12-2026' })], director.cookie)).toEqual(invalid({ leftOn: ['invalidDateTime'] }));
      });
    },
  },

  [A('setRetentionAction')]: {
    // The period is the school's: each case sets it at a school of its own.
    allowed: async (k) => {
      const slug = await k.newSchool();
      const director = await k.staff({ role: 'DIRECTOR', school: slug });
      expect(await k.call(A('setRetentionAction'), [null, k.form({ months: '36' })], director.cookie)).toEqual(OK);
      expect((await k.school(slug)).retentionMonths).toBe(36);
    },
    outsider: async (k) => {
      // Another school's director sets their own school's period only; a teacher cannot set it at all.
      const [slug, otherSlug] = [await k.newSchool(), await k.newSchool()];
      const teacher = await k.staff({ role: 'TEACHER', school: slug });
      const otherDirector = await k.staff({ role: 'DIRECTOR', school: otherSlug });
      await k.unchanged(async () => (await k.school(slug)).retentionMonths, async () => {
        expect(await k.call(A('setRetentionAction'), [null, k.form({ months: '120' })], teacher.cookie)).toEqual({ notFound: true });
        expect(await k.call(A('setRetentionAction'), [null, k.form({ months: '120' })], otherDirector.cookie)).toEqual(OK);
      });
      expect((await k.school(otherSlug)).retentionMonths).toBe(120);
    },
    badInput: async (k) => {
      const slug = await k.newSchool();
      const director = await k.staff({ role: 'DIRECTOR', school: slug });
      await k.unchanged(async () => (await k.school(slug)).retentionMonths, async () => {
        expect(await k.call(A('setRetentionAction'), [null, k.form({ months: '6' })], director.cookie)).toEqual(invalid({ months: ['outOfRange'] }));
        expect(await k.call(A('setRetentionAction'), [null, k.form({ months: '' })], director.cookie)).toEqual(invalid({ months: ['outOfRange'] }));
      });
    },
  },
};

async function planOf(k: Kit, fam: Family, authorId: string) {
  return k.db.homeGuidancePlan.create({
    data: { schoolId: fam.school.id, childId: fam.child.id, authorId, subject: 'Lezen', parentTask: 'Voorlezen', how: 'Samen', howOften: 'Dagelijks', startsOn: new Date(daysAhead(-30)), evaluateOn: new Date(daysAhead(0)) },
  });
}

async function momentOf(k: Kit, fam: Family, teacherId: string) {
  const startsAt = zonedToUtc(`${daysAhead(14)}T16:00`);
  return k.db.arrangedMoment.create({ data: { schoolId: fam.school.id, childId: fam.child.id, teacherId, purpose: 'Even bijpraten', startsAt, endsAt: new Date(+startsAt + 15 * 60_000) } });
}
