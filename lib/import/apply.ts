import 'server-only';
import { onlyDirector } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { type Db, prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { currentSchoolYear, yearHasEnded } from '@/lib/school/year';
import { auditFile } from '@/lib/records/audit';
import { cancelBookingsOfEndedGuardianships } from '@/lib/bookings/ended-guardianships';
import { kickMailDelivery } from '@/lib/mail/outbox';
import { type ImportMode, type ImportPlan, planImport } from './plan';

export type ImportFiles = { pupils?: string; staff?: string };
/** Which school year the files describe: the current one unless the director picks a later one (the rollover). */
export type ImportOptions = ImportMode & { yearId?: string };

/** The year to import into: one of this school's years that has not ended yet. */
async function targetYear(db: Db | Tx, actor: Actor, yearId: string | undefined, now: Date) {
  const year = yearId ? await db.schoolYear.findFirst({ where: { id: yearId, schoolId: actor.schoolId } }) : await currentSchoolYear(actor.schoolId, now, db);
  if (!year) throw new AppError('NOT_FOUND');
  // Last year stays as it was: its groups are what its talks and records were held in.
  if (yearHasEnded(year, now)) throw new AppError('IN_THE_PAST');
  return year;
}

/** Preview: plan against the chosen school year, write nothing. */
export async function previewImport(actor: Actor, files: ImportFiles, { yearId, ...mode }: ImportOptions = {}, now = new Date()) {
  onlyDirector(actor);
  const year = await targetYear(prisma, actor, yearId, now);
  return planImport(prisma, actor.schoolId, year.id, files, mode);
}

/** Confirm: re-plan inside one transaction and write all of it, or nothing when any row is rejected. */
export async function applyImport(actor: Actor, files: ImportFiles, { yearId, ...mode }: ImportOptions = {}, now = new Date()) {
  onlyDirector(actor);
  const applied = await prisma.$transaction(async (tx) => {
    const year = await targetYear(tx, actor, yearId, now);
    const plan = await importInto(tx, actor.schoolId, year.id, files, mode);
    await endMissing(tx, actor, plan, now);
    return plan;
  }, { maxWait: 10_000, timeout: 120_000 });
  kickMailDelivery(); // cancel mails of talks nobody is left to come to
  return applied;
}

/** The writing half, shared with the demo seed (which runs it in its own transaction). */
export async function importInto(tx: Tx, schoolId: string, schoolYearId: string, files: ImportFiles, mode: ImportMode = {}): Promise<ImportPlan> {
  const plan = await planImport(tx, schoolId, schoolYearId, files, mode);
  if (plan.rejected.length) throw new AppError('INVALID_INPUT');

  // Groups
  await tx.group.createMany({ data: plan.groups.filter((g) => !g.id).map((g) => ({ schoolId, schoolYearId, name: g.name, grade: g.grade })) });
  for (const g of plan.groups.filter((x) => x.gradeChanged)) await tx.group.update({ where: { id: g.id }, data: { grade: g.grade } });
  const groupId = new Map((await tx.group.findMany({ where: { schoolId, schoolYearId }, select: { id: true, name: true } })).map((g) => [g.name, g.id]));

  // People and their roles at this school
  await tx.user.createMany({
    data: plan.people.filter((p) => !p.id).map((p) => ({ email: p.email, firstName: p.firstName, prefix: p.prefix, lastName: p.lastName, phone: p.phone })),
    skipDuplicates: true,
  });
  for (const p of plan.people.filter((x) => x.id && x.changed.length)) {
    await tx.user.update({ where: { id: p.id }, data: Object.fromEntries(p.changed.map((f) => [f, p[f as keyof typeof p]])) });
  }
  const userId = new Map((await tx.user.findMany({ where: { email: { in: plan.people.map((p) => p.email) } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  await tx.membership.createMany({
    data: plan.people.flatMap((p) => p.missingRoles.map((role) => ({ schoolId, userId: userId.get(p.email)!, role }))),
    skipDuplicates: true,
  });
  // Only ever switched on here: the director may name more supervisors than the file lists.
  if (plan.careCoordinators.length) {
    await tx.membership.updateMany({ where: { schoolId, role: 'TEACHER', careCoordinator: false, userId: { in: plan.careCoordinators.map((e) => userId.get(e)!) } }, data: { careCoordinator: true } });
  }

  // Children and their group this year
  await tx.child.createMany({
    data: plan.children.filter((c) => !c.id).map((c) => ({ schoolId, pupilNumber: c.pupilNumber, firstName: c.firstName, prefix: c.prefix, lastName: c.lastName, dateOfBirth: c.dateOfBirth })),
  });
  for (const c of plan.children.filter((x) => x.id && x.changed.length)) {
    await tx.child.update({ where: { id: c.id }, data: Object.fromEntries(c.changed.map((f) => [f, c[f as keyof typeof c]])) });
  }
  const childId = new Map((await tx.child.findMany({ where: { schoolId, pupilNumber: { in: plan.children.map((c) => c.pupilNumber) } }, select: { id: true, pupilNumber: true } })).map((c) => [c.pupilNumber, c.id]));
  const moved = plan.children.filter((c) => c.groupChanged);
  await tx.enrolment.deleteMany({ where: { schoolYearId, childId: { in: moved.map((c) => childId.get(c.pupilNumber)!) } } });
  await tx.enrolment.createMany({ data: moved.map((c) => ({ schoolId, schoolYearId, childId: childId.get(c.pupilNumber)!, groupId: groupId.get(c.group)! })) });

  // Households and guardianships
  await tx.household.createMany({ data: plan.households.map((key) => ({ schoolId, key })), skipDuplicates: true });
  const householdId = new Map((await tx.household.findMany({ where: { schoolId, key: { in: plan.households } }, select: { id: true, key: true } })).map((h) => [h.key, h.id]));
  await tx.guardianship.createMany({
    data: plan.guardianships
      .filter((g) => !g.id)
      .map((g) => ({ schoolId, childId: childId.get(g.pupilNumber)!, userId: userId.get(g.email)!, householdId: householdId.get(g.householdKey)!, right: g.right, relation: g.relation })),
  });
  for (const g of plan.guardianships.filter((x) => x.id && x.changed.length)) {
    await tx.guardianship.update({ where: { id: g.id }, data: { right: g.right, relation: g.relation, householdId: householdId.get(g.householdKey)! } });
  }

  // Teachers on groups (duo teachers: both list the group)
  await tx.groupTeacher.createMany({
    data: plan.teacherAssignments.filter((a) => !a.exists).map((a) => ({ schoolId, groupId: groupId.get(a.group)!, userId: userId.get(a.email)! })),
    skipDuplicates: true,
  });
  return plan;
}

/**
 * End what the file no longer lists, in the import's transaction (sync; in a rollover also without
 * sync, the pupils of last year who are not in the new year's file). Guardianships end (logged in
 * each child's audit trail) and a guardian without any child left here loses the membership; pupils
 * missing from the file have left the school (their file is kept for the retention period); teachers
 * no longer listed for a group this year are taken off it.
 */
async function endMissing(tx: Tx, actor: Actor, plan: ImportPlan, now: Date) {
  const schoolId = actor.schoolId;
  if (plan.losing.length) {
    await tx.guardianship.updateMany({ where: { schoolId, id: { in: plan.losing.map((g) => g.guardianshipId) }, endedAt: null }, data: { endedAt: now, endReason: 'IMPORT_SYNC' } });
    for (const g of plan.losing) await auditFile(tx, actor, g.childId, 'write', 'guardianEnded', `IMPORT_SYNC ${g.userId}`);
    await cancelBookingsOfEndedGuardianships(tx, { schoolId, guardianshipIds: plan.losing.map((g) => g.guardianshipId), now, actorId: actor.userId });
    const stillGuardian = new Set(
      (await tx.guardianship.findMany({ where: { schoolId, endedAt: null, userId: { in: plan.losing.map((g) => g.userId) } }, select: { userId: true } })).map((g) => g.userId),
    );
    await tx.membership.deleteMany({ where: { schoolId, role: 'GUARDIAN', userId: { in: plan.losing.map((g) => g.userId).filter((u) => !stillGuardian.has(u)) } } });
  }
  if (plan.leaving.length) {
    // A rollover prepared in July: they leave when this year ends, and keep their place until then.
    const leftAt = plan.rollover?.leavesOn ?? now;
    await tx.child.updateMany({ where: { schoolId, id: { in: plan.leaving.map((c) => c.childId) }, leftAt: null }, data: { leftAt } });
    for (const c of plan.leaving) await auditFile(tx, actor, c.childId, 'write', 'leftSchool');
  }
  if (plan.unassigned.length) {
    await tx.groupTeacher.deleteMany({ where: { schoolId, OR: plan.unassigned.map((a) => ({ groupId: a.groupId, userId: a.userId })) } });
  }
}
