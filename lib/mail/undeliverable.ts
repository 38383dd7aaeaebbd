import 'server-only';
import { isDirector, onlyDirector } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { Prisma } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';

export type UndeliverableMail = {
  id: string;
  to: string;
  subject: string;
  kind: string;
  attempts: number;
  lastError: string | null;
  failedAt: Date;
  /** School mail can be sent again; a sign-in link has expired by now, the person asks for a new one. */
  retryable: boolean;
};

/**
 * Mail the outbox gave up on, for the director: the school's own mail, and sign-in links (which
 * belong to no school) to people of this school, since a bounced link usually means a wrong
 * address in the school's import.
 */
const ofSchool = (schoolId: string) => Prisma.sql`
  o."failedAt" IS NOT NULL AND o."sentAt" IS NULL
  AND (o."schoolId" = ${schoolId}
    OR (o."schoolId" IS NULL AND EXISTS (
      SELECT 1 FROM "User" u JOIN "Membership" m ON m."userId" = u.id
      WHERE u.email = o."to" AND m."schoolId" = ${schoolId})))`;

/** Newest first. */
export async function undeliverableMail(actor: Actor, take = 200): Promise<UndeliverableMail[]> {
  onlyDirector(actor);
  const rows = await prisma.$queryRaw<Omit<UndeliverableMail, 'retryable'>[]>`
    SELECT o.id, o."to", o.subject, o.kind, o.attempts, o."lastError", o."failedAt"
    FROM "OutboxMail" o WHERE ${ofSchool(actor.schoolId)}
    ORDER BY o."failedAt" DESC, o.id
    LIMIT ${take}`;
  return rows.map((r) => ({ ...r, retryable: r.kind !== 'sign_in_link' }));
}

/** For the director's home: whether to point at the list at all. */
export async function undeliverableCount(actor: Actor): Promise<number> {
  if (!isDirector(actor)) return 0;
  const [{ n }] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "OutboxMail" o WHERE ${ofSchool(actor.schoolId)}`;
  return n;
}

/** Queue an undeliverable mail of the school again, with a fresh round of attempts. */
export async function retryMail(actor: Actor, id: string) {
  onlyDirector(actor);
  const res = await prisma.outboxMail.updateMany({
    where: { id, schoolId: actor.schoolId, failedAt: { not: null }, sentAt: null },
    data: { failedAt: null, attempts: 0, nextAttemptAt: new Date() },
  });
  if (res.count !== 1) throw new AppError('NOT_FOUND');
}
