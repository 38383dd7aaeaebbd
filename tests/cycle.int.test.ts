import { beforeAll, describe, expect, it } from 'vitest';
import { addStage, cycleStages, cycleYear, removeStage, updateStage } from '@/lib/cycle/service';
import { type StageInput, stageSchema } from '@/lib/cycle/schemas';
import { prisma } from '@/lib/db';
import nl from '@/messages/nl.json';
import en from '@/messages/en.json';
import { childTimeline } from '@/lib/records/timeline';
import { publishRecord, saveRecord } from '@/lib/records/service';
import { createDefaultStages } from '@/lib/school/stages';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const other = await createSchool();
  await prisma.$transaction((tx) => createDefaultStages(tx, school.id));
  await prisma.$transaction((tx) => createDefaultStages(tx, other.school.id));
  const director = await createUser(school.id, 'DIRECTOR');
  const otherDirector = await createUser(other.school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const g = await createGroup(school.id, year.id, '6A', [teacher.user.id]);
  const family = await createFamily(school.id, year.id, [g.id]);
  const second = await createFamily(school.id, year.id, [g.id]);
  return { school, year, other, director, otherDirector, teacher, g, family, second };
}
beforeAll(async () => {
  w = await world();
});

const stageOf = (key: string, schoolId = w.school.id) => prisma.stageDefinition.findUniqueOrThrow({ where: { schoolId_key: { schoolId, key } } });
const asInput = (s: Awaited<ReturnType<typeof stageOf>>): StageInput => ({
  name: s.name, period: s.period, fromWeek: s.fromWeek, toWeek: s.toWeek, durationMinutes: s.durationMinutes, isGroupEvent: s.isGroupEvent,
  childPresentFromGrade: s.childPresentFromGrade, mandatoryGrades: s.mandatoryGrades, optionalGrades: s.optionalGrades, agendaTopics: s.agendaTopics, parentPreparation: s.parentPreparation, childQuestions: s.childQuestions,
});
const record = (childId: string, agenda: string[], stageKey = 'well_being') =>
  saveRecord(w.teacher.actor, { childId, kind: 'talk', stageKey, title: 'Welbevinden', heldOn: '2026-11-16', notes: Object.fromEntries(agenda.map((t, i) => [t, `notitie ${i}`])), agreements: [] });

