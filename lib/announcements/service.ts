import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { eventGroupScope, mayAtSchool, requireAtSchool } from '@/lib/access/school';
import { groupScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fromMessages } from '@/lib/mail/guardians';
import { kickMailDelivery } from '@/lib/mail/outbox';
import { portalUrl } from '@/lib/notify/url';
import { notifyUsers } from '@/lib/notify/notify';
import { currentSchoolYear, stillAtSchool } from '@/lib/school/year';
import { cleanFileName, detectAttachmentType, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './files';
import type { AnnouncementInput } from './schemas';
import { announcementScope } from './scope';

// Announcements to the whole school or to groups (the newsletter, an incidental notice): posted by
// staff, one notice per guardian (a mother of three gets one), read and, when asked, confirmed per
// household; one reminder to the households that have not confirmed.

export type NewAttachment = { name: string; data: Uint8Array };
export type NewAnnouncement = AnnouncementInput & { attachments?: NewAttachment[] };
type Target = { wholeSchool: boolean; groupIds: string[]; schoolYearId: string };

/** Refuses the whole post (nothing written) when a file is too large, of another type, or one too many. */
function checkAttachments(files: NewAttachment[]) {
  if (files.length > MAX_ATTACHMENTS) throw new AppError('INVALID_INPUT', 'too many files', { fieldErrors: { attachments: ['announcements.tooManyFiles'] } });
  return files.map((f) => {
    const type = detectAttachmentType(f.data);
    const refuse = (key: string) => new AppError('INVALID_INPUT', key, { fieldErrors: { attachments: [`announcements.${key}`] }, values: { name: cleanFileName(f.name, type ?? 'application/pdf') } });
    if (f.data.byteLength > MAX_ATTACHMENT_BYTES) throw refuse('fileTooLarge');
    if (!type) throw refuse('fileType');
    return { fileName: cleanFileName(f.name, type), mimeType: type, size: f.data.byteLength, data: new Uint8Array(f.data) };
  });
}

/**
 * Live guardianships of the children enrolled this school year in the target's groups (whole
 * school: all), information-only guardians included: their child's group news is information about the child.
 */
export function targetGuardianships(db: Tx | typeof prisma, schoolId: string, t: Target, now: Date) {
  return db.guardianship.findMany({
    where: { schoolId, endedAt: null, child: { ...stillAtSchool(now), enrolments: { some: { schoolYearId: t.schoolYearId, ...(t.wholeSchool ? {} : { groupId: { in: t.groupIds } }) } } } },
    select: { userId: true, householdId: true },
  });
}

const path = (id: string) => `/mededelingen/${id}`;

function announcementMail(namespace: 'mail.announcement' | 'mail.announcementReminder', a: { id: string; title: string; body: string; confirmRead: boolean; urgent: boolean; attachments: number }) {
  return fromMessages(namespace, () => ({ title: a.title, text: a.body, url: portalUrl(path(a.id)), confirm: a.confirmRead ? 'yes' : 'no', urgent: a.urgent ? 'yes' : 'no', attachments: a.attachments }));
}

/** Post an announcement and notify its guardians (mail now or in their digest; urgent always now). */
export async function postAnnouncement(actor: Actor, input: NewAnnouncement, now = new Date()) {
  requireAtSchool(actor, 'announcement', 'write');
  const wholeSchool = input.audience === 'school';
  if (wholeSchool) requireAtSchool(actor, 'announcement', 'writeWholeSchool');
  const files = checkAttachments(input.attachments ?? []);
  const year = await currentSchoolYear(actor.schoolId, now);
  if (!year) throw new AppError('NOT_FOUND');
  const groupIds = wholeSchool ? [] : [...new Set(input.groupIds)];
  const id = await prisma.$transaction(
    async (tx) => {
      // A group the actor does not teach this year (or of another school) is not found, like any other.
      if ((await tx.group.count({ where: { AND: [{ id: { in: groupIds } }, groupScope(actor, year.id)] } })) !== groupIds.length) throw new AppError('NOT_FOUND');
      const a = await tx.announcement.create({
        data: { schoolId: actor.schoolId, authorId: actor.userId, kind: input.kind, title: input.title, body: input.body, urgent: input.urgent, confirmRead: input.confirmRead, wholeSchool, publishedAt: now },
      });
      if (groupIds.length) await tx.announcementGroup.createMany({ data: groupIds.map((groupId) => ({ schoolId: actor.schoolId, announcementId: a.id, groupId })) });
      if (files.length) await tx.announcementAttachment.createMany({ data: files.map((f) => ({ ...f, schoolId: actor.schoolId, announcementId: a.id, createdAt: now })) });
      const to = await targetGuardianships(tx, actor.schoolId, { wholeSchool, groupIds, schoolYearId: year.id }, now);
      await notifyUsers(tx, {
        schoolId: actor.schoolId,
        userIds: to.map((g) => g.userId),
        kind: 'ANNOUNCEMENT',
        mailKind: 'announcement',
        digest: { title: a.title, path: path(a.id) },
        render: announcementMail('mail.announcement', { ...a, attachments: files.length }),
        urgent: a.urgent,
      });
      return a.id;
    },
    { timeout: 60_000 },
  );
  kickMailDelivery();
  return id;
}

const detailSelect = {
  id: true,
  kind: true,
  title: true,
  body: true,
  urgent: true,
  confirmRead: true,
  wholeSchool: true,
  publishedAt: true,
  remindedAt: true,
  author: { select: { firstName: true, prefix: true, lastName: true } },
  groups: { select: { group: { select: { id: true, name: true, grade: true, schoolYearId: true } } }, orderBy: [{ group: { grade: 'asc' } }, { group: { name: 'asc' } }] },
  attachments: { select: { id: true, fileName: true, mimeType: true, size: true }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.AnnouncementSelect;

async function findVisible(db: Tx | typeof prisma, actor: Actor, id: string) {
  const a = await db.announcement.findFirst({ where: { AND: [{ id }, announcementScope(actor)] }, select: detailSelect });
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

/** Whether the actor could post to this announcement's audience: then they may also remind it. */
async function mayPostTo(db: Tx | typeof prisma, actor: Actor, a: { wholeSchool: boolean; groups: { group: { id: string } }[] }) {
  if (!mayAtSchool(actor, 'announcement', 'write')) return false;
  if (a.wholeSchool) return mayAtSchool(actor, 'announcement', 'writeWholeSchool');
  const ids = a.groups.map((g) => g.group.id);
  return ids.length > 0 && (await db.group.count({ where: { AND: [{ id: { in: ids } }, eventGroupScope(actor)] } })) === ids.length;
}

/**
 * Open one announcement. A guardian's first opening is recorded (readAt): the sender's view counts it.
 * With what the actor may do on it: confirm (a guardian, when asked) and remind (whoever could post it).
 */
export async function openAnnouncement(actor: Actor, id: string, now = new Date()) {
  const a = await findVisible(prisma, actor, id);
  const guardian = mayAtSchool(actor, 'announcement', 'confirm');
  const read = guardian
    ? await prisma.announcementRead.upsert({
        where: { announcementId_userId: { announcementId: a.id, userId: actor.userId } },
        create: { schoolId: actor.schoolId, announcementId: a.id, userId: actor.userId, readAt: now },
        update: {},
        select: { readAt: true, confirmedAt: true },
      })
    : null;
  return { ...a, read, mayConfirm: guardian && a.confirmRead, mayRemind: a.confirmRead && (await mayPostTo(prisma, actor, a)) };
}

/** "Ik heb het gelezen": the first confirmation counts; again is no change. */
export async function confirmAnnouncement(actor: Actor, id: string, now = new Date()) {
  requireAtSchool(actor, 'announcement', 'confirm');
  await prisma.$transaction(async (tx) => {
    const a = await findVisible(tx, actor, id);
    if (!a.confirmRead) throw new AppError('CONFLICT');
    await tx.announcementRead.upsert({
      where: { announcementId_userId: { announcementId: a.id, userId: actor.userId } },
      create: { schoolId: actor.schoolId, announcementId: a.id, userId: actor.userId, readAt: now, confirmedAt: now },
      update: {},
    });
    await tx.announcementRead.updateMany({ where: { announcementId: a.id, userId: actor.userId, confirmedAt: null }, data: { confirmedAt: now } });
  });
}

/** Who has confirmed: households in which any guardian confirmed. */
export async function confirmedUserIds(db: Tx | typeof prisma, announcementId: string) {
  return new Set((await db.announcementRead.findMany({ where: { announcementId, confirmedAt: { not: null } }, select: { userId: true } })).map((r) => r.userId));
}

/**
 * One reminder to the guardians whose household has not confirmed yet. Only once: the second
 * attempt is refused (ALREADY_REMINDED), also when two staff click at the same moment.
 */
export async function remindAnnouncement(actor: Actor, id: string, now = new Date()) {
  requireAtSchool(actor, 'announcement', 'write');
  const sent = await prisma.$transaction(async (tx) => {
    const a = await findVisible(tx, actor, id);
    if (!(await mayPostTo(tx, actor, a))) throw new AppError('NOT_FOUND');
    if (!a.confirmRead) throw new AppError('CONFLICT');
    const claimed = await tx.announcement.updateMany({ where: { id: a.id, schoolId: actor.schoolId, remindedAt: null }, data: { remindedAt: now } });
    if (claimed.count !== 1) throw new AppError('ALREADY_REMINDED');
    const year = await currentSchoolYear(actor.schoolId, now, tx);
    const schoolYearId = a.wholeSchool ? year?.id : a.groups[0]?.group.schoolYearId;
    if (!schoolYearId) return 0;
    const links = await targetGuardianships(tx, actor.schoolId, { wholeSchool: a.wholeSchool, groupIds: a.groups.map((g) => g.group.id), schoolYearId }, now);
    const confirmed = await confirmedUserIds(tx, a.id);
    const doneHouseholds = new Set(links.filter((l) => confirmed.has(l.userId)).map((l) => l.householdId));
    const to = [...new Set(links.filter((l) => !doneHouseholds.has(l.householdId)).map((l) => l.userId))];
    await notifyUsers(tx, {
      schoolId: actor.schoolId,
      userIds: to,
      kind: 'ANNOUNCEMENT',
      mailKind: 'announcement_reminder',
      digest: { title: a.title, path: path(a.id) },
      render: announcementMail('mail.announcementReminder', { ...a, attachments: a.attachments.length }),
      urgent: a.urgent,
    });
    return to.length;
  });
  kickMailDelivery();
  return sent;
}

/** An attachment's bytes, for those who may read its announcement; anyone else: NOT_FOUND. */
export async function attachmentFor(actor: Actor, announcementId: string, attachmentId: string) {
  const f = await prisma.announcementAttachment.findFirst({
    where: { id: attachmentId, announcementId, schoolId: actor.schoolId, announcement: announcementScope(actor) },
    select: { fileName: true, mimeType: true, size: true, data: true },
  });
  if (!f) throw new AppError('NOT_FOUND');
  return f;
}
