import 'server-only';
import { charterVersionScope, mayAtSchool, requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import { enqueueToGuardians, fromMessages } from '@/lib/mail/guardians';
import { kickMailDelivery } from '@/lib/mail/outbox';
import { currentSchoolYear } from '@/lib/school/year';
import { DEFAULT_CHARTER } from './default-charter';
import type { CharterDraft } from './schemas';

// The expectations charter: the director owns a draft and publishes it as a new version; guardians
// acknowledge each published version; the director sees acknowledgement per group and can remind.

const withSections = { sections: { orderBy: { position: 'asc' as const } } };

/** The latest published version, for everyone at the school. */
export function publishedCharter(schoolId: string) {
  return prisma.charterVersion.findFirst({ where: { schoolId, publishedAt: { not: null } }, orderBy: { number: 'desc' }, include: withSections });
}

export function charterVersions(actor: Actor) {
  return prisma.charterVersion.findMany({ where: { schoolId: actor.schoolId, publishedAt: { not: null } }, orderBy: { number: 'desc' }, select: { id: true, number: true, title: true, publishedAt: true } });
}

export async function charterVersion(actor: Actor, versionId: string) {
  const v = await prisma.charterVersion.findFirst({ where: { id: versionId, ...charterVersionScope(actor) }, include: withSections });
  if (!v) throw new AppError('NOT_FOUND');
  return v;
}

/** The director's draft: the open one, else a copy of the latest version (or the default charter). */
export async function charterDraft(actor: Actor) {
  requireAtSchool(actor, 'charter', 'write');
  const open = await prisma.charterVersion.findFirst({ where: { schoolId: actor.schoolId, publishedAt: null }, include: withSections });
  if (open) return open;
  const latest = await publishedCharter(actor.schoolId);
  const source = latest ?? { title: DEFAULT_CHARTER.title, intro: DEFAULT_CHARTER.intro, sections: DEFAULT_CHARTER.sections };
  return prisma.$transaction((tx) => createDraft(tx, actor, (latest?.number ?? 0) + 1, source));
}

async function createDraft(tx: Tx, actor: Actor, number: number, src: { title: string; intro: string; sections: { title: string; parentsMayExpect: string[]; schoolMayExpect: string[] }[] }) {
  const v = await tx.charterVersion.create({ data: { schoolId: actor.schoolId, number, title: src.title, intro: src.intro, createdById: actor.userId } });
  await writeSections(tx, actor.schoolId, v.id, src.sections);
  return tx.charterVersion.findUniqueOrThrow({ where: { id: v.id }, include: withSections });
}

// Sections are written flat: a nested create cannot set schoolId, which belongs to two relations.
function writeSections(tx: Tx, schoolId: string, versionId: string, sections: { title: string; parentsMayExpect: string[]; schoolMayExpect: string[] }[]) {
  return tx.charterSection.createMany({
    data: sections.map((s, position) => ({ schoolId, versionId, position, title: s.title, parentsMayExpect: s.parentsMayExpect, schoolMayExpect: s.schoolMayExpect })),
  });
}

/** Save the draft (replacing its sections), and publish it when asked; published versions never change. */
export async function saveCharterDraft(actor: Actor, draft: CharterDraft, publish: boolean, now = new Date()) {
  requireAtSchool(actor, 'charter', 'write');
  return prisma.$transaction(async (tx) => {
    const open = await tx.charterVersion.findFirst({ where: { schoolId: actor.schoolId, publishedAt: null } });
    if (!open) throw new AppError('CONFLICT');
    await tx.charterSection.deleteMany({ where: { versionId: open.id } });
    await writeSections(tx, actor.schoolId, open.id, draft.sections);
    await tx.charterVersion.update({ where: { id: open.id }, data: { title: draft.title, intro: draft.intro, publishedAt: publish ? now : null } });
    return open.id;
  });
}

/** A guardian acknowledges the latest published version (idempotent). */
export async function acknowledgeCharter(actor: Actor, versionId: string) {
  requireAtSchool(actor, 'charter', 'acknowledge');
  const latest = await publishedCharter(actor.schoolId);
  if (!latest || latest.id !== versionId) throw new AppError('CONFLICT'); // only the current version can be agreed to
  await prisma.charterAcknowledgement.upsert({
    where: { versionId_userId: { versionId, userId: actor.userId } },
    update: {},
    create: { versionId, schoolId: actor.schoolId, userId: actor.userId },
  });
}

/** Whether this guardian still has to acknowledge the current version (asked on sign-in). */
export async function charterToAcknowledge(actor: Actor) {
  if (!mayAtSchool(actor, 'charter', 'acknowledge')) return null;
  const latest = await publishedCharter(actor.schoolId);
  if (!latest) return null;
  const done = await prisma.charterAcknowledgement.findUnique({ where: { versionId_userId: { versionId: latest.id, userId: actor.userId } } });
  return done ? null : latest;
}

/** Per group: guardians of its children who acknowledged the current version, of all its guardians. */
export async function acknowledgementByGroup(actor: Actor, now = new Date()) {
  requireAtSchool(actor, 'charter', 'write');
  const latest = await publishedCharter(actor.schoolId);
  const year = await currentSchoolYear(actor.schoolId, now);
  if (!latest || !year) return { version: latest, groups: [] };
  const groups = await prisma.group.findMany({
    where: { schoolId: actor.schoolId, schoolYearId: year.id },
    orderBy: [{ grade: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, enrolments: { select: { child: { select: { guardianships: { where: { endedAt: null }, select: { userId: true } } } } } } },
  });
  const acked = new Set((await prisma.charterAcknowledgement.findMany({ where: { versionId: latest.id }, select: { userId: true } })).map((a) => a.userId));
  return {
    version: latest,
    groups: groups.map((g) => {
      const guardians = [...new Set(g.enrolments.flatMap((e) => e.child.guardianships.map((x) => x.userId)))];
      return { id: g.id, name: g.name, total: guardians.length, acknowledged: guardians.filter((u) => acked.has(u)).length };
    }),
  };
}

/** Remind the guardians of a group who have not acknowledged the current version yet. */
export async function remindCharter(actor: Actor, groupId: string) {
  requireAtSchool(actor, 'charter', 'write');
  const latest = await publishedCharter(actor.schoolId);
  if (!latest) throw new AppError('NOT_FOUND');
  const acknowledged = await prisma.charterAcknowledgement.findMany({ where: { versionId: latest.id }, select: { userId: true } });
  const sent = await prisma.$transaction((tx) =>
    enqueueToGuardians(tx, {
      schoolId: actor.schoolId,
      groupIds: [groupId],
      excludeUserIds: acknowledged.map((a) => a.userId),
      kind: 'charter_reminder',
      render: fromMessages('mail.charter', (to) => ({ title: latest.title, fullName: fullName(to) })),
    }),
  );
  kickMailDelivery();
  return sent;
}

/** Demo and new schools: publish the default charter as version 1. */
export async function publishDefaultCharter(actor: Actor, now = new Date()) {
  requireAtSchool(actor, 'charter', 'write');
  await prisma.$transaction(async (tx) => {
    const v = await createDraft(tx, actor, 1, DEFAULT_CHARTER);
    await tx.charterVersion.update({ where: { id: v.id }, data: { publishedAt: now } });
  });
}
