import { expect } from '@playwright/test';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// The school's talk cycle (/directie/cyclus): the director shapes, adds and removes stages. Each case
// works at a new school of its own with the default cycle; the outsider is another school's director
// (NOT_FOUND, or their own school changed) and a teacher (the 404 page).

const A = (name: string) => `lib/cycle/actions.ts#${name}`;
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const invalid = (fieldErrors: Record<string, string[]>) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors } });

async function cycleSchool(k: Kit) {
  const slug = await k.newSchool();
  const school = await k.school(slug);
  return { slug, school, director: await k.staff({ role: 'DIRECTOR', school: slug }), teacher: await k.staff({ role: 'TEACHER', school: slug }) };
}
const stages = (k: Kit, schoolId: string) => () => k.db.stageDefinition.findMany({ where: { schoolId }, orderBy: { position: 'asc' } });
const stageForm = (k: Kit, extra: Record<string, string | string[]> = {}) =>
  k.form({ name: 'Kindgesprek', period: 'maart', fromWeek: '28', toWeek: '30', durationMinutes: '15', childPresentFromGrade: '5', mandatoryGrades: ['5', '6'], optionalGrades: ['7'], agendaTopics: 'Hoe gaat het?\nWat wil je leren?', parentPreparation: 'on', childQuestions: 'Waar ben je trots op?', ...extra });
const expected = {
  name: 'Kindgesprek', period: 'maart', fromWeek: 28, toWeek: 30, durationMinutes: 15, isGroupEvent: false, childPresentFromGrade: 5,
  mandatoryGrades: [5, 6], optionalGrades: [7], agendaTopics: ['Hoe gaat het?', 'Wat wil je leren?'], parentPreparation: true, childQuestions: ['Waar ben je trots op?'],
};

export const cases: ActionCases = {
  [A('updateStageAction')]: {
    allowed: async (k) => {
      const { school, director } = await cycleSchool(k);
      const stage = await k.db.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'well_being' } });
      expect(await k.call(A('updateStageAction'), [null, stageForm(k, { stageId: stage.id })], director.cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.stageDefinition.findUniqueOrThrow({ where: { id: stage.id } })).toMatchObject({ ...expected, key: 'well_being', position: stage.position });
    },
    outsider: async (k) => {
      const { school, teacher } = await cycleSchool(k);
      const other = await cycleSchool(k);
      const stage = await k.db.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'well_being' } });
      await k.unchanged(stages(k, school.id), async () => {
        expect(await k.call(A('updateStageAction'), [null, stageForm(k, { stageId: stage.id })], other.director.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('updateStageAction'), [null, stageForm(k, { stageId: stage.id })], teacher.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const { slug, school, director } = await cycleSchool(k);
      const stage = await k.db.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'well_being' } });
      await k.unchanged(stages(k, school.id), async () => {
        expect(await k.call(A('updateStageAction'), [null, stageForm(k, { stageId: stage.id, agendaTopics: ' \n ', fromWeek: '30', toWeek: '28', optionalGrades: ['5'] })], director.cookie)).toEqual(
          invalid({ agendaTopics: ['agendaRequired'], toWeek: ['weekOrder'], optionalGrades: ['gradesOverlap'] }),
        );
      });
      // A stage that has a round keeps its kind.
      await k.round({ school: slug, groups: [(await k.newGroup(slug)).name] });
      const used = await k.db.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, rounds: { some: {} } } });
      await k.unchanged(stages(k, school.id), async () => {
        expect(await k.call(A('updateStageAction'), [null, stageForm(k, { stageId: used.id, isGroupEvent: 'on' })], director.cookie)).toEqual(invalid({ isGroupEvent: ['kindInUse'] }));
      });
    },
  },

  [A('addStageAction')]: {
    allowed: async (k) => {
      const { school, director } = await cycleSchool(k);
      const before = await stages(k, school.id)();
      expect(await k.call(A('addStageAction'), [null, stageForm(k)], director.cookie)).toEqual({ result: { ok: true } });
      const after = await stages(k, school.id)();
      expect(after.slice(0, -1)).toEqual(before);
      expect(after.at(-1)).toMatchObject({ ...expected, position: before.at(-1)!.position + 1, key: expect.stringMatching(/^own_[0-9a-f]{8}$/) });
    },
    outsider: async (k) => {
      // Another school's director adds to their own school only; a teacher cannot add at all.
      const { school, teacher } = await cycleSchool(k);
      const other = await cycleSchool(k);
      await k.unchanged(stages(k, school.id), async () => {
        expect(await k.call(A('addStageAction'), [null, stageForm(k)], teacher.cookie)).toEqual({ notFound: true });
        expect(await k.call(A('addStageAction'), [null, stageForm(k)], other.director.cookie)).toEqual({ result: { ok: true } });
      });
      expect((await stages(k, other.school.id)()).map((s) => s.name).at(-1)).toBe('Kindgesprek');
    },
    badInput: async (k) => {
      const { school, director } = await cycleSchool(k);
      await k.unchanged(stages(k, school.id), async () => {
        expect(await k.call(A('addStageAction'), [null, stageForm(k, { name: ' ', durationMinutes: '0', agendaTopics: 'Eén\nEén' })], director.cookie)).toEqual(
          invalid({ name: ['nameRequired'], durationMinutes: ['durationRange'], agendaTopics: ['duplicateTopic'] }),
        );
      });
    },
  },

  [A('removeStageAction')]: {
    allowed: async (k) => {
      const { school, director } = await cycleSchool(k);
      const stage = await k.db.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'report_2' } });
      expect(await k.call(A('removeStageAction'), [null, k.form({ stageId: stage.id })], director.cookie)).toEqual({ result: { ok: true } });
      expect((await stages(k, school.id)()).map((s) => s.key)).toEqual(['information_evening', 'parent_tell', 'well_being', 'report_1']);
    },
    outsider: async (k) => {
      const { school, teacher } = await cycleSchool(k);
      const other = await cycleSchool(k);
      const stage = await k.db.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'report_2' } });
      await k.unchanged(stages(k, school.id), async () => {
        expect(await k.call(A('removeStageAction'), [null, k.form({ stageId: stage.id })], other.director.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('removeStageAction'), [null, k.form({ stageId: stage.id })], teacher.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      // No stage named; a stage that has a round (it stays, with the reason on the field).
      const { slug, school, director } = await cycleSchool(k);
      await k.round({ school: slug, groups: [(await k.newGroup(slug)).name] });
      const used = await k.db.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, rounds: { some: {} } } });
      await k.unchanged(stages(k, school.id), async () => {
        expect(await k.call(A('removeStageAction'), [null, k.form({})], director.cookie)).toEqual(invalid({ stageId: ['required'] }));
        expect(await k.call(A('removeStageAction'), [null, k.form({ stageId: used.id })], director.cookie)).toEqual({ result: { ok: false, error: 'CONFLICT', fieldErrors: { stage: ['inUse'] } } });
      });
    },
  },
};
