/** The child's own questions (translated under "prepare.child"), from the well-being agenda of 000 §4.1. */
export const CHILD_QUESTIONS = ['howAreYou', 'likeSchool', 'likeDislike', 'learning', 'goal', 'ownPart', 'help'] as const;
export type ChildQuestion = (typeof CHILD_QUESTIONS)[number];

/**
 * Answers and notes are stored per agenda topic in jsonb, which does not keep key order; this puts
 * them back in the order of the stage's agenda (topics no longer on the agenda go last).
 */
export function inAgendaOrder(values: unknown, topics: readonly string[]): Record<string, string> {
  const all = (values ?? {}) as Record<string, string>;
  const rank = (k: string) => (topics.includes(k) ? topics.indexOf(k) : topics.length);
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => rank(a) - rank(b)));
}
