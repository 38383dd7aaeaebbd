import 'server-only';
import { childName, noteScope, onChildFile, recordScope } from '@/lib/access/child-file';
import { onlyDirector, isStaff } from '@/lib/access/roles';
import { caseloadGroups } from '@/lib/access/scope';
import type { NoteAudience } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import { translatorFor } from '@/lib/i18n/translator';
import { mailChildGuardians } from '@/lib/mail/guardians';
import { enqueueMail, kickMailDelivery } from '@/lib/mail/outbox';
import { currentSchoolYear } from '@/lib/school/year';
import { auditFile as audit } from './audit';
import type { GuidancePlanInput, RecordInput } from './schemas';

// Talk records and agreements: the shared child file. Staff write (drafts autosave, publishing is
// deliberate); every guardian reads what is published and responds; nothing about a child exists
// that its guardians cannot see once published. Staff reads and writes go to the audit log. Who may
// do what is lib/access's (policy.ts, read through lib/access/child-file.ts).

/** The agenda a new record follows: its stage's topics as they are now. */
async function stageAgenda(tx: Tx, schoolId: string, stageKey: string | null): Promise<string[]> {
  if (!stageKey) return [];
  const stage = await tx.stageDefinition.findUnique({ where: { schoolId_key: { schoolId, key: stageKey } }, select: { agendaTopics: true } });
  return stage?.agendaTopics ?? [];
}

/** Save a draft record with its agreements (replacing the draft's agreements). Published records do not change. */
export async function saveRecord(actor: Actor, input: RecordInput) {
  return prisma.$transaction(async (tx) => {
    await onChildFile(actor, input.childId, 'record', 'write', tx);
    const stageKey = input.stageKey ?? null;
    const data = { kind: input.kind, stageKey, title: input.title, heldOn: new Date(input.heldOn), notes: input.notes };
    let recordId = input.recordId;
    if (recordId) {
      const existing = await tx.talkRecord.findFirst({ where: { id: recordId, schoolId: actor.schoolId, childId: input.childId } });
      if (!existing) throw new AppError('NOT_FOUND');
      if (existing.publishedAt) throw new AppError('CONFLICT');
      // A draft keeps the agenda it was started with, even if the director changes the stage meanwhile.
      const agendaTopics = existing.stageKey === stageKey ? existing.agendaTopics : await stageAgenda(tx, actor.schoolId, stageKey);
      await tx.talkRecord.update({ where: { id: recordId }, data: { ...data, agendaTopics } });
      await tx.agreement.deleteMany({ where: { recordId } });
    } else {
      const agendaTopics = await stageAgenda(tx, actor.schoolId, stageKey);
      recordId = (await tx.talkRecord.create({ data: { ...data, agendaTopics, schoolId: actor.schoolId, childId: input.childId, authorId: actor.userId } })).id;
    }
    for (const a of input.agreements) {
      const created = await tx.agreement.create({
        data: { schoolId: actor.schoolId, childId: input.childId, recordId, owner: a.owner, what: a.what, dueOn: a.dueOn ? new Date(a.dueOn) : null, sharing: a.sharing || null },
      });
      await tx.agreementEvent.create({ data: { schoolId: actor.schoolId, agreementId: created.id, actorId: actor.userId, kind: 'created' } });
    }
    await audit(tx, actor, input.childId, 'write', 'record', recordId);
    return recordId;
  });
}

/** Publish: from now on every guardian reads it; they get a mail. */
export async function publishRecord(actor: Actor, recordId: string, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    const record = await tx.talkRecord.findFirst({ where: { id: recordId, schoolId: actor.schoolId } });
    if (!record) throw new AppError('NOT_FOUND');
    await onChildFile(actor, record.childId, 'record', 'write', tx);
    const child = await childName(tx, record.childId);
    const res = await tx.talkRecord.updateMany({ where: { id: recordId, publishedAt: null }, data: { publishedAt: now } });
    if (res.count !== 1) throw new AppError('CONFLICT');
    await mailChildGuardians(tx, actor.schoolId, record.childId, { namespace: 'mail.record', kind: 'record_published', values: () => ({ child: fullName(child), title: record.title }) });
    await audit(tx, actor, record.childId, 'write', 'publish', recordId);
  });
  kickMailDelivery();
}

