import 'server-only';
import { onlyDirector } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { issueSignInLink } from '@/lib/auth/sign-in-link';
import { cancelBookingsOfEndedGuardianships } from '@/lib/bookings/ended-guardianships';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { translatorFor } from '@/lib/i18n/translator';
import { enqueueMail, kickMailDelivery } from '@/lib/mail/outbox';
import { auditFile } from '@/lib/records/audit';
import { currentSchoolYear } from '@/lib/school/year';
import type { EndGuardianshipInput, InviteInput, FamilySettingsInput } from './schemas';

// The director's hand on who is on the team and which guardian has access. Each function checks the
// actor and scopes every lookup to the actor's school: anything outside it is NOT_FOUND.

/** An invitation link lasts a week: a new colleague may not read their mail the same quarter hour. */
export const INVITE_VALID_MINUTES = 7 * 24 * 60;
const STAFF_ROLES = ['TEACHER', 'DIRECTOR'] as const;

/** A field-level refusal the form shows next to the field (the message is a key under "errors"). */
export class FieldError extends AppError {
  constructor(
    public readonly field: string,
    public readonly messageKey: string,
  ) {
    super('INVALID_INPUT', messageKey, { fieldErrors: { [field]: [messageKey] } });
  }
}

/**
 * Invite a teacher (optionally the internal supervisor): a new user, or one known from elsewhere
 * (a parent here, staff at another school) whose name is then left as it is: this school cannot
 * rename a person another school also knows. The membership and the mail with a sign-in link are
 * written together, so there is no invitation without access nor access without invitation.
 */
export async function inviteStaff(actor: Actor, input: InviteInput, baseUrl: string, now = new Date()) {
  onlyDirector(actor);
  const result = await prisma.$transaction(async (tx) => {
    const school = await tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { name: true } });
    const known = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, firstName: true, locale: true, memberships: { where: { schoolId: actor.schoolId }, select: { role: true } } } });
    if (known?.memberships.some((m) => m.role === 'TEACHER' || m.role === 'DIRECTOR')) throw new FieldError('email', 'alreadyOnTeam');
    const user =
      known ?? (await tx.user.create({ data: { email: input.email, firstName: input.firstName, prefix: input.prefix, lastName: input.lastName }, select: { id: true, firstName: true, locale: true } }));
    const membership = await tx.membership.create({ data: { schoolId: actor.schoolId, userId: user.id, role: 'TEACHER', careCoordinator: input.careCoordinator } });
    const link = await issueSignInLink(tx, user.id, baseUrl, INVITE_VALID_MINUTES, now);
    const t = await translatorFor(user.locale, 'mail.teamInvite');
    await enqueueMail(tx, { to: input.email, schoolId: actor.schoolId, kind: 'team_invite', subject: t('subject', { school: school.name }), text: t('body', { name: user.firstName, school: school.name, link, days: 7 }) });
    return { userId: user.id, membershipId: membership.id };
  });
  kickMailDelivery();
  return result;
}

async function staffMember(tx: Tx, actor: Actor, membershipId: string) {
  const m = await tx.membership.findFirst({ where: { id: membershipId, schoolId: actor.schoolId, role: { in: [...STAFF_ROLES] } }, select: { userId: true } });
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

/**
 * Someone left: their staff memberships here and their groups this year go, and every session they
 * have ends now (a session is per person, not per school, so a colleague also working elsewhere
 * signs in again there). The person stays: records, agreements and notes name their author by id.
 */
export async function deactivateStaff(actor: Actor, membershipId: string, now = new Date()) {
  onlyDirector(actor);
  await prisma.$transaction(async (tx) => {
    const { userId } = await staffMember(tx, actor, membershipId);
    if (userId === actor.userId) throw new FieldError('membershipId', 'notYourself');
    const year = await currentSchoolYear(actor.schoolId, now, tx);
    if (year) await tx.groupTeacher.deleteMany({ where: { schoolId: actor.schoolId, userId, group: { schoolYearId: year.id } } });
    await tx.membership.deleteMany({ where: { schoolId: actor.schoolId, userId, role: { in: [...STAFF_ROLES] } } });
    await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
  });
}

/** A lost password or a shared one: no password any more and every session ends; they sign in with an e-mail link and choose a new one. */
export async function resetSignIn(actor: Actor, membershipId: string, now = new Date()) {
  onlyDirector(actor);
  await prisma.$transaction(async (tx) => {
    const { userId } = await staffMember(tx, actor, membershipId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash: null } });
    await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
    await tx.loginToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  });
}

/** Who teaches a group this school year (duo teachers: two or more); replaces the group's list. */
export async function setGroupTeachers(actor: Actor, groupId: string, userIds: string[]) {
  onlyDirector(actor);
  await prisma.$transaction(async (tx) => {
    const year = await currentSchoolYear(actor.schoolId, new Date(), tx);
    const group = year && (await tx.group.findFirst({ where: { id: groupId, schoolId: actor.schoolId, schoolYearId: year.id }, select: { id: true } }));
    if (!group) throw new AppError('NOT_FOUND');
    const ids = [...new Set(userIds)];
    const staff = await tx.membership.findMany({ where: { schoolId: actor.schoolId, userId: { in: ids }, role: { in: [...STAFF_ROLES] } }, select: { userId: true } });
    if (new Set(staff.map((s) => s.userId)).size !== ids.length) throw new AppError('NOT_FOUND');
    await tx.groupTeacher.deleteMany({ where: { groupId, schoolId: actor.schoolId, userId: { notIn: ids } } });
    await tx.groupTeacher.createMany({ data: ids.map((userId) => ({ schoolId: actor.schoolId, groupId, userId })), skipDuplicates: true });
  });
}

/**
 * End one guardian's access to one child (a court order, moved away, ...). From the next request on
 * the child is outside their scope (lib/access/scope.ts counts live guardianships only). The row stays
 * with the reason, so a re-import does not quietly give access back; the child's audit log records it.
 * A guardian left without any child at this school loses their membership here too, and talks booked
 * that nobody with access is left for are cancelled (lib/bookings/ended-guardianships.ts).
 */
export async function endGuardianship(actor: Actor, input: EndGuardianshipInput, now = new Date()) {
  onlyDirector(actor);
  await prisma.$transaction(async (tx) => {
    const ended = await tx.guardianship.updateManyAndReturn({
      where: { id: input.guardianshipId, schoolId: actor.schoolId, endedAt: null },
      data: { endedAt: now, endReason: input.reason, endNote: input.note },
      select: { childId: true, userId: true },
    });
    if (ended.length !== 1) throw new AppError('NOT_FOUND');
    const { childId, userId } = ended[0];
    await auditFile(tx, actor, childId, 'write', 'guardianEnded', `${input.reason} ${userId}`);
    const stillGuardian = await tx.guardianship.count({ where: { schoolId: actor.schoolId, userId, endedAt: null } });
    if (!stillGuardian) await tx.membership.deleteMany({ where: { schoolId: actor.schoolId, userId, role: 'GUARDIAN' } });
    await cancelBookingsOfEndedGuardianships(tx, { schoolId: actor.schoolId, guardianshipIds: [input.guardianshipId], now, actorId: actor.userId });
  });
  kickMailDelivery();
}

/** The school's family settings: the director's, one row, written as one change. */
export async function setFamilySettings(actor: Actor, input: FamilySettingsInput) {
  onlyDirector(actor);
  await prisma.school.update({ where: { id: actor.schoolId }, data: { shareGuardianContacts: input.shareGuardianContacts } });
}
