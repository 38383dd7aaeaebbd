import 'server-only';
import { onlyStaff, roleKey } from '@/lib/access/roles';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fromMessages } from '@/lib/mail/guardians';
import { notifyUsers } from '@/lib/notify/notify';
import type { ReachMessageInput } from './schemas';

/**
 * The director writes to each selected family: one conversation per household (never one shared
 * by two households, so separated parents do not see each other), in the director's inbox, about
 * a school matter (no child: every guardian of the household reads it), all in one transaction.
 */
export async function sendPersonalMessage(actor: Actor, input: ReachMessageInput, now = new Date()) {
  requireAtSchool(actor, 'reach', 'read');
  onlyStaff(actor);
  const householdIds = [...new Set(input.householdIds)];
  return prisma.$transaction(async (tx) => {
    const live = await tx.guardianship.findMany({
      where: { schoolId: actor.schoolId, householdId: { in: householdIds }, endedAt: null },
      select: { householdId: true, userId: true },
    });
    const guardiansOf = new Map<string, Set<string>>();
    for (const g of live) guardiansOf.set(g.householdId, (guardiansOf.get(g.householdId) ?? new Set()).add(g.userId));
    // Another school's household, or one without a live guardian: as if it did not exist.
    if (guardiansOf.size !== householdIds.length) throw new AppError('NOT_FOUND');
    const threadIds: string[] = [];
    for (const householdId of householdIds) {
      const t = await tx.thread.create({
        data: { schoolId: actor.schoolId, kind: 'QUESTION', inbox: 'DIRECTOR', subject: input.subject, startedById: actor.userId, lastMessageAt: now, createdAt: now },
      });
      await tx.threadHousehold.create({ data: { schoolId: actor.schoolId, threadId: t.id, householdId } });
      await tx.threadMessage.create({ data: { schoolId: actor.schoolId, threadId: t.id, authorId: actor.userId, authorRole: roleKey(actor), body: input.body, createdAt: now } });
      await tx.threadRead.create({ data: { schoolId: actor.schoolId, threadId: t.id, userId: actor.userId, readAt: now } });
      await notifyUsers(tx, {
        schoolId: actor.schoolId,
        userIds: [...guardiansOf.get(householdId)!],
        kind: 'MESSAGE',
        mailKind: 'thread_started',
        digest: { title: input.subject, path: `/berichten/${t.id}` },
        render: fromMessages('mail.threadStarted', () => ({ subject: input.subject })),
      });
      threadIds.push(t.id);
    }
    return { threadIds };
  });
}
