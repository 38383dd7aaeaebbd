import { z } from 'zod';

// A stage of the school's talk cycle as the director edits it. Messages are keys under "cycle.errors".

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(blankToNull, z.coerce.number(message).int(message).min(min, message).max(max, message).nullable());

const grade = z.coerce.number('gradeRange').int('gradeRange').min(1, 'gradeRange').max(8, 'gradeRange');
const grades = z
  .array(grade)
  .max(8, 'gradeRange')
  .transform((gs) => [...new Set(gs)].sort((a, b) => a - b));

/** One line each (a textarea), or already a list. */
const lines = z
  .union([z.string().max(10_000, 'tooLong').transform((v) => v.split('\n')), z.array(z.string())])
  .transform((ls) => ls.map((l) => l.trim()).filter(Boolean));

// Answers and notes are stored under the topic's (question's) wording, so two equal ones would share one.
const topics = lines
  .pipe(z.array(z.string().max(300, 'tooLong')).min(1, 'agendaRequired').max(30, 'tooManyTopics'))
  .refine((ls) => new Set(ls).size === ls.length, 'duplicateTopic');

/** The child's own preparation questions; none is fine (the child then only joins the talk). */
const questions = lines
  .pipe(z.array(z.string().max(200, 'tooLong')).max(15, 'tooManyQuestions'))
  .refine((ls) => new Set(ls).size === ls.length, 'duplicateQuestion');

export const stageSchema = z
  .object({
    name: z.string('nameRequired').trim().min(1, 'nameRequired').max(100, 'tooLong'),
    period: z.string().trim().max(100, 'tooLong').default(''),
    fromWeek: optionalInt(1, 53, 'weekRange'),
    toWeek: optionalInt(1, 53, 'weekRange'),
    durationMinutes: z.coerce.number('durationRange').int('durationRange').min(1, 'durationRange').max(120, 'durationRange'),
    isGroupEvent: z.boolean().default(false),
    childPresentFromGrade: optionalInt(1, 8, 'gradeRange'),
    mandatoryGrades: grades,
    optionalGrades: grades,
    agendaTopics: topics,
    parentPreparation: z.boolean().default(false),
    childQuestions: questions.default([]),
  })
  .superRefine((s, ctx) => {
    if (s.mandatoryGrades.some((g) => s.optionalGrades.includes(g))) ctx.addIssue({ code: 'custom', path: ['optionalGrades'], message: 'gradesOverlap' });
    if (s.toWeek !== null && s.fromWeek === null) ctx.addIssue({ code: 'custom', path: ['fromWeek'], message: 'weekOrder' });
    if (s.toWeek !== null && s.fromWeek !== null && s.toWeek < s.fromWeek) ctx.addIssue({ code: 'custom', path: ['toWeek'], message: 'weekOrder' });
  });
export type StageInput = z.output<typeof stageSchema>;

/** The stage form posts grades as repeated checkboxes, the agenda and the child's questions as textareas. */
export function stageFromForm(formData: FormData) {
  return {
    name: formData.get('name') ?? '',
    period: formData.get('period') ?? '',
    fromWeek: formData.get('fromWeek') ?? '',
    toWeek: formData.get('toWeek') ?? '',
    durationMinutes: formData.get('durationMinutes') ?? '',
    isGroupEvent: formData.get('isGroupEvent') === 'on',
    childPresentFromGrade: formData.get('childPresentFromGrade') ?? '',
    mandatoryGrades: formData.getAll('mandatoryGrades').map(String),
    optionalGrades: formData.getAll('optionalGrades').map(String),
    agendaTopics: String(formData.get('agendaTopics') ?? ''),
    parentPreparation: formData.get('parentPreparation') === 'on',
    childQuestions: String(formData.get('childQuestions') ?? ''),
  };
}
