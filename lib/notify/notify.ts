import 'server-only';
import type { NotifyKind } from '@/generated/prisma/client';
import type { Tx } from '@/lib/db';
import { enqueueToUsers, type Render } from '@/lib/mail/guardians';

// News for people of a school (a reply, an announcement): each person chooses per kind between a
// mail at once and one daily digest (NotificationPreference; no row: at once). Urgent news (the
// school is closed today) always goes at once. Queued in the caller's transaction, like all mail.

export type Notice = {
  schoolId: string;
  userIds: Iterable<string>;
  kind: NotifyKind;
  /** The outbox's kind of mail ("thread_reply", "announcement", ...). */
  mailKind: string;
  /** What the digest lists: the words as written (a subject, a title), and where it is in the portal. */
  digest: { title: string; path: string };
  render: Render;
  urgent?: boolean;
  /** Hold a mail until then (staff: their next working hours). */
  notBefore?: (userId: string) => Date | undefined;
};

/** Mail now or add to tomorrow's digest, per person's choice. Returns how many of each. */
export async function notifyUsers(tx: Tx, n: Notice) {
  const ids = [...new Set(n.userIds)];
  if (!ids.length) return { mailed: 0, digested: 0 };
  const digestIds = n.urgent
    ? []
    : (await tx.notificationPreference.findMany({ where: { schoolId: n.schoolId, kind: n.kind, mode: 'DIGEST', userId: { in: ids } }, select: { userId: true } })).map((p) => p.userId);
  if (digestIds.length) {
    await tx.digestItem.createMany({ data: digestIds.map((userId) => ({ schoolId: n.schoolId, userId, kind: n.kind, title: n.digest.title, path: n.digest.path })) });
  }
  const digested = new Set(digestIds);
  const mailed = await enqueueToUsers(tx, { schoolId: n.schoolId, userIds: ids.filter((id) => !digested.has(id)), kind: n.mailKind, render: n.render, notBefore: n.notBefore });
  return { mailed, digested: digestIds.length };
}
