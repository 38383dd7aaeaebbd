import 'server-only';
import type { Thread } from '@/generated/prisma/client';
import { requireOnChild } from '@/lib/access/relations';
import { isGuardian, onlyGuardian, onlyStaff, roleKey } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fromMessages } from '@/lib/mail/guardians';
import { notifyUsers } from '@/lib/notify/notify';
import { currentSchoolYear } from '@/lib/school/year';
import type { ComplaintInput, QuestionInput, StartInput } from './schemas';
import { householdsOf, taughtGroupIds, threadScope } from './scope';
import { mailHoldsFor, promiseFor } from './working-hours';

// Conversations between a household and the school, with a reply promise for every parent question.
// - A guardian's message that opens a question (none is open on the thread) creates a ReplyPromise
//   whose due moment follows lib/messages/reply-clock.ts; the thread's replyDueAt mirrors the open one.
// - A staff message answers the open promise and clears replyDueAt.
// - Staff hear of a parent's message by mail when their working hours start; guardians of a staff
//   reply per their notification choice (lib/notify).
// Every change is one transaction; the thread row is locked first, so two messages at once cannot
// both open (or both answer) a promise.

type ThreadRow = Pick<Thread, 'id' | 'schoolId' | 'kind' | 'inbox' | 'groupId' | 'childId' | 'subject' | 'assigneeId' | 'concernsUserId' | 'replyDueAt' | 'complaintStep' | 'closedAt'>;

const fail = (field: string, key: string): never => {
  throw new AppError('INVALID_INPUT', undefined, { fieldErrors: { [field]: [`threads.${key}`] } });
};

/** The child's group this school year, if any. */
export async function currentGroupOf(db: Tx | typeof prisma, schoolId: string, childId: string, now = new Date()) {
  const year = await currentSchoolYear(schoolId, now, db);
  if (!year) return null;
  const e = await db.enrolment.findFirst({ where: { schoolId, childId, schoolYearId: year.id }, select: { group: { select: { id: true, name: true } } } });
  return e?.group ?? null;
}

/** Who answers a thread: the group's teachers or the school's directors, plus the colleague it was handed to; never the person a complaint concerns. */
export async function inboxPeople(db: Tx | typeof prisma, t: Pick<ThreadRow, 'schoolId' | 'inbox' | 'groupId' | 'assigneeId' | 'concernsUserId'>) {
  const ids =
    t.inbox === 'GROUP' && t.groupId
      ? (await db.groupTeacher.findMany({ where: { schoolId: t.schoolId, groupId: t.groupId }, select: { userId: true } })).map((r) => r.userId)
      : (await db.membership.findMany({ where: { schoolId: t.schoolId, role: 'DIRECTOR' }, select: { userId: true } })).map((r) => r.userId);
  if (t.assigneeId) ids.push(t.assigneeId);
  return [...new Set(ids)].filter((id) => id !== t.concernsUserId);
}

/** The guardians the thread is with: live guardians in its households (of its child, when it is about one). */
export async function threadGuardians(db: Tx | typeof prisma, t: Pick<ThreadRow, 'id' | 'schoolId' | 'childId'>) {
  const rows = await db.guardianship.findMany({
    where: { schoolId: t.schoolId, endedAt: null, household: { threads: { some: { threadId: t.id } } }, ...(t.childId ? { childId: t.childId } : {}) },
    select: { userId: true },
    distinct: ['userId'],
  });
  return rows.map((r) => r.userId);
}

/**
 * One thread the actor may see, for reading or writing: in their thread scope, and the policy row
 * of the child allows it (a complaint: guardians raise, teacher and director read and answer).
 */
export async function findThread(actor: Actor, threadId: string, verb: 'read' | 'write', db: Tx | typeof prisma = prisma, now = new Date()) {
  const t = await db.thread.findFirst({ where: { AND: [{ id: threadId }, await threadScope(actor, now, db)] } });
  if (!t) throw new AppError('NOT_FOUND');
  if (t.childId) {
    if (t.kind === 'COMPLAINT') await requireOnChild(actor, t.childId, 'complaint', verb === 'write' && isGuardian(actor) ? 'raise' : 'read', db);
    else await requireOnChild(actor, t.childId, 'thread', verb, db);
  }
  return t;
}

const lock = (tx: Tx, threadId: string) => tx.$executeRaw`SELECT 1 FROM "Thread" WHERE id = ${threadId} FOR UPDATE`;

