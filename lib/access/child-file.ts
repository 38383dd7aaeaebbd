import 'server-only';
import { cache } from 'react';
import type { NoteAudience, Prisma } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { allows, type ResourceKind, type Verb } from './policy';
import { relationTo, type ChildRelation } from './relations';
import { isCareCoordinator, isDirector, isGuardian, isStaff } from './roles';

// The child file's rules (records, agreements, additions, preparations, plans, moments, the export),
// read from the policy table: the guard for one child, the `where` for the parts of its file, and
// what the file page may offer. Household-owned parts (additions, preparations) are limited to the
// household that wrote them; the other household of separated parents sees them only when shared.

type Db = Tx | typeof prisma;

// A page asks for several parts of one file; within one request the relation is the same.
const relationThisRequest = cache((actor: Actor, childId: string) => relationTo(actor, childId, prisma));

/** The guard for one child's file: the actor's relation when the policy allows it, else NOT_FOUND. */
export async function onChildFile<K extends ResourceKind>(actor: Actor, childId: string, kind: K, verb: Verb<K>, db: Db = prisma): Promise<ChildRelation> {
  const rel = db === prisma ? await relationThisRequest(actor, childId) : await relationTo(actor, childId, db);
  if (!allows(kind, verb, rel.relations)) throw new AppError('NOT_FOUND');
  return rel;
}

/** The child's name, for mails and headings, once a guard has let the actor in. */
export function childName(db: Db, childId: string) {
  return db.child.findUniqueOrThrow({ where: { id: childId }, select: { id: true, firstName: true, prefix: true, lastName: true } });
}

/**
 * Something only the guardians invited to a round may do (prepare it): a guardian with authority
 * always, one with information only when the round invites them.
 */
export function mayInRound(rel: ChildRelation, kind: 'preparation', round: { inviteInformationOnly: boolean }) {
  return allows(kind, 'write', rel.relations) || (round.inviteInformationOnly && allows(kind, 'writeIfInvited', rel.relations));
}

/** Talk records as the actor reads them: a guardian the published ones, staff drafts too. */
export function recordScope(actor: Actor): Prisma.TalkRecordWhereInput {
  return isGuardian(actor) ? { publishedAt: { not: null } } : {};
}

/** A preparation is its household's: the other household does not read it; staff do. */
export function preparationScope(actor: Actor, rel: ChildRelation): Prisma.TalkPreparationWhereInput {
  return isGuardian(actor) ? { householdId: rel.householdId ?? '' } : {};
}

/**
 * Parents' additions as the actor may read them: a guardian their own household's, their own, and
 * those the other household shared with both; staff those shared with their role.
 */
export async function noteScope(actor: Actor, rel: ChildRelation, db: Db = prisma): Promise<Prisma.ChildNoteWhereInput> {
  if (isGuardian(actor)) return { OR: [{ householdId: rel.householdId ?? '' }, { authorId: actor.userId }, { sharedWithOtherHousehold: true }] };
  return { visibleTo: { hasSome: await staffAudiences(actor, rel.childId, db) } };
}

/**
 * Which of the parents' sharing choices reach this staff member. "The teacher" is the child's own
 * teacher: the internal supervisor, who sees every file, reads those only for pupils they teach.
 */
async function staffAudiences(actor: Actor, childId: string, db: Db): Promise<NoteAudience[]> {
  if (isDirector(actor)) return ['DIRECTOR'];
  if (!isCareCoordinator(actor)) return ['TEACHER'];
  const teaches = await db.enrolment.count({ where: { childId, schoolId: actor.schoolId, group: { teachers: { some: { userId: actor.userId } } } } });
  return teaches ? ['TEACHER', 'SUPERVISOR'] : ['SUPERVISOR'];
}

/**
 * The guardians of a child as the actor may see them: every name and relation, but another
 * guardian's e-mail and phone only for staff, for the own household, or when the school shares them.
 */
export function withVisibleContacts<G extends { householdId: string; user: { email: string; phone: string | null } }>(rel: ChildRelation, shareGuardianContacts: boolean, guardianships: G[]) {
  const all = allows('guardianContact', 'read', rel.relations) || (shareGuardianContacts && allows('guardianContact', 'readOwnHousehold', rel.relations));
  const own = allows('guardianContact', 'readOwnHousehold', rel.relations);
  return guardianships.map((g) => {
    const visible = all || (own && g.householdId === rel.householdId);
    return { ...g, user: { ...g.user, email: visible ? g.user.email : null, phone: visible ? g.user.phone : null } };
  });
}

/** What the file page may offer this actor for this child (the services refuse the rest anyway). */
export async function fileAbilities(actor: Actor, childId: string) {
  const rel = await relationThisRequest(actor, childId);
  const may = <K extends ResourceKind>(kind: K, verb: Verb<K>) => allows(kind, verb, rel.relations);
  return {
    staff: isStaff(actor),
    guardian: isGuardian(actor),
    auditLog: isDirector(actor),
    changeChild: may('child', 'write'),
    writeRecord: may('record', 'write'),
    confirmRecord: may('record', 'confirm'),
    respondToAgreement: may('agreement', 'respond'),
    writeNote: may('note', 'write'),
    writePlan: may('plan', 'write'),
    writeMoment: may('moment', 'write'),
    export: may('export', 'read'),
  };
}
export type FileAbilities = Awaited<ReturnType<typeof fileAbilities>>;