/** The child's file: records (guardians: published only) with agreements and their history. */
export async function childFile(actor: Actor, childId: string) {
  await onChildFile(actor, childId, 'record', 'read');
  const records = await prisma.talkRecord.findMany({
    where: { childId, schoolId: actor.schoolId, ...recordScope(actor) },
    orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }],
    include: { agreements: { orderBy: { createdAt: 'asc' }, include: { events: { orderBy: { createdAt: 'asc' } } } } },
  });
  await audit(prisma, actor, childId, 'read', 'file');
  const open = records.filter((r) => r.publishedAt).flatMap((r) => r.agreements.filter((a) => a.status === 'OPEN' || a.status === 'ADJUSTED'));
  return { records, open };
}

/** Staff revisit an agreement: achieved, adjusted, dropped (or open again), with a note. */
export async function setAgreementStatus(actor: Actor, agreementId: string, status: 'OPEN' | 'ACHIEVED' | 'ADJUSTED' | 'DROPPED', note?: string) {
  await prisma.$transaction(async (tx) => {
    const a = await tx.agreement.findFirst({ where: { id: agreementId, schoolId: actor.schoolId } });
    if (!a) throw new AppError('NOT_FOUND');
    await onChildFile(actor, a.childId, 'agreement', 'write', tx);
    await tx.agreement.update({ where: { id: a.id }, data: { status } });
    await tx.agreementEvent.create({ data: { schoolId: actor.schoolId, agreementId: a.id, actorId: actor.userId, kind: 'status', status, note: note || null } });
    await audit(tx, actor, a.childId, 'write', 'agreement', a.id);
  });
}

/**
 * A guardian with authority responds to an agreement of a published record: done, or help needed.
 * The answer is the family's, so a guardian with information only reads it but does not give it.
 */
export async function respondToAgreement(actor: Actor, agreementId: string, kind: 'parent_done' | 'parent_help', note?: string) {
  const a = await prisma.agreement.findFirst({ where: { id: agreementId, schoolId: actor.schoolId, record: { publishedAt: { not: null } } } });
  if (!a) throw new AppError('NOT_FOUND');
  await onChildFile(actor, a.childId, 'agreement', 'respond');
  const child = await childName(prisma, a.childId);
  await prisma.$transaction(async (tx) => {
    await tx.agreementEvent.create({ data: { schoolId: actor.schoolId, agreementId: a.id, actorId: actor.userId, kind, note: note || null } });
    // "Help needed" must not wait for the next talk: the child's teachers hear of it now.
    if (kind === 'parent_help') await mailHelpNeeded(tx, actor, child, a.what, note);
  });
  kickMailDelivery();
}

async function mailHelpNeeded(tx: Tx, actor: Actor, child: { id: string; firstName: string; prefix: string | null; lastName: string }, what: string, note?: string) {
  const year = await currentSchoolYear(actor.schoolId);
  const [parent, teachers] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { firstName: true, prefix: true, lastName: true } }),
    tx.user.findMany({ where: { groupTeachers: { some: { group: { schoolYearId: year?.id, enrolments: { some: { childId: child.id } } } } } }, select: { email: true, firstName: true, locale: true } }),
  ]);
  for (const teacher of teachers) {
    const t = await translatorFor(teacher.locale, 'mail.agreementHelp');
    const v = { name: teacher.firstName, parent: fullName(parent), child: fullName(child), what, note: note || '–' };
    await enqueueMail(tx, { to: teacher.email, schoolId: actor.schoolId, kind: 'agreement_help', subject: t('subject', v), text: t('body', v) });
  }
}

/** A guardian with authority confirms a published record for the family (one field), optionally with a response. */
export async function confirmRecord(actor: Actor, recordId: string, response?: string, now = new Date()) {
  const r = await prisma.talkRecord.findFirst({ where: { id: recordId, schoolId: actor.schoolId, publishedAt: { not: null } } });
  if (!r) throw new AppError('NOT_FOUND');
  await onChildFile(actor, r.childId, 'record', 'confirm');
  await prisma.talkRecord.update({ where: { id: r.id }, data: { parentConfirmedAt: now, parentResponse: response || null } });
}

