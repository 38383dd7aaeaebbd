import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';

// Sign-in attempts in a sliding window. Per address: tight, it protects one account. Per client
// address: looser, since a whole school building or a family can share one public IP.
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_PER_ACCOUNT = 5;
export const MAX_PER_CLIENT = 50;

export function signInKeys(kind: 'link' | 'pw', email: string, clientKey: string) {
  return [
    { key: `${kind}:${email}`, max: MAX_PER_ACCOUNT },
    { key: `ip:${clientKey}`, max: MAX_PER_CLIENT },
  ];
}

/** Records an attempt for each key and throws RATE_LIMITED when any key is over its limit. */
export async function consumeSignInAttempt(keys: { key: string; max: number }[]) {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const counts = await prisma.$transaction(async (tx) => {
    await tx.signInAttempt.createMany({ data: keys.map(({ key }) => ({ key })) });
    const counts: number[] = [];
    for (const { key } of keys) counts.push(await tx.signInAttempt.count({ where: { key, createdAt: { gte: since } } }));
    return counts;
  });
  if (counts.some((c, i) => c > keys[i].max)) throw new AppError('RATE_LIMITED');
}