/** A parent's question opens a promise unless one is open already; returns the thread's due moment. */
async function openPromise(tx: Tx, t: ThreadRow, now: Date) {
  if (t.replyDueAt) return t.replyDueAt;
  const { countsFrom, dueAt } = await promiseFor(tx, t.schoolId, await inboxPeople(tx, t), now);
  await tx.replyPromise.create({ data: { schoolId: t.schoolId, threadId: t.id, groupId: t.inbox === 'GROUP' ? t.groupId : null, askedAt: now, countsFrom, dueAt } });
  await tx.thread.update({ where: { id: t.id }, data: { replyDueAt: dueAt } });
  return dueAt;
}

async function addMessage(tx: Tx, actor: Actor, threadId: string, body: string, now: Date) {
  await tx.threadMessage.create({ data: { schoolId: actor.schoolId, threadId, authorId: actor.userId, authorRole: roleKey(actor), body, createdAt: now } });
  await tx.threadRead.upsert({ where: { threadId_userId: { threadId, userId: actor.userId } }, update: { readAt: now }, create: { schoolId: actor.schoolId, threadId, userId: actor.userId, readAt: now } });
}

/** Staff hear of a parent's message when their working hours start (their digest choice respected). */
async function notifyStaff(tx: Tx, t: ThreadRow, authorId: string, now: Date) {
  const ids = (await inboxPeople(tx, t)).filter((id) => id !== authorId);
  if (!ids.length) return;
  const holds = await mailHoldsFor(tx, t.schoolId, ids, now);
  await notifyUsers(tx, {
    schoolId: t.schoolId,
    userIds: ids,
    kind: 'MESSAGE',
    mailKind: 'thread_message',
    digest: { title: t.subject, path: `/berichten/${t.id}` },
    render: fromMessages('mail.threadMessage', () => ({ subject: t.subject })),
    notBefore: (id) => holds.get(id),
  });
}

async function notifyGuardians(tx: Tx, t: ThreadRow, authorId: string, mail: 'threadReply' | 'threadStarted') {
  const ids = (await threadGuardians(tx, t)).filter((id) => id !== authorId);
  await notifyUsers(tx, {
    schoolId: t.schoolId,
    userIds: ids,
    kind: 'MESSAGE',
    mailKind: mail === 'threadReply' ? 'thread_reply' : 'thread_started',
    digest: { title: t.subject, path: `/berichten/${t.id}` },
    render: fromMessages(`mail.${mail}`, () => ({ subject: t.subject })),
  });
}

/** A guardian asks about one of their children (the group's teachers answer) or a school matter (the director). */
export async function askQuestion(actor: Actor, input: QuestionInput, now = new Date()) {
  onlyGuardian(actor);
  return prisma.$transaction(async (tx) => {
    let householdIds: string[];
    let childId: string | null = null;
    let groupId: string | null = null;
    if (input.about === 'school') {
      householdIds = await householdsOf(actor, tx);
      if (!householdIds.length) throw new AppError('NOT_FOUND');
    } else {
      const rel = await requireOnChild(actor, input.about, 'thread', 'write', tx);
      householdIds = [rel.householdId!];
      childId = input.about;
      groupId = (await currentGroupOf(tx, actor.schoolId, childId, now))?.id ?? null;
      if (!groupId) fail('about', 'noGroup');
    }
    const t = await tx.thread.create({
      data: {
        schoolId: actor.schoolId, kind: 'QUESTION', inbox: childId ? 'GROUP' : 'DIRECTOR', groupId, childId, subject: input.subject, startedById: actor.userId, lastMessageAt: now, createdAt: now,
      },
    });
    await tx.threadHousehold.createMany({ data: householdIds.map((householdId) => ({ schoolId: actor.schoolId, threadId: t.id, householdId })) });
    await addMessage(tx, actor, t.id, input.body, now);
    const dueAt = await openPromise(tx, t, now);
    await notifyStaff(tx, t, actor.userId, now);
    return { threadId: t.id, dueAt };
  });
}

