import { beforeAll, describe, expect, it } from 'vitest';
import { updateStage } from '@/lib/cycle/service';
import { type StageInput, stageSchema } from '@/lib/cycle/schemas';
import { prisma } from '@/lib/db';
import { childAnswerTo } from '@/lib/records/agenda';
import { childPreparations, preparationForm, preparationsFor, savePreparation } from '@/lib/records/preparation';
import { createDefaultStages } from '@/lib/school/stages';
import nl from '@/messages/nl.json';
import en from '@/messages/en.json';
import { OPEN, bookingWorld, type BookingWorld } from './support/booking-world';
import { createFamily, createSchool, createUser } from './support/factories';

// The child's own preparation questions belong to the stage: the director words them, answers
// keep the wording they were given under.

let w: BookingWorld;
beforeAll(async () => {
  w = await bookingWorld();
});

type Stage = Awaited<ReturnType<typeof prisma.stageDefinition.findUniqueOrThrow>>;
const asInput = (s: Stage): StageInput => ({
  name: s.name, period: s.period, fromWeek: s.fromWeek, toWeek: s.toWeek, durationMinutes: s.durationMinutes, isGroupEvent: s.isGroupEvent,
  childPresentFromGrade: s.childPresentFromGrade, mandatoryGrades: s.mandatoryGrades, optionalGrades: s.optionalGrades, agendaTopics: s.agendaTopics,
  parentPreparation: s.parentPreparation, childQuestions: s.childQuestions,
});
const stage = () => prisma.stageDefinition.findUniqueOrThrow({ where: { id: w.stage.id } });
const parent = () => w.family.guardians[0].actor;
const child6 = () => w.family.children[1];
const NEW_QUESTIONS = ['Waar ben je trots op?', 'Wat wil je de juf vragen?'];

describe("the child's preparation questions per stage", () => {
  it('a new school gets the wording the child was asked until now (the Dutch messages), on the well-being talk only', async () => {
    const stages = await prisma.stageDefinition.findMany({ where: { schoolId: w.school.id }, orderBy: { position: 'asc' } });
    expect(stages.map((s) => [s.key, s.childQuestions.length])).toEqual([['information_evening', 0], ['parent_tell', 0], ['well_being', 7], ['report_1', 0], ['report_2', 0]]);
    expect(stages[2].childQuestions).toEqual(Object.values(nl.prepare.child));
  });

  it('after a change a new preparation asks the new questions; saved ones keep the old wording, old keys stay readable', async () => {
    // Saved before the questions were the stage's: under the old key.
    const legacy = w.neighbour6;
    const { householdId } = await prisma.guardianship.findFirstOrThrow({ where: { childId: legacy.children[0].id } });
    await prisma.talkPreparation.create({
      data: { schoolId: w.school.id, roundId: w.round.id, childId: legacy.children[0].id, householdId, answers: {}, childAnswers: { likeSchool: 'Ja hoor.' }, updatedById: legacy.guardians[0].user.id },
    });
    const legacyForm = await preparationForm(legacy.guardians[0].actor, legacy.children[0].id, w.round.id);
    expect(legacyForm.round.stage.childQuestions.map((q) => childAnswerTo(legacyForm.saved?.childAnswers, q))).toEqual(['', 'Ja hoor.', '', '', '', '', '']);

    await savePreparation(parent(), { roundId: w.round.id, childId: child6().id, answers: {}, childAnswers: { 0: 'Goed.', 6: 'Nog eens uitleggen.' } }, OPEN);

    const before = await stage();
    await updateStage(w.director.actor, before.id, stageSchema.parse({ ...asInput(before), childQuestions: `${NEW_QUESTIONS[0]}\n\n  ${NEW_QUESTIONS[1]}  \n` }));
    expect((await stage()).childQuestions).toEqual(NEW_QUESTIONS);

    const newcomer = await createFamily(w.school.id, w.year.id, [w.g6.id]);
    const form = await preparationForm(newcomer.guardians[0].actor, newcomer.children[0].id, w.round.id);
    expect([form.childAnswers, form.round.stage.childQuestions]).toEqual([true, NEW_QUESTIONS]);
    await savePreparation(newcomer.guardians[0].actor, { roundId: w.round.id, childId: newcomer.children[0].id, answers: {}, childAnswers: { 1: 'Of ik mag voorlezen.' } }, OPEN);

    const talks = [legacy, w.family, newcomer].map((f) => ({ roundId: w.round.id, childId: f === w.family ? child6().id : f.children[0].id }));
    const read = new Map((await preparationsFor(w.meester.actor, talks)).map((p) => [p.childId, p.childAnswers]));
    expect(read.get(child6().id)).toEqual({ 'Hoe gaat het met je?': 'Goed.', 'Hoe kunnen de klas, je juf of meester en je ouders je helpen?': 'Nog eens uitleggen.' });
    expect(read.get(legacy.children[0].id)).toEqual({ likeSchool: 'Ja hoor.' });
    expect(read.get(newcomer.children[0].id)).toEqual({ 'Wat wil je de juf vragen?': 'Of ik mag voorlezen.' });
    // The file shows the old answers in the order they were asked, whatever jsonb keeps.
    const [inFile] = await childPreparations(parent(), child6().id);
    expect(Object.keys(inFile.childAnswers)).toEqual(['Hoe gaat het met je?', 'Hoe kunnen de klas, je juf of meester en je ouders je helpen?']);
  });

  it('without questions the child has no part in the form', async () => {
    const before = await stage();
    await updateStage(w.director.actor, before.id, { ...asInput(before), childQuestions: [] });
    expect((await preparationForm(parent(), child6().id, w.round.id)).childAnswers).toBe(false);
    await updateStage(w.director.actor, before.id, asInput(before));
  });

  it('refuses bad input with a translated message and writes nothing', async () => {
    const before = await stage();
    const cases: [unknown, string][] = [
      [Array.from({ length: 16 }, (_, i) => `Vraag ${i + 1}?`).join('\n'), 'tooManyQuestions'],
      ['Hoe gaat het?\nHoe gaat het?', 'duplicateQuestion'],
      ['x'.repeat(201), 'tooLong'],
    ];
    for (const [childQuestions, key] of cases) {
      const parsed = stageSchema.safeParse({ ...asInput(before), childQuestions });
      expect(parsed.success, key).toBe(false);
      expect(parsed.error!.issues.map((i) => i.message)).toEqual([key]);
      expect((nl.cycle.errors as Record<string, string>)[key], key).toBeTruthy();
      expect((en.cycle.errors as Record<string, string>)[key], key).toBeTruthy();
      await expect(updateStage(w.director.actor, before.id, { ...asInput(before), childQuestions } as StageInput)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(await stage()).toEqual(before);
  });

  it("another school's director gets NOT_FOUND and changes nothing", async () => {
    const other = await createSchool();
    await prisma.$transaction((tx) => createDefaultStages(tx, other.school.id));
    const otherDirector = await createUser(other.school.id, 'DIRECTOR');
    const before = await stage();
    await expect(updateStage(otherDirector.actor, before.id, { ...asInput(before), childQuestions: ['Overgenomen?'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await stage()).toEqual(before);
  });
});
