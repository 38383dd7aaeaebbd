import 'server-only';
import type { Tx } from '@/lib/db';
import { translatorFor } from '@/lib/i18n/translator';
import { enqueueMail } from './outbox';

// One way to mail people of a school, each in their own language, queued in the caller's
// transaction (sent only if the change commits). Features say who and what; this says how.

/** Who a mail goes to, as the render function sees them. */
export type Recipient = { userId: string; email: string; firstName: string; prefix: string | null; lastName: string; locale: string };
export type RenderedMail = { subject: string; text: string; icsFile?: string | null };
export type Render = (to: Recipient) => RenderedMail | Promise<RenderedMail>;

const recipient = { id: true, email: true, firstName: true, prefix: true, lastName: true, locale: true } as const;

/** One mail to each of these users (duplicates once), rendered per recipient. Returns how many were queued. */
export async function enqueueToUsers(tx: Tx, mail: { schoolId: string; userIds: Iterable<string>; kind: string; render: Render; notBefore?: (userId: string) => Date | undefined }) {
  const ids = [...new Set(mail.userIds)];
  if (!ids.length) return 0;
  const users = await tx.user.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' }, select: recipient });
  for (const { id, ...u } of users) {
    const r = await mail.render({ userId: id, ...u });
    await enqueueMail(tx, { to: u.email, schoolId: mail.schoolId, kind: mail.kind, subject: r.subject, text: r.text, icsFile: r.icsFile ?? null, notBefore: mail.notBefore?.(id) });
  }
  return users.length;
}

/**
 * One mail to every guardian with live access to any of the children, or to any child enrolled in
 * any of the groups (a guardian of two of them gets one), except `excludeUserIds`. Returns how many.
 */
export async function enqueueToGuardians(
  tx: Tx,
  mail: { schoolId: string; childIds?: string[]; groupIds?: string[]; kind: string; render: Render; excludeUserIds?: Iterable<string> },
) {
  const of = [
    ...(mail.childIds?.length ? [{ childId: { in: mail.childIds } }] : []),
    ...(mail.groupIds?.length ? [{ child: { enrolments: { some: { groupId: { in: mail.groupIds }, schoolId: mail.schoolId } } } }] : []),
  ];
  if (!of.length) return 0;
  const exclude = [...(mail.excludeUserIds ?? [])];
  const links = await tx.guardianship.findMany({
    where: { schoolId: mail.schoolId, endedAt: null, OR: of, ...(exclude.length ? { userId: { notIn: exclude } } : {}) },
    select: { userId: true },
  });
  return enqueueToUsers(tx, { schoolId: mail.schoolId, userIds: links.map((l) => l.userId), kind: mail.kind, render: mail.render });
}

/**
 * Render from messages: `namespace` holds subject and body (and calendarTitle when `ics` is given);
 * `name` is the recipient's first name unless the values say otherwise.
 */
export function fromMessages(namespace: string, values: (to: Recipient) => Record<string, string | number>, ics?: (calendarTitle: string) => string): Render {
  return async (to) => {
    const t = await translatorFor(to.locale, namespace);
    const v = { name: to.firstName, ...values(to) };
    return { subject: t('subject', v), text: t('body', v), icsFile: ics?.(t('calendarTitle', v)) ?? null };
  };
}

type GuardianMail = {
  namespace: string; // messages with subject, body (and calendarTitle when `ics` is given)
  kind: string;
  values: (locale: string) => Record<string, string>;
  ics?: (calendarTitle: string) => string;
};

/** One mail to every guardian of the child, in each one's language, queued in the caller's transaction. */
export async function mailChildGuardians(tx: Tx, schoolId: string, childId: string, mail: GuardianMail) {
  await enqueueToGuardians(tx, { schoolId, childIds: [childId], kind: mail.kind, render: fromMessages(mail.namespace, (to) => mail.values(to.locale), mail.ics) });
}