/** A worry or complaint: at the teacher's step (the group's inbox) or straight to the director, then optionally about a teacher who will never see it. */
export async function raiseComplaint(actor: Actor, input: ComplaintInput, now = new Date()) {
  onlyGuardian(actor);
  return prisma.$transaction(async (tx) => {
    const rel = await requireOnChild(actor, input.childId, 'complaint', 'raise', tx);
    const group = await currentGroupOf(tx, actor.schoolId, input.childId, now);
    if (input.to === 'TEACHER' && !group) fail('to', 'noGroup');
    if (input.concernsUserId) {
      // Only with the director: at the teacher's step the teacher it concerns would read it.
      if (input.to !== 'DIRECTOR') fail('concernsUserId', 'concernsNeedsDirector');
      const teaches = group && (await tx.groupTeacher.count({ where: { schoolId: actor.schoolId, groupId: group.id, userId: input.concernsUserId } }));
      if (!teaches) throw new AppError('NOT_FOUND');
    }
    const t = await tx.thread.create({
      data: {
        schoolId: actor.schoolId, kind: 'COMPLAINT', inbox: input.to === 'TEACHER' ? 'GROUP' : 'DIRECTOR', complaintStep: input.to, groupId: group?.id ?? null, childId: input.childId,
        concernsUserId: input.concernsUserId ?? null, subject: input.subject, startedById: actor.userId, lastMessageAt: now, createdAt: now,
      },
    });
    await tx.threadHousehold.create({ data: { schoolId: actor.schoolId, threadId: t.id, householdId: rel.householdId! } });
    await addMessage(tx, actor, t.id, input.body, now);
    const dueAt = await openPromise(tx, t, now);
    await notifyStaff(tx, t, actor.userId, now);
    return { threadId: t.id, dueAt };
  });
}

/** A message in a thread: a guardian's opens a question (if none is open), a staff member's answers it. */
export async function postMessage(actor: Actor, threadId: string, body: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    await lock(tx, threadId);
    const t = await findThread(actor, threadId, 'write', tx, now);
    await addMessage(tx, actor, t.id, body, now);
    await tx.thread.update({ where: { id: t.id }, data: { lastMessageAt: now, closedAt: null } });
    if (isGuardian(actor)) {
      const dueAt = await openPromise(tx, t, now);
      await notifyStaff(tx, t, actor.userId, now);
      return { dueAt };
    }
    await tx.replyPromise.updateMany({ where: { schoolId: t.schoolId, threadId: t.id, answeredAt: null }, data: { answeredAt: now, answeredById: actor.userId } });
    await tx.thread.update({ where: { id: t.id }, data: { replyDueAt: null } });
    await notifyGuardians(tx, t, actor.userId, 'threadReply');
    return { dueAt: null };
  });
}

/**
 * Staff start a conversation with a child's guardians. With two households the sender chooses one
 * or both ('all'); a household is never included without being chosen. The thread is in the group's
 * inbox (the director's: the director's inbox); someone who does not teach the group (the internal
 * supervisor) keeps it as theirs (assignee) so it shows in their inbox.
 */
export async function startConversation(actor: Actor, input: StartInput, now = new Date()) {
  onlyStaff(actor);
  return prisma.$transaction(async (tx) => {
    const rel = await requireOnChild(actor, input.childId, 'thread', 'write', tx);
    const households = (await tx.guardianship.findMany({ where: { schoolId: actor.schoolId, childId: input.childId, endedAt: null }, select: { householdId: true }, distinct: ['householdId'] })).map((g) => g.householdId);
    if (!households.length) fail('households', 'noGuardians');
    let chosen: string[];
    if (input.households === 'all') chosen = households;
    else if (input.households) {
      if (!households.includes(input.households)) throw new AppError('NOT_FOUND');
      chosen = [input.households];
    } else if (households.length === 1) chosen = households;
    else chosen = fail('households', 'chooseHousehold');
    const group = await currentGroupOf(tx, actor.schoolId, input.childId, now);
    const director = rel.relations.has('director');
    const teachesGroup = !!group && (await taughtGroupIds(actor, now, tx)).includes(group.id);
    const t = await tx.thread.create({
      data: {
        schoolId: actor.schoolId, kind: 'QUESTION', inbox: director || !group ? 'DIRECTOR' : 'GROUP', groupId: group?.id ?? null, childId: input.childId, subject: input.subject,
        startedById: actor.userId, assigneeId: director || teachesGroup ? null : actor.userId, lastMessageAt: now, createdAt: now,
      },
    });
    await tx.threadHousehold.createMany({ data: chosen.map((householdId) => ({ schoolId: actor.schoolId, threadId: t.id, householdId })) });
    await addMessage(tx, actor, t.id, input.body, now);
    await notifyGuardians(tx, t, actor.userId, 'threadStarted');
    return { threadId: t.id };
  });
}

