import 'server-only';
import { randomUUID } from 'node:crypto';
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
    // One row per table for all households at once; the mail per household (its own link).
    // Ids made here, so each thread is paired with its household without relying on the order rows come back in.
    const pairs = householdIds.map((householdId) => ({ threadId: randomUUID(), householdId }));
    await tx.thread.createMany({
      data: pairs.map((p) => ({ id: p.threadId, schoolId: actor.schoolId, kind: 'QUESTION' as const, inbox: 'DIRECTOR' as const, subject: input.subject, startedById: actor.userId, lastMessageAt: now, createdAt: now })),
    });
    await tx.threadHousehold.createMany({ data: pairs.map((p) => ({ schoolId: actor.schoolId, ...p })) });
    await tx.threadMessage.createMany({ data: pairs.map((p) => ({ schoolId: actor.schoolId, threadId: p.threadId, authorId: actor.userId, authorRole: roleKey(actor), body: input.body, createdAt: now })) });
    await tx.threadRead.createMany({ data: pairs.map((p) => ({ schoolId: actor.schoolId, threadId: p.threadId, userId: actor.userId, readAt: now })) });
    for (const p of pairs) {
      await notifyUsers(tx, {
        schoolId: actor.schoolId,
        userIds: [...guardiansOf.get(p.householdId)!],
        kind: 'MESSAGE',
        mailKind: 'thread_started',
        digest: { title: input.subject, path: `/berichten/${p.threadId}` },
        render: fromMessages('mail.threadStarted', () => ({ subject: input.subject })),
      });
    }
    const threadIds = pairs.map((p) => p.threadId);
    return { threadIds };
    // A whole school's families not reached at once: a few statements per household for the mail.
  }, { timeout: 60_000 });
}
