import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import { translatorFor } from '@/lib/i18n/translator';
import { enqueueMail, kickMailDelivery } from '@/lib/mail/outbox';
import { currentSchoolYear } from '@/lib/school/year';
import { DEFAULT_CHARTER } from './default-charter';
import type { CharterDraft } from './schemas';

// The expectations charter: the director owns a draft and publishes it as a new version; guardians
// acknowledge each published version; the director sees acknowledgement per group and can remind.

const withSections = { sections: { orderBy: { position: 'asc' as const } } };

function directorOnly(actor: Actor) {
  if (actor.role !== 'DIRECTOR') throw new AppError('NOT_FOUND');
}

/** The latest published version, for everyone at the school. */
export function publishedCharter(schoolId: string) {
  return prisma.charterVersion.findFirst({ where: { schoolId, publishedAt: { not: null } }, orderBy: { number: 'desc' }, include: withSections });
}

export function charterVersions(actor: Actor) {
  return prisma.charterVersion.findMany({ where: { schoolId: actor.schoolId, publishedAt: { not: null } }, orderBy: { number: 'desc' }, select: { id: true, number: true, title: true, publishedAt: true } });
}

export async function charterVersion(actor: Actor, versionId: string) {
  const v = await prisma.charterVersion.findFirst({ where: { id: versionId, schoolId: actor.schoolId, ...(actor.role === 'DIRECTOR' ? {} : { publishedAt: { not: null } }) }, include: withSections });
  if (!v) throw new AppError('NOT_FOUND');
  return v;
}

/** The director's draft: the open one, else a copy of the latest version (or the default charter). */
export async function charterDraft(actor: Actor) {
  directorOnly(actor);
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
  directorOnly(actor);
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
  if (actor.role !== 'GUARDIAN') throw new AppError('NOT_FOUND');
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
  if (actor.role !== 'GUARDIAN') return null;
  const latest = await publishedCharter(actor.schoolId);
  if (!latest) return null;
  const done = await prisma.charterAcknowledgement.findUnique({ where: { versionId_userId: { versionId: latest.id, userId: actor.userId } } });
  return done ? null : latest;
}

/** Per group: guardians of its children who acknowledged the current version, of all its guardians. */
export async function acknowledgementByGroup(actor: Actor) {
  directorOnly(actor);
  const latest = await publishedCharter(actor.schoolId);
  const year = await currentSchoolYear(actor.schoolId);
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
  directorOnly(actor);
  const latest = await publishedCharter(actor.schoolId);
  if (!latest) throw new AppError('NOT_FOUND');
  const guardians = await prisma.user.findMany({
    where: {
      guardianships: { some: { schoolId: actor.schoolId, endedAt: null, child: { enrolments: { some: { groupId, schoolId: actor.schoolId } } } } },
      NOT: { id: { in: (await prisma.charterAcknowledgement.findMany({ where: { versionId: latest.id }, select: { userId: true } })).map((a) => a.userId) } },
    },
    select: { email: true, firstName: true, prefix: true, lastName: true, locale: true },
  });
  await prisma.$transaction(async (tx) => {
    for (const g of guardians) {
      const t = await translatorFor(g.locale, 'mail.charter');
      const v = { name: g.firstName, title: latest.title, fullName: fullName(g) };
      await enqueueMail(tx, { to: g.email, schoolId: actor.schoolId, kind: 'charter_reminder', subject: t('subject', v), text: t('body', v) });
    }
  });
  kickMailDelivery();
  return guardians.length;
}

/** Demo and new schools: publish the default charter as version 1. */
export async function publishDefaultCharter(actor: Actor, now = new Date()) {
  directorOnly(actor);
  await prisma.$transaction(async (tx) => {
    const v = await createDraft(tx, actor, 1, DEFAULT_CHARTER);
    await tx.charterVersion.update({ where: { id: v.id }, data: { publishedAt: now } });
  });
}
