import type { Prisma, SurveyAudience } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { allows, type Relation, type SchoolKind, type Verb } from './policy';
import { isCareCoordinator, isDirector, isGuardian, onlyStaff } from './roles';

// School-wide things, not about one child (the charter, surveys, group events): the actor's relation
// is their role at the school, read against the same table (./policy.ts) as the child's file.

/**
 * A guardian counts with the weakest guardian relation here (information only), so a school-wide
 * verb is for every guardian or for none; a guardian's right per child is asked in ./relations.ts.
 */
function schoolRelations(actor: Pick<Actor, 'role' | 'care'>): Relation[] {
  if (isGuardian(actor)) return ['information'];
  if (isDirector(actor)) return ['director'];
  return isCareCoordinator(actor) ? ['teacher', 'care'] : ['teacher'];
}

/** Whether the actor may do `verb` on a school-wide kind. */
export function mayAtSchool<K extends SchoolKind>(actor: Pick<Actor, 'role' | 'care'>, kind: K, verb: Verb<K>) {
  return allows(kind, verb, schoolRelations(actor));
}

/** The guard: NOT_FOUND when the table does not allow it. */
export function requireAtSchool<K extends SchoolKind>(actor: Pick<Actor, 'role' | 'care'>, kind: K, verb: Verb<K>) {
  if (!mayAtSchool(actor, kind, verb)) throw new AppError('NOT_FOUND');
}

/** Charter versions the actor may open: the director also the unpublished draft. */
export function charterVersionScope(actor: Actor): Prisma.CharterVersionWhereInput {
  return { schoolId: actor.schoolId, ...(mayAtSchool(actor, 'charter', 'write') ? {} : { publishedAt: { not: null } }) };
}

/** Which survey audience the actor answers as: guardians as parents, staff as the team. */
export const surveyAudienceOf = (actor: Actor): SurveyAudience => (isGuardian(actor) ? 'GUARDIANS' : 'TEAM');

/**
 * Groups whose events a staff member plans and registers attendance for, in any school year: a
 * teacher the groups they teach (duo colleagues both), the director all of the school. Guardians: NOT_FOUND.
 */
export function eventGroupScope(actor: Actor): Prisma.GroupWhereInput {
  onlyStaff(actor);
  return { schoolId: actor.schoolId, ...(isDirector(actor) ? {} : { teachers: { some: { userId: actor.userId } } }) };
}

/**
 * Who an item for the whole school or for some groups (an announcement, a meeting, an activity)
 * reaches, as the pieces each model composes: null for the director and the internal supervisor
 * (all of the school's); otherwise the groups whose items the actor sees — a guardian's children's
 * groups (information-only guardians too), a teacher's own — and what whole-school items ask of the
 * school: a guardian must still have live access to a child there (undefined: nothing, for staff).
 * Staff also see the items they made themselves; the caller adds that, by its own author field.
 */
export function schoolItemAudience(actor: Actor): null | { groups: Prisma.GroupWhereInput; wholeSchool?: Prisma.SchoolWhereInput } {
  if (isDirector(actor) || isCareCoordinator(actor)) return null;
  if (isGuardian(actor)) {
    const live = { userId: actor.userId, schoolId: actor.schoolId, endedAt: null };
    return { groups: { enrolments: { some: { child: { guardianships: { some: live } } } } }, wholeSchool: { guardianships: { some: live } } };
  }
  return { groups: { teachers: { some: { userId: actor.userId } } } };
}
