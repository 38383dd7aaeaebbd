/**
 * The child's own questions as they were fixed in code before each stage worded them itself
 * (StageDefinition.childQuestions). Preparations saved then keep these keys; they are shown with
 * their translation under "prepare.child", and the Dutch wording (the default, and what the
 * migration gave existing stages) lets the form carry an old answer over to the same question.
 */
export const LEGACY_CHILD_QUESTIONS = {
  howAreYou: 'Hoe gaat het met je?',
  likeSchool: 'Ga je graag naar school? Waarom wel of niet?',
  likeDislike: 'Wat vind je leuk en wat minder leuk op school?',
  learning: 'Wat ben je aan het leren? Vind je dat makkelijk of moeilijk?',
  goal: 'Wat wil je de komende tijd leren?',
  ownPart: 'Wat ga je zelf doen om dat te leren?',
  help: 'Hoe kunnen de klas, je juf of meester en je ouders je helpen?',
} as const;
export type LegacyChildQuestion = keyof typeof LEGACY_CHILD_QUESTIONS;
export const DEFAULT_CHILD_QUESTIONS: string[] = Object.values(LEGACY_CHILD_QUESTIONS);

export const isLegacyChildQuestion = (key: string): key is LegacyChildQuestion => Object.hasOwn(LEGACY_CHILD_QUESTIONS, key);

/** A saved answer to this question: under its wording, or under the old key with the same Dutch wording. */
export function childAnswerTo(saved: Record<string, string> | undefined, question: string): string {
  if (!saved) return '';
  if (saved[question]) return saved[question];
  const legacy = Object.entries(LEGACY_CHILD_QUESTIONS).find(([, wording]) => wording === question)?.[0];
  return (legacy && saved[legacy]) || '';
}

/** The child's answers in the stage's order; old keys after the current questions, in their old order. */
export function childAnswersInOrder(values: unknown, questions: readonly string[]): Record<string, string> {
  return inAgendaOrder(values, [...questions, ...Object.keys(LEGACY_CHILD_QUESTIONS)]);
}

/**
 * Answers and notes are stored per agenda topic in jsonb, which does not keep key order; this puts
 * them back in the order of the stage's agenda (topics no longer on the agenda go last).
 */
export function inAgendaOrder(values: unknown, topics: readonly string[]): Record<string, string> {
  const all = (values ?? {}) as Record<string, string>;
  const rank = (k: string) => (topics.includes(k) ? topics.indexOf(k) : topics.length);
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => rank(a) - rank(b)));
}
