import 'server-only';
import { prisma } from '@/lib/db';
import { poolExec, txExec } from '@/lib/db-raw';
import { AppError } from '@/lib/errors';
import { throttleAddress } from './client-address';

// Sign-in throttling, kept per account and per client address, one row per key in SignInThrottle.
//
// Each key is a leaky bucket: every attempt adds 1 to its level, which drains by 1 every
// `leakSeconds`. Below the budget attempts are free; the attempt that brings the level to the budget
// or above makes the key wait 2^(level − budget) seconds (1, 2, 4, … capped at 15 minutes) before the
// next one. So a burst of typing errors costs a second, not a quarter of an hour, while a guesser's
// pace is pinned to about one attempt per leak interval, and a key is whole again after quiet time.
//
// Only failures count against a client address (a school building or a carrier's NAT puts hundreds
// of parents behind one), and successes must not even pass through it, or a rush of parents signing
// in at once would fill it with attempts still in flight. Where the outcome can be known without a
// side effect (is the e-mail known, is the link unspent), the address is only checked for a wait and
// a failure is counted atomically with that check. A password's outcome needs the hash, so there
// both keys count the attempt up front and get it back when it succeeds (staff behind one address are
// few). Per account, every link request counts (a mail bomb is made of successful requests).
//
// Counting locks the rows of all its keys (in key order, so two attempts cannot deadlock) in one
// transaction and either counts the attempt on every key or on none: an address that is waiting
// does not also use up the budget of the account it is aiming at. Parallel attempts queue on the
// row lock, so exactly the budget gets through.

export type Policy = { budget: number; leakSeconds: number };

/** Sign-in transactions wait their turn for a connection in a rush rather than fail. */
export const RUSH_TRANSACTION = { maxWait: 15_000, timeout: 15_000 };
/** An account: 5 attempts free, then back-off; drains one attempt per 15 minutes. */
export const ACCOUNT: Policy = { budget: 5, leakSeconds: 15 * 60 };
/** A client address: 100 failures free, then back-off; drains one failure a minute. */
export const ADDRESS: Policy = { budget: 100, leakSeconds: 60 };
export const MAX_WAIT_SECONDS = 15 * 60;

export type ThrottleKey = { key: string; policy: Policy };
export type Attempt = { keys: ThrottleKey[]; now: Date };

export class RateLimitedError extends AppError {
  constructor(public readonly retryAfterSeconds: number) {
    super('RATE_LIMITED');
  }
}

export const accountKey = (kind: 'link' | 'pw', email: string): ThrottleKey => ({ key: `${kind}:${email}`, policy: ACCOUNT });
export const addressKey = (clientKey: string): ThrottleKey => ({ key: `ip:${throttleAddress(clientKey)}`, policy: ADDRESS });

/** How long a key must wait after an attempt left it at `level`. */
export function waitSeconds(level: number, policy: Policy): number {
  // Rounded: the level drains a little between two attempts even a millisecond apart, which must
  // not give a burst one attempt more, nor halve a wait.
  const over = Math.round(level - policy.budget);
  return over < 0 ? 0 : Math.min(MAX_WAIT_SECONDS, 2 ** over);
}

const drained = (level: number, lastAtMs: number, policy: Policy, nowMs: number) =>
  Math.max(0, level - Math.max(0, nowMs - lastAtMs) / 1000 / policy.leakSeconds);

type Row = { key: string; level: number; lastAtMs: number; blockedUntilMs: number | null };

/**
 * Counts an attempt on every key, or throws RateLimitedError (with the wait in seconds) when any of
 * them must still wait. attemptSucceeded() gives it back.
 */
export async function beginAttempt(keys: ThrottleKey[], now = new Date()): Promise<Attempt> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const names = sorted.map((k) => k.key);
  const nowMs = now.getTime();
  const wait = await prisma.$transaction(async (tx) => {
    const exec = txExec(tx);
    await exec(
      `INSERT INTO "SignInThrottle" (key, level, "lastAt") SELECT k, 0, $2::timestamp FROM unnest($1::text[]) AS k ON CONFLICT (key) DO NOTHING`,
      [names, now.toISOString()],
    );
    const rows = await exec<Row>(
      `SELECT key, level, (extract(epoch FROM "lastAt") * 1000)::float8 AS "lastAtMs", (extract(epoch FROM "blockedUntil") * 1000)::float8 AS "blockedUntilMs"
       FROM "SignInThrottle" WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
      [names],
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const blocked = Math.max(0, ...rows.map((r) => (r.blockedUntilMs ?? 0) - nowMs));
    if (blocked > 0) return Math.ceil(blocked / 1000);
    const levels = sorted.map((k) => {
      const r = byKey.get(k.key)!;
      return drained(r.level, r.lastAtMs, k.policy, nowMs) + 1;
    });
    const until = sorted.map((k, i) => {
      const s = waitSeconds(levels[i], k.policy);
      return s ? new Date(nowMs + s * 1000).toISOString() : null;
    });
    await exec(
      `UPDATE "SignInThrottle" t SET level = u.level, "lastAt" = greatest(t."lastAt", $4::timestamp), "blockedUntil" = u.until
       FROM unnest($1::text[], $2::float8[], $3::timestamp[]) AS u(key, level, until) WHERE t.key = u.key`,
      [names, levels, until, now.toISOString()],
    );
    return 0;
    // At the opening minute hundreds of these queue for the pool; Prisma's default 2 s wait for a
    // connection turned that queue into errors (P2028) for about one parent in five of a 300 burst.
  }, RUSH_TRANSACTION);
  if (wait > 0) throw new RateLimitedError(wait);
  return { keys, now };
}

/**
 * The attempt succeeded: give back its unit on every key. One statement per key, each locking one
 * row, so a refund never holds one key while waiting for another.
 */
export async function attemptSucceeded(attempt: Attempt, now = attempt.now) {
  for (const { key, policy } of attempt.keys) {
    const level = `greatest(0, level - greatest(0, extract(epoch FROM ($2::timestamp - "lastAt"))::float8) / $3::float8 - 1)`;
    await poolExec(
      `UPDATE "SignInThrottle" SET level = ${level}, "lastAt" = greatest("lastAt", $2::timestamp),
         "blockedUntil" = CASE WHEN round(${level} - $4::float8) < 0 THEN NULL ELSE "blockedUntil" END
       WHERE key = $1`,
      [key, now.toISOString(), policy.leakSeconds, policy.budget],
    );
  }
}

/** A day of quiet drains every bucket (an account's level stays near its budget + 10 at most). */
export async function pruneSignInThrottle(now = new Date()) {
  await poolExec(`DELETE FROM "SignInThrottle" WHERE "lastAt" < $1::timestamp AND ("blockedUntil" IS NULL OR "blockedUntil" < $2::timestamp)`, [
    new Date(now.getTime() - 24 * 3600_000).toISOString(),
    now.toISOString(),
  ]);
}
