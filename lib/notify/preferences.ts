import 'server-only';
import type { NotifyKind, NotifyMode } from '@/generated/prisma/client';
import { isGuardian } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';

// Per kind of news, a mail at once or one daily digest (lib/notify/digest.ts). Guardians choose for
// announcements and messages; staff receive no announcements, so they choose for messages only.

/** The kinds of news this person receives, so may choose for. */
export const notifyKindsFor = (actor: Actor): NotifyKind[] => (isGuardian(actor) ? ['ANNOUNCEMENT', 'MESSAGE'] : ['MESSAGE']);

/** The person's choice per kind they receive; no row means at once. */
export async function notificationPreferences(actor: Actor) {
  const rows = await prisma.notificationPreference.findMany({ where: { schoolId: actor.schoolId, userId: actor.userId }, select: { kind: true, mode: true } });
  return notifyKindsFor(actor).map((kind) => ({ kind, mode: rows.find((r) => r.kind === kind)?.mode ?? ('IMMEDIATE' as NotifyMode) }));
}

/** Save the choices; a kind the person does not receive is refused and nothing is written. */
export async function saveNotificationPreferences(actor: Actor, choices: Partial<Record<NotifyKind, NotifyMode>>) {
  const kinds = notifyKindsFor(actor);
  const entries = Object.entries(choices).filter(([, mode]) => mode) as [NotifyKind, NotifyMode][];
  if (entries.some(([kind]) => !kinds.includes(kind))) throw new AppError('NOT_FOUND');
  await prisma.$transaction(async (tx) => {
    for (const [kind, mode] of entries) {
      await tx.notificationPreference.upsert({
        where: { schoolId_userId_kind: { schoolId: actor.schoolId, userId: actor.userId, kind } },
        create: { schoolId: actor.schoolId, userId: actor.userId, kind, mode },
        update: { mode },
      });
    }
  });
}
