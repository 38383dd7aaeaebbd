import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { childExport } from '@/lib/records/export';
import { addChildNote, childFile, childNotes, confirmRecord, createGuidancePlan, evaluateGuidancePlan, fileAuditLog, guidancePlans, helpRequests, publishRecord, respondToAgreement, saveRecord, setAgreementStatus } from '@/lib/records/service';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const teacher = await createUser(school.id, 'TEACHER');
  const other = await createUser(school.id, 'TEACHER');
  const director = await createUser(school.id, 'DIRECTOR');
  const g = await createGroup(school.id, year.id, '6A', [teacher.user.id]);
  const g2 = await createGroup(school.id, year.id, '3B', [other.user.id]);
  const family = await createFamily(school.id, year.id, [g.id], { guardians: 2, informationOnly: true });
  const neighbours = await createFamily(school.id, year.id, [g.id]);
  return { school, teacher, other, director, g, g2, family, neighbours };
}
beforeAll(async () => {
  w = await world();
});

const child = () => w.family.children[0];

describe('talk records and agreements', () => {
  it('a teacher records a well-being talk with three agreements; parents see nothing until it is published', async () => {
    const recordId = await saveRecord(w.teacher.actor, {
      childId: child().id, kind: 'talk', stageKey: 'well_being', title: 'Welbevindengesprek', heldOn: '2026-11-17',
      notes: { 'Huidige situatie': 'Gaat graag naar school.', 'Gewenste situatie': 'Tafels van 6 en 7 oefenen.' },
      agreements: [
        { owner: 'CHILD', what: 'Oefent elke dag tien minuten de tafels.', dueOn: '2027-01-31' },
        { owner: 'PARENT', what: 'Overhoort de tafels twee keer per week.', sharing: 'Via het portaal' },
        { owner: 'TEACHER', what: 'Geeft een tafelkaart mee.' },
      ],
    });
    expect((await childFile(w.family.guardians[0].actor, child().id)).records).toEqual([]);
    await publishRecord(w.teacher.actor, recordId);
    await expect(publishRecord(w.teacher.actor, recordId)).rejects.toMatchObject({ code: 'CONFLICT' });
    const forParent = await childFile(w.family.guardians[0].actor, child().id);
    expect(forParent.records).toHaveLength(1);
    expect(forParent.open).toHaveLength(3);
    // The information-only parent sees exactly the same, and both got a mail.
    expect((await childFile(w.family.guardians[1].actor, child().id)).records.map((r) => r.id)).toEqual([recordId]);
    expect(await prisma.outboxMail.count({ where: { kind: 'record_published', to: { in: w.family.guardians.map((g) => g.user.email) } } })).toBe(2);
    await expect(saveRecord(w.teacher.actor, { recordId, childId: child().id, kind: 'talk', title: 'x', heldOn: '2026-11-17', notes: {}, agreements: [] })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('the parent confirms and responds to an agreement; the teacher adjusts one at the next talk, with history', async () => {
    const parent = w.family.guardians[0].actor;
    const { records, open } = await childFile(parent, child().id);
    await confirmRecord(parent, records[0].id, 'Duidelijk, dank u.');
    const parentAgreement = open.find((a) => a.owner === 'PARENT')!;
    await respondToAgreement(parent, parentAgreement.id, 'parent_help', 'Lukt niet elke week.');
    // The child's teacher hears of it at once; the teacher of another group does not.
    const help = await prisma.outboxMail.findMany({ where: { kind: 'agreement_help', to: { in: [w.teacher.user.email, w.other.user.email] } } });
    expect(help.map((m) => m.to)).toEqual([w.teacher.user.email]);
    expect(help[0].text).toContain('Lukt niet elke week.');
    // ...and sees it on their home page until someone at school revisits the agreement.
    expect((await helpRequests(w.teacher.actor)).map((h) => h.child.id)).toEqual([child().id]);
    expect(await helpRequests(w.other.actor)).toEqual([]);
    await setAgreementStatus(w.teacher.actor, parentAgreement.id, 'OPEN', 'Ik stuur een oefenblad mee.');
    expect(await helpRequests(w.teacher.actor)).toEqual([]);
    const childAgreement = open.find((a) => a.owner === 'CHILD')!;
    await setAgreementStatus(w.teacher.actor, childAgreement.id, 'ADJUSTED', 'Nu vijf minuten per dag.');
    const file = await childFile(w.teacher.actor, child().id);
    const adjusted = file.records[0].agreements.find((a) => a.id === childAgreement.id)!;
    expect(adjusted.status).toBe('ADJUSTED');
    expect(adjusted.events.map((e) => e.kind)).toEqual(['created', 'status']);
    expect(file.records[0].agreements.find((a) => a.id === parentAgreement.id)!.events.map((e) => [e.kind, e.note])).toEqual([['created', null], ['parent_help', 'Lukt niet elke week.'], ['status', 'Ik stuur een oefenblad mee.']]);
    expect(file.records[0].parentResponse).toBe('Duidelijk, dank u.');
  });

  it('nobody outside the child sees or touches it: another family, another group’s teacher', async () => {
    const [{ records, open }] = [await childFile(w.teacher.actor, child().id)];
    await expect(childFile(w.neighbours.guardians[0].actor, child().id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(childFile(w.other.actor, child().id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(respondToAgreement(w.neighbours.guardians[0].actor, open[0].id, 'parent_done')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(confirmRecord(w.neighbours.guardians[0].actor, records[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setAgreementStatus(w.other.actor, open[0].id, 'DROPPED')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('every staff read and change is in the audit log the director can inspect', async () => {
    const log = await fileAuditLog(w.director.actor, child().id);
    const byTeacher = log.filter((l) => l.actorId === w.teacher.user.id).map((l) => l.action);
    expect(byTeacher).toContain('read');
    expect(byTeacher).toContain('write');
    expect(log.some((l) => l.actorId === w.family.guardians[0].user.id)).toBe(false); // guardians' own reads are not staff access
    await expect(fileAuditLog(w.teacher.actor, child().id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('parent additions and the complete file', () => {
  it('a parent adds information for the teacher only; the director does not see it; the export contains everything', async () => {
    const parent = w.family.guardians[0].actor;
    await addChildNote(parent, child().id, 'Sinds kort een diagnose dyslexie.', ['TEACHER']);
    await expect(addChildNote(w.neighbours.guardians[0].actor, child().id, 'x', [])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await childNotes(w.teacher.actor, child().id)).map((n) => n.text)).toEqual(['Sinds kort een diagnose dyslexie.']);
    expect(await childNotes(w.director.actor, child().id)).toEqual([]);
    expect(await childNotes(w.family.guardians[1].actor, child().id)).toHaveLength(1); // the other guardian sees it too

    const exported = await childExport(parent, child().id);
    const file = await childFile(parent, child().id);
    const records = exported.timeline.filter((e) => e.type === 'record');
    expect(records.map((r) => r.title)).toEqual(file.records.map((r) => r.title));
    expect(records[0].agreements).toHaveLength(3);
    expect(records[0].agreements.flatMap((a) => a.history.map((h) => h.kind))).toContain('parent_help');
    expect(exported.timeline.filter((e) => e.type === 'note').map((n) => n.text)).toEqual(['Sinds kort een diagnose dyslexie.']);
    expect(exported.child.guardianships).toHaveLength(2);
    await expect(childExport(w.teacher.actor, child().id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(childExport(w.neighbours.guardians[0].actor, child().id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('home guidance', () => {
  it('staff set a plan for home, every guardian sees it, it is evaluated after the period, and it is in the export', async () => {
    const plan = await createGuidancePlan(w.teacher.actor, { childId: child().id, subject: 'Tafels van 6 en 7', parentTask: 'Overhoren', how: 'Met de tafelkaart', howOften: 'Drie keer per week tien minuten', startsOn: '2026-11-18', evaluateOn: '2027-01-15' });
    await expect(createGuidancePlan(w.family.guardians[0].actor, { childId: child().id, subject: 'x', parentTask: 'x', how: 'x', howOften: 'x', startsOn: '2026-11-18', evaluateOn: '2027-01-15' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await guidancePlans(w.family.guardians[1].actor, child().id)).map((p) => p.id)).toEqual([plan.id]);
    await expect(guidancePlans(w.neighbours.guardians[0].actor, child().id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await evaluateGuidancePlan(w.teacher.actor, plan.id, true, 'continue', 'Gaat beter.');
    await expect(evaluateGuidancePlan(w.other.actor, plan.id, false, 'stop')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [p] = await guidancePlans(w.family.guardians[0].actor, child().id);
    expect([p.helped, p.decision, p.evaluationNote]).toEqual([true, 'continue', 'Gaat beter.']);
    expect((await childExport(w.family.guardians[0].actor, child().id)).timeline.find((e) => e.type === 'guidance')).toMatchObject({ subject: 'Tafels van 6 en 7', decision: 'continue' });
  });
});
