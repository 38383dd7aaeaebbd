/** The child's own questions (translated under "prepare.child"), from the well-being agenda of 000 §4.1. */
export const CHILD_QUESTIONS = ['howAreYou', 'likeSchool', 'likeDislike', 'learning', 'goal', 'ownPart', 'help'] as const;
export type ChildQuestion = (typeof CHILD_QUESTIONS)[number];