/** Colleagues a thread may be handed to: the group's other teachers (the duo colleague) and the internal supervisor. */
export async function handOverCandidates(db: Tx | typeof prisma, actor: Actor, t: Pick<ThreadRow, 'schoolId' | 'groupId' | 'kind'>) {
  if (t.kind !== 'QUESTION') return [];
  const users = await db.user.findMany({
    where: {
      id: { not: actor.userId },
      OR: [
        ...(t.groupId ? [{ groupTeachers: { some: { schoolId: t.schoolId, groupId: t.groupId } } }] : []),
        { memberships: { some: { schoolId: t.schoolId, role: 'TEACHER' as const, careCoordinator: true } } },
      ],
    },
    orderBy: [{ firstName: 'asc' }, { lastName: 'asc' }],
    select: { id: true, firstName: true, prefix: true, lastName: true, memberships: { where: { schoolId: t.schoolId }, select: { careCoordinator: true } } },
  });
  return users.map(({ memberships, ...u }) => ({ ...u, care: memberships.some((m) => m.careCoordinator) }));
}

/** Hand a question to the duo colleague or the internal supervisor: it shows in their inbox too; they hear of it by mail. */
export async function handOver(actor: Actor, threadId: string, assigneeId: string, now = new Date()) {
  onlyStaff(actor);
  return prisma.$transaction(async (tx) => {
    await lock(tx, threadId);
    const t = await findThread(actor, threadId, 'write', tx, now);
    if (!(await handOverCandidates(tx, actor, t)).some((c) => c.id === assigneeId)) throw new AppError('NOT_FOUND');
    await tx.thread.update({ where: { id: t.id }, data: { assigneeId } });
    const holds = await mailHoldsFor(tx, t.schoolId, [assigneeId], now);
    await notifyUsers(tx, {
      schoolId: t.schoolId, userIds: [assigneeId], kind: 'MESSAGE', mailKind: 'thread_assigned', digest: { title: t.subject, path: `/berichten/${t.id}` },
      render: fromMessages('mail.threadAssigned', () => ({ subject: t.subject })), notBefore: (id) => holds.get(id),
    });
  });
}

/**
 * The parent takes a complaint to the next step. Teacher → director: with a message saying why; the
 * teacher no longer sees it; a question still open at the teacher's step is withdrawn (deleted: it
 * is no longer theirs to answer, so it counts in no one's figures) and the director's promise starts
 * now. Director → formal procedure: the thread is marked, the school's procedure link is shown.
 */
export async function escalateComplaint(actor: Actor, threadId: string, body: string | undefined, now = new Date()) {
  onlyGuardian(actor);
  return prisma.$transaction(async (tx) => {
    await lock(tx, threadId);
    const t = await findThread(actor, threadId, 'write', tx, now);
    if (t.kind !== 'COMPLAINT') throw new AppError('NOT_FOUND');
    if (t.complaintStep === 'TEACHER') {
      if (!body) fail('body', 'whyDirector');
      await tx.replyPromise.deleteMany({ where: { schoolId: t.schoolId, threadId: t.id, answeredAt: null } });
      const moved = await tx.thread.update({ where: { id: t.id }, data: { inbox: 'DIRECTOR', complaintStep: 'DIRECTOR', assigneeId: null, replyDueAt: null, closedAt: null, lastMessageAt: now } });
      await addMessage(tx, actor, t.id, body!, now);
      await openPromise(tx, moved, now);
      await notifyStaff(tx, moved, actor.userId, now);
      return 'DIRECTOR' as const;
    }
    if (t.complaintStep === 'DIRECTOR') {
      await tx.thread.update({ where: { id: t.id }, data: { complaintStep: 'FORMAL', closedAt: null } });
      if (body) {
        await addMessage(tx, actor, t.id, body, now);
        await tx.thread.update({ where: { id: t.id }, data: { lastMessageAt: now } });
      }
      return 'FORMAL' as const;
    }
    throw new AppError('CONFLICT');
  });
}

/** Close a thread (the matter is settled) or open it again; a new message opens it as well. */
export async function setThreadClosed(actor: Actor, threadId: string, closed: boolean, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    await lock(tx, threadId);
    const t = await findThread(actor, threadId, 'write', tx, now);
    await tx.thread.update({ where: { id: t.id }, data: { closedAt: closed ? now : null } });
  });
}

/** The actor has seen the thread up to now (for unread marks). */
export async function markRead(actor: Actor, threadId: string, now = new Date()) {
  await prisma.threadRead.upsert({ where: { threadId_userId: { threadId, userId: actor.userId } }, update: { readAt: now }, create: { schoolId: actor.schoolId, threadId, userId: actor.userId, readAt: now } });
}
