import 'server-only';
import { isGuardian, onlyStaff } from '@/lib/access/roles';
import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { accountKey, attemptSucceeded, beginAttempt } from '@/lib/auth/rate-limit';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { ownPasswordSchema, sessionIdSchema } from './schemas';

/** Bad input: nothing was written; `fieldErrors` are keys under "account.errors". */
export class AccountInputError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string[]>) {
    super('INVALID_INPUT');
  }
}

/** Whether the signed-in staff member has a password yet (then the form asks for it first). */
export async function hasPassword(actor: Actor) {
  return !!(await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } })).passwordHash;
}

/** The password part of the account page: none for parents (they sign in by link), else whether one is set. */
export async function passwordState(actor: Actor): Promise<'set' | 'unset' | null> {
  if (isGuardian(actor)) return null;
  return (await hasPassword(actor)) ? 'set' : 'unset';
}

/**
 * Staff set or change their own password. With one already set the current one is required, and
 * counts as a sign-in attempt (a borrowed, unlocked screen is not a way to guess it). Every other
 * session of the account ends: whoever knew the old password is signed out.
 */
export async function changeOwnPassword(actor: Actor, input: unknown, keepSessionId?: string, now = new Date()) {
  onlyStaff(actor); // parents sign in by link only
  const parsed = ownPasswordSchema.safeParse(input);
  if (!parsed.success) throw new AccountInputError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { current, next } = parsed.data;
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, passwordHash: true } });
  if (user.passwordHash) {
    const attempt = await beginAttempt([accountKey('pw', user.email)], now);
    if (!current || !(await verifyPassword(current, user.passwordHash))) throw new AccountInputError({ current: ['wrongPassword'] });
    await attemptSucceeded(attempt);
  }
  const passwordHash = await hashPassword(next);
  await prisma.$transaction(async (tx) => {
    // Only over the hash that was checked: a change made meanwhile (a reset) is not overwritten.
    const changed = await tx.user.updateMany({ where: { id: actor.userId, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (changed.count !== 1) throw new AppError('CONFLICT');
    await tx.userSession.updateMany({ where: { userId: actor.userId, endedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) }, data: { endedAt: now } });
  });
}

/**
 * Signs the user out on one of their other devices. Only the user's own sessions, and not the one
 * asking (signing out here is the sign-out button, which also clears the cookie): any other id, also
 * one of another user's sessions, is NOT_FOUND and changes nothing.
 */
export async function endOwnSession(userId: string, input: unknown, currentSid: string, now = new Date()) {
  const parsed = sessionIdSchema.safeParse(input);
  if (!parsed.success) throw new AccountInputError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  await prisma.$transaction(async (tx) => {
    const ended = await tx.userSession.updateMany({
      where: { AND: [{ id: parsed.data.sessionId }, { id: { not: currentSid } }], userId, endedAt: null },
      data: { endedAt: now },
    });
    if (ended.count !== 1) throw new AppError('NOT_FOUND');
  });
}

/** Signs the user out everywhere but here; returns how many sessions ended. */
export async function endOtherSessions(userId: string, currentSid: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const ended = await tx.userSession.updateMany({ where: { userId, endedAt: null, id: { not: currentSid } }, data: { endedAt: now } });
    return ended.count;
  });
}
