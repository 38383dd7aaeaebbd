import 'server-only';
import { cache } from 'react';
import type { Prisma } from '@/generated/prisma/client';
import { isGuardian, onlyStaff } from '@/lib/access/roles';
import { mayAtSchool, requireAtSchool } from '@/lib/access/school';
import { groupScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import { currentSchoolYear, stillAtSchool } from '@/lib/school/year';
import { announcementScope, followedGroups } from './scope';

// Reads: the list (newest first, a guardian's unread marked), the sender's view per group and the
// home card. A family is a household: it has read or confirmed when any of its guardians did.

// Staff have no reads of their own (they are not its readers): the relation stays empty for them.
const listSelect = (actor: Actor) =>
  ({
    id: true,
    kind: true,
    title: true,
    urgent: true,
    confirmRead: true,
    wholeSchool: true,
    publishedAt: true,
    groups: { select: { group: { select: { name: true } } }, orderBy: [{ group: { grade: 'asc' } }, { group: { name: 'asc' } }] },
    _count: { select: { attachments: true } },
    reads: { where: { userId: actor.userId }, select: { readAt: true, confirmedAt: true } },
  }) satisfies Prisma.AnnouncementSelect;

/** The announcements the actor may read, newest first. */
export async function announcementList(actor: Actor, take = 50) {
  const rows = await prisma.announcement.findMany({ where: announcementScope(actor), orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], take, select: listSelect(actor) });
  return rows.map(({ reads, groups, _count, ...a }) => ({
    ...a,
    groups: groups.map((g) => g.group.name),
    attachments: _count.attachments,
    read: reads[0] ?? null,
  }));
}

/** How many the guardian has not opened yet. */
export function unreadCount(actor: Actor) {
  return prisma.announcement.count({ where: { AND: [announcementScope(actor), { reads: { none: { userId: actor.userId } } }] } });
}

export type GroupConfirmation = {
  id: string;
  name: string;
  /** Households with a child in the group. */
  total: number;
  read: number;
  confirmed: number;
  /** The households that have not confirmed: their guardians and their children in this group. */
  notConfirmed: { guardians: string[]; children: string[] }[];
};

/**
 * The sender's view: per group the actor follows (a teacher their own, the director all), families
 * that have read and confirmed, and who has not. Totals count a family with children in two groups once.
 */
export async function confirmationByGroup(actor: Actor, announcementId: string, now = new Date()) {
  onlyStaff(actor);
  const a = await prisma.announcement.findFirst({ where: { AND: [{ id: announcementId }, announcementScope(actor)] }, select: { id: true, wholeSchool: true, groups: { select: { groupId: true } } } });
  if (!a) throw new AppError('NOT_FOUND');
  const year = a.wholeSchool ? await currentSchoolYear(actor.schoolId, now) : null;
  if (a.wholeSchool && !year) return { groups: [], total: 0, read: 0, confirmed: 0 };
  const groups = await prisma.group.findMany({
    where: { AND: [followedGroups(actor), a.wholeSchool ? { schoolYearId: year!.id } : { id: { in: a.groups.map((g) => g.groupId) } }] },
    orderBy: [{ grade: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      enrolments: {
        where: { child: stillAtSchool(now) },
        select: {
          child: {
            select: {
              firstName: true,
              prefix: true,
              lastName: true,
              guardianships: { where: { endedAt: null }, orderBy: { id: 'asc' }, select: { userId: true, householdId: true, user: { select: { firstName: true, prefix: true, lastName: true } } } },
            },
          },
        },
        orderBy: { child: { firstName: 'asc' } },
      },
    },
  });
  const reads = await prisma.announcementRead.findMany({ where: { announcementId: a.id }, select: { userId: true, confirmedAt: true } });
  const readers = new Set(reads.map((r) => r.userId));
  const confirmers = new Set(reads.filter((r) => r.confirmedAt).map((r) => r.userId));
  const all = new Map<string, { read: boolean; confirmed: boolean }>();
  type Household = { guardians: Map<string, string>; children: string[]; read: boolean; confirmed: boolean };
  const perGroup: GroupConfirmation[] = groups.map((g) => {
    const households = new Map<string, Household>();
    for (const { child } of g.enrolments) {
      for (const link of child.guardianships) {
        const h: Household = households.get(link.householdId) ?? { guardians: new Map<string, string>(), children: [], read: false, confirmed: false };
        h.guardians.set(link.userId, fullName(link.user));
        if (!h.children.includes(fullName(child))) h.children.push(fullName(child));
        h.read ||= readers.has(link.userId);
        h.confirmed ||= confirmers.has(link.userId);
        households.set(link.householdId, h);
      }
    }
    const list = [...households.entries()];
    for (const [id, h] of list) {
      const seen = all.get(id) ?? { read: false, confirmed: false };
      all.set(id, { read: seen.read || h.read, confirmed: seen.confirmed || h.confirmed });
    }
    return {
      id: g.id,
      name: g.name,
      total: list.length,
      read: list.filter(([, h]) => h.read).length,
      confirmed: list.filter(([, h]) => h.confirmed).length,
      notConfirmed: list.filter(([, h]) => !h.confirmed).map(([, h]) => ({ guardians: [...h.guardians.values()], children: h.children })),
    };
  });
  const families = [...all.values()];
  return { groups: perGroup, total: families.length, read: families.filter((f) => f.read).length, confirmed: families.filter((f) => f.confirmed).length };
}

/** The home card: a guardian's unread count and latest titles; staff the latest with confirmed x/y. */
export const latestAnnouncements = cache(async (actor: Actor, take = 3) => {
  const latest = await announcementList(actor, take);
  if (isGuardian(actor)) return { unread: await unreadCount(actor), latest: latest.map((a) => ({ ...a, confirmation: null })) };
  return {
    unread: null,
    latest: await Promise.all(latest.map(async (a) => ({ ...a, confirmation: a.confirmRead ? await confirmationByGroup(actor, a.id) : null }))),
  };
});

/** What the posting form offers: the groups the actor teaches this year (the director all), and the whole school for the director. */
export async function postingOptions(actor: Actor, now = new Date()) {
  requireAtSchool(actor, 'announcement', 'write');
  const year = await currentSchoolYear(actor.schoolId, now);
  const groups = year ? await prisma.group.findMany({ where: groupScope(actor, year.id), orderBy: [{ grade: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }) : [];
  return { groups, wholeSchool: mayAtSchool(actor, 'announcement', 'writeWholeSchool') };
}
