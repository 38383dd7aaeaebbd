import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { authorizeLink, authorizePassword } from '@/lib/auth/options';
import { hashPassword } from '@/lib/auth/password';
import { ACCOUNT, accountKey, ADDRESS, addressKey, beginAttempt, MAX_WAIT_SECONDS, pruneSignInThrottle, waitSeconds } from '@/lib/auth/rate-limit';
import { requestSignInLink } from '@/lib/auth/sign-in-link';
import { prisma } from '@/lib/db';
import { createSchool, createUser } from './support/factories';

const uid = () => randomUUID().slice(0, 8);
const fromClient = (address: string) => ({ headers: { [CLIENT_ADDRESS_HEADER]: address } });
const outcome = (r: PromiseSettledResult<unknown>) => (r.status === 'fulfilled' ? 'ok' : ((r.reason as { code?: string; message?: string }).code ?? (r.reason as Error).message));
const tally = (results: PromiseSettledResult<unknown>[]) =>
  results.map(outcome).reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
const passwordKeys = (email: string, client: string) => [accountKey('pw', email), addressKey(client)];
const level = async (key: string) => (await prisma.signInThrottle.findUnique({ where: { key } }))?.level ?? 0;

describe('sign-in rate limit', () => {
  it('lets exactly the budget through when attempts on one account arrive at once', async () => {
    const keys = passwordKeys(`pw-${uid()}@example.test`, `198.51.100.${Math.floor(Math.random() * 250)}-${uid()}`);
    const now = new Date();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => beginAttempt(keys, now)));
    expect(tally(results)).toEqual({ ok: ACCOUNT.budget, RATE_LIMITED: 20 - ACCOUNT.budget });
  });

  it('through the password sign-in itself: 20 wrong passwords at once, 5 checked, 15 refused with the wait', async () => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'TEACHER');
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword('juist-wachtwoord') } });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => authorizePassword({ email: user.email, password: 'fout' }, fromClient(`203.0.113.${uid()}`))),
    );
    // Twenty scrypt checks at once take a few seconds on two cores, so a late refusal may already
    // say 2 s instead of 1: the count is exact, the wait is the back-off's first or second step.
    const waits = results.map(outcome).filter((o) => o.startsWith('RATE_LIMITED:')).map((o) => Number(o.split(':')[1]));
    expect(tally(results).INVALID_CREDENTIALS).toBe(5);
    expect(waits).toHaveLength(15);
    expect(waits.every((w) => w === 1 || w === 2)).toBe(true);
  });

  it('backs off exponentially after the budget, says how long, and drains with quiet time', async () => {
    const keys = passwordKeys(`backoff-${uid()}@example.test`, `client-${uid()}`);
    const t0 = Date.now();
    const at = (s: number) => new Date(t0 + s * 1000);
    for (let i = 0; i < ACCOUNT.budget; i++) await beginAttempt(keys, at(0));
    await expect(beginAttempt(keys, at(0.5))).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    await beginAttempt(keys, at(1)); // waited the second: allowed, and now 2 s
    await expect(beginAttempt(keys, at(1.5))).rejects.toMatchObject({ retryAfterSeconds: 2 });
    await beginAttempt(keys, at(3)); // now 4 s
    await expect(beginAttempt(keys, at(3))).rejects.toMatchObject({ retryAfterSeconds: 4 });
    // A refused attempt costs nothing: still 4 s after the last counted one.
    await expect(beginAttempt(keys, at(6))).rejects.toMatchObject({ retryAfterSeconds: 1 });
    // Seven attempts drained at one per 15 minutes: after 7 × 15 min the account is whole again.
    const later = 3 + 7 * ACCOUNT.leakSeconds;
    for (let i = 0; i < ACCOUNT.budget - 1; i++) await beginAttempt(keys, at(later));
    await beginAttempt(keys, at(later));
    await expect(beginAttempt(keys, at(later))).rejects.toMatchObject({ retryAfterSeconds: 1 });
  });

  it('caps the wait at 15 minutes', () => {
    expect([0, 4, 5, 6, 7, 14, 15, 40].map((l) => waitSeconds(l, ACCOUNT))).toEqual([0, 0, 1, 2, 4, 512, MAX_WAIT_SECONDS, MAX_WAIT_SECONDS]);
  });

  it('a refused address does not use up the account it aims at', async () => {
    const email = `victim-${uid()}@example.test`;
    const client = `attacker-${uid()}`;
    const now = new Date();
    // Fill the address's budget with failures on other accounts.
    for (let i = 0; i < ADDRESS.budget; i++) await beginAttempt(passwordKeys(`other-${i}-${uid()}@example.test`, client), now);
    await expect(beginAttempt(passwordKeys(email, client), now)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await level(`pw:${email}`)).toBe(0);
  });

  it('300 parents behind one address all get their link, and asking about unknown addresses from it changes no answer', async () => {
    const { school } = await createSchool();
    const tag = uid();
    const emails = Array.from({ length: 300 }, (_, i) => `parent-${i}-${tag}@example.test`);
    await prisma.user.createMany({ data: emails.map((email) => ({ email, firstName: 'Ouder', lastName: tag })) });
    const users = await prisma.user.findMany({ where: { lastName: tag }, select: { id: true } });
    await prisma.membership.createMany({ data: users.map((u) => ({ schoolId: school.id, userId: u.id, role: 'GUARDIAN' as const })) });

    const results = await Promise.allSettled(emails.map((email) => requestSignInLink(email, 'http://portal.test')));
    expect(tally(results)).toEqual({ ok: 300 });
    expect(await prisma.outboxMail.count({ where: { to: { in: emails }, kind: 'sign_in_link' } })).toBe(300);

    // Someone tries 150 addresses the school does not know: the same answer every time, no mail, and
    // the parents asking next are not refused (no address-wide refusal could tell known from unknown).
    const now = new Date();
    const guesses = await Promise.allSettled(Array.from({ length: 150 }, (_, i) => requestSignInLink(`guess-${i}-${tag}@example.test`, 'http://portal.test', now)));
    expect(tally(guesses)).toEqual({ ok: 150 });
    expect(await prisma.outboxMail.count({ where: { to: { startsWith: 'guess-' }, kind: 'sign_in_link' } })).toBe(0);
    await expect(requestSignInLink(emails[0], 'http://portal.test', now)).resolves.toBeUndefined();
    // Per account it is the same for known and unknown: five, then the back-off.
    for (let i = 0; i < 4; i++) await requestSignInLink(`guess-0-${tag}@example.test`, 'http://portal.test', now);
    await expect(requestSignInLink(`guess-0-${tag}@example.test`, 'http://portal.test', now)).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    for (let i = 0; i < 4; i++) await requestSignInLink(emails[1], 'http://portal.test', now);
    await expect(requestSignInLink(emails[1], 'http://portal.test', now)).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
  });

  it('counts a bad link against the address, and a good one not; a good link works even from an address that must wait', async () => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'GUARDIAN');
    const client = `203.0.113.${uid()}`;
    await requestSignInLink(user.email, 'http://portal.test');
    for (let i = 0; i < 3; i++) await expect(authorizeLink({ token: `not-a-real-token-${uid()}-${i}` }, fromClient(client))).rejects.toThrow('LINK_INVALID');
    expect(await level(`ip:${client}`)).toBeCloseTo(3, 1);
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: user.email } });
    const token = mail.text.match(/token=([\w-]+)/)![1];
    // A pupil on the school's Wi-Fi made up a hundred links: the address must wait for made-up links...
    await prisma.signInThrottle.update({ where: { key: `ip:${client}` }, data: { level: ADDRESS.budget + 3, lastAt: new Date(), blockedUntil: new Date(Date.now() + 60_000) } });
    await expect(authorizeLink({ token: `not-a-real-token-${uid()}` }, fromClient(client))).rejects.toThrow(/RATE_LIMITED/);
    // ...but the parent behind the same address signs in with the link from the mail.
    await expect(authorizeLink({ token }, fromClient(client))).resolves.toMatchObject({ id: user.id });
    // Spent now: a second use is a failure like any made-up link.
    await expect(authorizeLink({ token }, fromClient(client))).rejects.toThrow(/LINK_INVALID|RATE_LIMITED/);
  });

  it('prunes keys that have been quiet for a day', async () => {
    const key = `link:quiet-${uid()}@example.test`;
    const fresh = `link:fresh-${uid()}@example.test`;
    await prisma.signInThrottle.createMany({
      data: [
        { key, level: 3, lastAt: new Date(Date.now() - 25 * 3600_000) },
        { key: fresh, level: 3, lastAt: new Date() },
      ],
    });
    await pruneSignInThrottle();
    expect(await prisma.signInThrottle.count({ where: { key: { in: [key, fresh] } } })).toBe(1);
  });
});
