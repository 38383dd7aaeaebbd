import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { ACCOUNT, accountKey, addressKey, beginAttempt } from '@/lib/auth/rate-limit';
import { consumeSignInToken, requestSignInLink } from '@/lib/auth/sign-in-link';
import { prisma } from '@/lib/db';
import { deliverDueMail } from '@/lib/mail/outbox';
import { createSchool, createUser } from './support/factories';

const tokenFrom = (text: string) => text.match(/token=([\w-]+)/)![1];

describe('passwords', () => {
  it('verifies the right password only and salts every hash', async () => {
    const h1 = await hashPassword('Distelvlinder!2026');
    const h2 = await hashPassword('Distelvlinder!2026');
    expect(h1).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(h1).not.toBe(h2);
    expect(await verifyPassword('Distelvlinder!2026', h1)).toBe(true);
    expect(await verifyPassword('distelvlinder!2026', h1)).toBe(false);
    expect(await verifyPassword('x', null)).toBe(false);
  });
});

describe('sign-in link', () => {
  it('queues a mail with a one-time link in the user’s language; the link works once', async () => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'GUARDIAN');
    await prisma.user.update({ where: { id: user.id }, data: { locale: 'en' } });
    await requestSignInLink(user.email, 'http://portal.test');
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: user.email } });
    expect(mail.subject).toBe('Your sign-in link for the parent portal');
    expect(mail.text).toContain('http://portal.test/inloggen/link?token=');
    const token = tokenFrom(mail.text);
    expect(await prisma.loginToken.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored

    const [first, second] = await Promise.all([consumeSignInToken(token), consumeSignInToken(token)]);
    expect([first?.id, second?.id].filter(Boolean)).toEqual([user.id]);
    expect(await consumeSignInToken(token)).toBeNull();
  });

  it('an expired link does not sign in', async () => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'GUARDIAN');
    await requestSignInLink(user.email, 'http://portal.test');
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: user.email } });
    await prisma.loginToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await consumeSignInToken(tokenFrom(mail.text))).toBeNull();
  });

  it('an unknown address gets no mail and the same answer', async () => {
    const before = await prisma.outboxMail.count();
    await expect(requestSignInLink('niemand@example.test', 'http://portal.test')).resolves.toBeUndefined();
    expect(await prisma.outboxMail.count()).toBe(before);
  });
});

describe('rate limit', () => {
  it('refuses the attempt after the per-account maximum', async () => {
    const keys = [accountKey('pw', `someone-${Date.now()}@example.test`), addressKey(`client-${Date.now()}`)];
    const now = new Date();
    for (let i = 0; i < ACCOUNT.budget; i++) await beginAttempt(keys, now);
    await expect(beginAttempt(keys, now)).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
  });
});

describe('outbox', () => {
  it('delivers queued mail once and marks it sent', async () => {
    const mail = await prisma.outboxMail.create({ data: { to: 'x@example.test', subject: 's', text: 't', kind: 'test' } });
    await deliverDueMail(1000);
    const after = await prisma.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(after.sentAt).not.toBeNull();
    expect(after.attempts).toBe(1);
    await deliverDueMail(1000);
    expect((await prisma.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).attempts).toBe(1);
  });
});