/** The director inspects who read or changed a child's file. */
export async function fileAuditLog(actor: Actor, childId: string) {
  onlyDirector(actor);
  await onChildFile(actor, childId, 'child', 'read');
  return prisma.fileAudit.findMany({ where: { schoolId: actor.schoolId, childId }, orderBy: { createdAt: 'desc' }, take: 200 });
}

/**
 * A guardian adds information to the child's file and chooses which staff see it. Their own household
 * always reads it; the other household of separated parents only when the writer shares it with both.
 */
export async function addChildNote(actor: Actor, childId: string, text: string, visibleTo: NoteAudience[], sharedWithOtherHousehold = false) {
  const rel = await onChildFile(actor, childId, 'note', 'write');
  return prisma.childNote.create({ data: { schoolId: actor.schoolId, childId, authorId: actor.userId, householdId: rel.householdId, sharedWithOtherHousehold, text, visibleTo } });
}

/** Parent additions as the actor may see them (lib/access/child-file.ts noteScope). */
export async function childNotes(actor: Actor, childId: string) {
  const rel = await onChildFile(actor, childId, 'note', 'read');
  return prisma.childNote.findMany({ where: { AND: [{ childId, schoolId: actor.schoolId }, await noteScope(actor, rel)] }, orderBy: { createdAt: 'desc' } });
}

/** Staff set out what the parent is asked to do at home; every guardian sees it in the file. */
export async function createGuidancePlan(actor: Actor, input: GuidancePlanInput) {
  await onChildFile(actor, input.childId, 'plan', 'write');
  const plan = await prisma.homeGuidancePlan.create({
    data: { schoolId: actor.schoolId, childId: input.childId, authorId: actor.userId, subject: input.subject, parentTask: input.parentTask, how: input.how, howOften: input.howOften, startsOn: new Date(input.startsOn), evaluateOn: new Date(input.evaluateOn) },
  });
  await audit(prisma, actor, input.childId, 'write', 'guidance', plan.id);
  return plan;
}

/** After the agreed period: did it help, and continue, adjust or stop. */
export async function evaluateGuidancePlan(actor: Actor, planId: string, helped: boolean, decision: 'continue' | 'adjust' | 'stop', note?: string, now = new Date()) {
  const plan = await prisma.homeGuidancePlan.findFirst({ where: { id: planId, schoolId: actor.schoolId } });
  if (!plan) throw new AppError('NOT_FOUND');
  await onChildFile(actor, plan.childId, 'plan', 'write');
  await prisma.homeGuidancePlan.update({ where: { id: plan.id }, data: { helped, decision, evaluationNote: note || null, evaluatedAt: now } });
  await audit(prisma, actor, plan.childId, 'write', 'guidanceEvaluation', plan.id);
}

export async function guidancePlans(actor: Actor, childId: string) {
  await onChildFile(actor, childId, 'plan', 'read');
  return prisma.homeGuidancePlan.findMany({ where: { childId, schoolId: actor.schoolId }, orderBy: { startsOn: 'desc' } });
}

/**
 * For the teacher's home: children whose parents said "help needed" on an open agreement that no
 * one at school has revisited since. Names and dates only; the agreement itself is read (and
 * audited) in the file.
 */
export async function helpRequests(actor: Actor) {
  if (!isStaff(actor)) return [];
  const year = await currentSchoolYear(actor.schoolId);
  if (!year) return [];
  const asks = await prisma.agreementEvent.findMany({
    where: {
      schoolId: actor.schoolId, kind: 'parent_help',
      agreement: { status: { in: ['OPEN', 'ADJUSTED'] }, record: { child: { enrolments: { some: { schoolYearId: year.id, group: caseloadGroups(actor, year.id) } } } } },
    },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: {
      id: true, createdAt: true,
      agreement: { select: { events: { where: { kind: 'status' }, orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true } }, record: { select: { child: { select: { id: true, firstName: true, prefix: true, lastName: true } } } } } },
    },
  });
  return asks.filter((a) => !a.agreement.events[0] || a.agreement.events[0].createdAt < a.createdAt).map((a) => ({ id: a.id, at: a.createdAt, child: a.agreement.record.child }));
}
