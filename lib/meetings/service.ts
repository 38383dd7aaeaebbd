import 'server-only';
import { isDirector } from '@/lib/access/roles';
import { requireAtSchool } from '@/lib/access/school';
import { groupScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { formatTalkTime, zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { fromMessages } from '@/lib/mail/guardians';
import { kickMailDelivery } from '@/lib/mail/outbox';
import { notifyUsers } from '@/lib/notify/notify';
import { portalUrl } from '@/lib/notify/url';
import { currentSchoolYear } from '@/lib/school/year';
import type { MeetingInput, RsvpInput } from './schemas';
import { meetingScope, registerGroups } from './scope';
import { invitedByGroup, invitedGuardians } from './turnout';

// Meetings beyond the information evening: staff invite groups (the director also the whole school),
// families answer per household (the latest answer counts) until the start, get one reminder the day
// before unless they said no, and are ticked present on the evening.

const path = (id: string) => `/bijeenkomsten/${id}`;
const meetingRef = { id: true, schoolId: true, wholeSchool: true, startsAt: true, endsAt: true, createdById: true, targetPercent: true, title: true, description: true, location: true, groups: { select: { groupId: true } } } as const;

function meetingMail(namespace: 'mail.meetingInvitation' | 'mail.meetingReminder', m: { id: string; title: string; description: string; location: string | null; startsAt: Date }) {
  return fromMessages(namespace, (to) => ({ title: m.title, text: m.description, when: formatTalkTime(m.startsAt, to.locale), location: m.location ?? '', hasLocation: m.location ? 'yes' : 'no', url: portalUrl(path(m.id)) }));
}

async function findVisible(db: Tx | typeof prisma, actor: Actor, id: string) {
  const m = await db.meeting.findFirst({ where: { AND: [{ id }, meetingScope(actor)] }, select: meetingRef });
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

/** Create a meeting and invite its families' guardians (one notice per person). */
export async function createMeeting(actor: Actor, input: MeetingInput, now = new Date()) {
  requireAtSchool(actor, 'meeting', 'write');
  const wholeSchool = input.audience === 'school';
  // The whole school is the director's; a teacher invites the groups they teach.
  if (wholeSchool && !isDirector(actor)) throw new AppError('NOT_FOUND');
  const startsAt = zonedToUtc(`${input.date}T${input.from}`);
  const endsAt = zonedToUtc(`${input.date}T${input.to}`);
  if (startsAt <= now) throw new AppError('IN_THE_PAST', 'starts in the past', { fieldErrors: { date: ['IN_THE_PAST'] } });
  const year = await currentSchoolYear(actor.schoolId, startsAt);
  if (!year) throw new AppError('NOT_FOUND');
  const groupIds = wholeSchool ? [] : [...new Set(input.groupIds)];
  const id = await prisma.$transaction(
    async (tx) => {
      if ((await tx.group.count({ where: { AND: [{ id: { in: groupIds } }, groupScope(actor, year.id)] } })) !== groupIds.length) throw new AppError('NOT_FOUND');
      const m = await tx.meeting.create({
        data: { schoolId: actor.schoolId, kind: input.kind, title: input.title, description: input.description, location: input.location || null, startsAt, endsAt, wholeSchool, targetPercent: input.targetPercent, createdById: actor.userId, createdAt: now },
      });
      if (groupIds.length) await tx.meetingGroup.createMany({ data: groupIds.map((groupId) => ({ schoolId: actor.schoolId, meetingId: m.id, groupId })) });
      const to = await invitedGuardians(tx, { ...m, groups: groupIds.map((groupId) => ({ groupId })) });
      await notifyUsers(tx, {
        schoolId: actor.schoolId,
        userIds: to.map((g) => g.userId),
        kind: 'ANNOUNCEMENT',
        mailKind: 'meeting_invitation',
        digest: { title: m.title, path: path(m.id) },
        render: meetingMail('mail.meetingInvitation', m),
      });
      return m.id;
    },
    { timeout: 60_000 },
  );
  kickMailDelivery();
  return id;
}

/** The actor's invited households for a meeting (a guardian in two households answers for each). */
async function ownHouseholds(db: Tx | typeof prisma, actor: Actor, m: Awaited<ReturnType<typeof findVisible>>) {
  return [...new Set((await invitedGuardians(db, m)).filter((g) => g.userId === actor.userId).map((g) => g.householdId))];
}

/** Answer for the household: yes / no / maybe and how many people; the latest answer counts, until the start. */
export async function answerRsvp(actor: Actor, input: RsvpInput, now = new Date()) {
  requireAtSchool(actor, 'meeting', 'rsvp');
  await prisma.$transaction(async (tx) => {
    const m = await findVisible(tx, actor, input.meetingId);
    const households = await ownHouseholds(tx, actor, m);
    if (!households.length) throw new AppError('NOT_FOUND');
    if (m.startsAt <= now) throw new AppError('DEADLINE_PASSED');
    const people = input.answer === 'NO' ? 0 : input.people;
    for (const householdId of households) {
      await tx.meetingRsvp.upsert({
        where: { meetingId_householdId: { meetingId: m.id, householdId } },
        create: { schoolId: actor.schoolId, meetingId: m.id, householdId, answer: input.answer, people, answeredById: actor.userId, answeredAt: now },
        update: { answer: input.answer, people, answeredById: actor.userId, answeredAt: now },
      });
    }
  });
}

/** Tick a household present (or not) on the evening; only households invited in groups the actor registers. */
export async function markAttendance(actor: Actor, input: { meetingId: string; householdId: string; present: boolean }, now = new Date()) {
  requireAtSchool(actor, 'meeting', 'register');
  await prisma.$transaction(async (tx) => {
    const m = await findVisible(tx, actor, input.meetingId);
    const groups = await invitedByGroup(tx, m, registerGroups(actor, m));
    if (!groups.some((g) => g.households.some((h) => h.householdId === input.householdId))) throw new AppError('NOT_FOUND');
    await tx.meetingAttendance.upsert({
      where: { meetingId_householdId: { meetingId: m.id, householdId: input.householdId } },
      create: { schoolId: actor.schoolId, meetingId: m.id, householdId: input.householdId, present: input.present, markedById: actor.userId, markedAt: now },
      update: { present: input.present, markedById: actor.userId, markedAt: now },
    });
  });
}

/**
 * The job: meetings starting tomorrow (school time) or later today that have not been reminded get one
 * reminder to the guardians of invited households that said yes or maybe or did not answer. Each meeting
 * is claimed (remindedAt) in the transaction that queues its mail, so a second run sends nothing.
 */
export async function remindMeetings(scope: { schoolId?: string } = {}, now = new Date()) {
  const tomorrow = zonedDateKey(new Date(+now + 86_400_000));
  const due = await prisma.meeting.findMany({
    where: { ...(scope.schoolId ? { schoolId: scope.schoolId } : {}), remindedAt: null, startsAt: { gt: now, lte: new Date(+now + 2 * 86_400_000) } },
    select: { id: true, startsAt: true },
  });
  let sent = 0;
  for (const d of due.filter((d) => zonedDateKey(d.startsAt) <= tomorrow)) {
    sent += await prisma.$transaction(async (tx) => {
      const claimed = await tx.meeting.updateMany({ where: { id: d.id, remindedAt: null }, data: { remindedAt: now } });
      if (claimed.count !== 1) return 0;
      const m = await tx.meeting.findUniqueOrThrow({ where: { id: d.id }, select: meetingRef });
      const declined = new Set((await tx.meetingRsvp.findMany({ where: { meetingId: m.id, answer: 'NO' }, select: { householdId: true } })).map((r) => r.householdId));
      const to = (await invitedGuardians(tx, m)).filter((g) => !declined.has(g.householdId)).map((g) => g.userId);
      await notifyUsers(tx, {
        schoolId: m.schoolId,
        userIds: to,
        kind: 'ANNOUNCEMENT',
        mailKind: 'meeting_reminder',
        digest: { title: m.title, path: path(m.id) },
        render: meetingMail('mail.meetingReminder', m),
        // The digest would arrive after the evening: a reminder goes at once.
        urgent: true,
      });
      return to.length;
    });
  }
  if (sent) kickMailDelivery();
  return sent;
}
