import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';

// Sign-in attempts per key (e-mail address or client address) in a sliding window.
export const SIGN_IN_LIMIT = { max: 5, windowMinutes: 15 };

/** Records an attempt for each key and throws RATE_LIMITED when any key is over the limit. */
export async function consumeSignInAttempt(keys: string[], limit = SIGN_IN_LIMIT) {
  const since = new Date(Date.now() - limit.windowMinutes * 60_000);
  const counts = await prisma.$transaction(async (tx) => {
    await tx.signInAttempt.createMany({ data: keys.map((key) => ({ key })) });
    return Promise.all(keys.map((key) => tx.signInAttempt.count({ where: { key, createdAt: { gte: since } } })));
  });
  if (counts.some((c) => c > limit.max)) throw new AppError('RATE_LIMITED');
}