describe('the school cycle', () => {
  it('starts from the defaults of PRODUCT.md, with school weeks', async () => {
    const stages = await cycleStages(w.director.actor);
    expect(stages.map((s) => [s.key, s.fromWeek, s.toWeek, s.durationMinutes, s.childPresentFromGrade])).toEqual([
      ['information_evening', 2, 2, 45, null],
      ['parent_tell', 3, 4, 10, null],
      ['well_being', 12, 12, 10, 5],
      ['report_1', 24, 25, 10, 5],
      ['report_2', 43, 44, 10, 5],
    ]);
    expect(stages[4].mandatoryGrades).toEqual([7]);
  });

  it('the director adapts the well-being talk; a record made before keeps its agenda, a new one follows the new', async () => {
    const before = await stageOf('well_being');
    const oldAgenda = before.agendaTopics;
    const oldId = await record(w.family.children[0].id, oldAgenda);
    await publishRecord(w.teacher.actor, oldId);
    const draftId = await record(w.second.children[0].id, oldAgenda);

    const newAgenda = [...oldAgenda, 'Wat vindt het kind zelf van de klas?'];
    await updateStage(w.director.actor, before.id, stageSchema.parse({ ...asInput(before), childPresentFromGrade: 4, agendaTopics: newAgenda.join('\n'), fromWeek: '11', toWeek: '' }));
    const after = await stageOf('well_being');
    expect(after.childPresentFromGrade).toBe(4);
    expect(after.agendaTopics).toEqual(newAgenda);
    expect([after.fromWeek, after.toWeek]).toEqual([11, null]);

    // The published record and the draft still follow the agenda they were written with.
    expect((await prisma.talkRecord.findUniqueOrThrow({ where: { id: oldId } })).agendaTopics).toEqual(oldAgenda);
    const timeline = await childTimeline(w.teacher.actor, w.family.children[0].id);
    const entry = timeline.entries.find((e) => e.type === 'record' && e.id === oldId);
    expect(entry?.type === 'record' && Object.keys(entry.record.notes as object)).toEqual(oldAgenda);
    await saveRecord(w.teacher.actor, { recordId: draftId, childId: w.second.children[0].id, kind: 'talk', stageKey: 'well_being', title: 'Welbevinden', heldOn: '2026-11-16', notes: {}, agreements: [] });
    expect((await prisma.talkRecord.findUniqueOrThrow({ where: { id: draftId } })).agendaTopics).toEqual(oldAgenda);

    const third = await createFamily(w.school.id, w.year.id, [w.g.id]);
    const newId = await record(third.children[0].id, newAgenda);
    expect((await prisma.talkRecord.findUniqueOrThrow({ where: { id: newId } })).agendaTopics).toEqual(newAgenda);
  });

  it('refuses bad input with a translated message and writes nothing', async () => {
    const stage = await stageOf('report_1');
    const base = asInput(stage);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ' }, 'nameRequired'],
      [{ mandatoryGrades: ['9'] }, 'gradeRange'],
      [{ childPresentFromGrade: '0' }, 'gradeRange'],
      [{ durationMinutes: '0' }, 'durationRange'],
      [{ durationMinutes: '121' }, 'durationRange'],
      [{ mandatoryGrades: [1, 2, 7], optionalGrades: [7, 8] }, 'gradesOverlap'],
      [{ agendaTopics: '\n \n' }, 'agendaRequired'],
      [{ fromWeek: '20', toWeek: '10' }, 'weekOrder'],
      [{ fromWeek: '54', toWeek: '' }, 'weekRange'],
      [{ agendaTopics: 'Resultaten\nResultaten' }, 'duplicateTopic'],
    ];
    for (const [change, key] of cases) {
      const parsed = stageSchema.safeParse({ ...base, ...change });
      expect(parsed.success, key).toBe(false);
      expect(parsed.error!.issues.map((i) => i.message)).toEqual([key]);
      expect((nl.cycle.errors as Record<string, string>)[key], key).toBeTruthy();
      expect((en.cycle.errors as Record<string, string>)[key], key).toBeTruthy();
      await expect(updateStage(w.director.actor, stage.id, { ...base, ...change } as StageInput)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(await stageOf('report_1')).toEqual(stage);
  });

  it('only the school’s director: another school’s director and a teacher get NOT_FOUND', async () => {
    const stage = await stageOf('report_2');
    const input = asInput(stage);
    await expect(updateStage(w.otherDirector.actor, stage.id, { ...input, name: 'Overgenomen' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeStage(w.otherDirector.actor, stage.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateStage(w.teacher.actor, stage.id, { ...input, name: 'Overgenomen' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(cycleStages(w.teacher.actor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(cycleYear(w.family.guardians[0].actor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await stageOf('report_2')).toEqual(stage);
    expect((await cycleStages(w.otherDirector.actor)).map((s) => s.name)).not.toContain('Overgenomen');
  });

  it('adds a stage of the school’s own and removes one that has no rounds, but not one that has', async () => {
    const own = await addStage(w.director.actor, stageSchema.parse({ name: 'Startgesprek groep 8', period: 'september', fromWeek: '3', toWeek: '4', durationMinutes: '20', mandatoryGrades: ['8'], optionalGrades: [], agendaTopics: 'Doelen\nAdvies', childPresentFromGrade: '8' }));
    expect([own.position, own.mandatoryGrades, own.agendaTopics, own.durationMinutes]).toEqual([6, [8], ['Doelen', 'Advies'], 20]);
    expect(own.key).toMatch(/^own_/);
    await removeStage(w.director.actor, own.id);
    expect(await prisma.stageDefinition.count({ where: { id: own.id } })).toBe(0);

    const used = await stageOf('parent_tell');
    await prisma.talkRound.create({ data: { schoolId: w.school.id, stageId: used.id, name: 'Oudervertel', slotMinutes: 10, opensAt: new Date('2026-09-01'), deadline: new Date('2026-09-10'), createdById: w.director.user.id } });
    await expect(removeStage(w.director.actor, used.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await prisma.stageDefinition.count({ where: { id: used.id } })).toBe(1);
    // Nor does a stage with rounds become a group meeting.
    await expect(updateStage(w.director.actor, used.id, { ...asInput(used), isGroupEvent: true })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { fieldErrors: { isGroupEvent: ['kindInUse'] } } });
    expect(await stageOf('parent_tell')).toEqual(used);
  });

  it('the year view counts per stage: rounds planned, talks held, records published, agreements open', async () => {
    const stage = await stageOf('report_1');
    const round = await prisma.talkRound.create({ data: { schoolId: w.school.id, stageId: stage.id, name: 'Rapport februari', slotMinutes: 10, opensAt: new Date('2027-01-20'), deadline: new Date('2027-02-01'), createdById: w.director.user.id, groups: { create: { groupId: w.g.id } } } });
    // A round of last year does not count for this one.
    const lastYear = await prisma.schoolYear.create({ data: { schoolId: w.school.id, name: '2025-2026', startDate: new Date('2025-08-25'), endDate: new Date('2026-07-17') } });
    const oldGroup = await createGroup(w.school.id, lastYear.id, '5A');
    await prisma.talkRound.create({ data: { schoolId: w.school.id, stageId: stage.id, name: 'Rapport vorig jaar', slotMinutes: 10, opensAt: new Date('2026-01-20'), deadline: new Date('2026-02-01'), createdById: w.director.user.id, groups: { create: { groupId: oldGroup.id } } } });
    const [a, b] = [w.family.children[0].id, w.second.children[0].id];
    await prisma.booking.createMany({ data: [
      { schoolId: w.school.id, roundId: round.id, childId: a, bookedById: w.family.guardians[0].user.id, attendance: 'HELD' },
      { schoolId: w.school.id, roundId: round.id, childId: b, bookedById: w.second.guardians[0].user.id, attendance: 'NO_SHOW' },
    ] });
    const rec = await saveRecord(w.teacher.actor, {
      childId: a, kind: 'talk', stageKey: 'report_1', title: 'Rapport 1', heldOn: '2027-02-10', notes: { Resultaten: 'Goed' },
      agreements: [{ owner: 'PARENT', what: 'Samen lezen' }, { owner: 'CHILD', what: 'Tafels oefenen' }],
    });
    await publishRecord(w.teacher.actor, rec);
    const done = await prisma.agreement.findFirstOrThrow({ where: { recordId: rec, what: 'Tafels oefenen' } });
    await prisma.agreement.update({ where: { id: done.id }, data: { status: 'ACHIEVED' } });
    await saveRecord(w.teacher.actor, { childId: b, kind: 'talk', stageKey: 'report_1', title: 'Rapport 1', heldOn: '2027-02-10', notes: {}, agreements: [{ owner: 'TEACHER', what: 'Bellen' }] }); // a draft counts nowhere

    const { year, rows } = await cycleYear(w.director.actor, { today: new Date('2027-02-15') });
    expect(year?.id).toBe(w.year.id);
    expect(rows.get(stage.id)).toEqual({ stageId: stage.id, rounds: 1, held: 1, published: 1, openAgreements: 1 });
    const wellBeing = await stageOf('well_being');
    expect(rows.get(wellBeing.id)).toEqual({ stageId: wellBeing.id, rounds: 0, held: 0, published: 1, openAgreements: 0 });
    const other = await cycleYear(w.otherDirector.actor, { today: new Date('2027-02-15') });
    expect([...other.rows.values()].every((r) => r.rounds + r.held + r.published + r.openAgreements === 0)).toBe(true);
    // Last year stays readable: its one round, nothing held or recorded.
    const last = await cycleYear(w.director.actor, { yearName: '2025-2026', today: new Date('2027-02-15') });
    expect(last.year?.id).toBe(lastYear.id);
    expect(last.rows.get(stage.id)).toEqual({ stageId: stage.id, rounds: 1, held: 0, published: 0, openAgreements: 0 });
    // Another school's director naming this school's year sees their own school's year.
    expect((await cycleYear(w.otherDirector.actor, { yearName: '2025-2026', today: new Date('2027-02-15') })).year?.schoolId).toBe(w.otherDirector.actor.schoolId);
  });
});
