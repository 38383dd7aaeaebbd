import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { prisma, type Tx } from '@/lib/db';
import { translatorFor } from '@/lib/i18n/translator';
import { enqueueMail, kickMailDelivery } from '@/lib/mail/outbox';
import { accountKey, beginAttempt, RUSH_TRANSACTION } from './rate-limit';

export const LINK_VALID_MINUTES = 15;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Mail a one-time sign-in link. Unknown addresses get no mail and no different answer,
 * so the form cannot be used to find out who is a parent at the school.
 *
 * Every request counts for the account asked about (no mail bombs), known or not, and nothing else
 * decides: a client's address is never a reason to refuse. Hundreds of parents share one carrier
 * address at the opening minute, and an address-based refusal that came for unknown e-mails only
 * would tell known from unknown again.
 */
export async function requestSignInLink(email: string, baseUrl: string, now = new Date()) {
  const account = accountKey('link', email);
  await beginAttempt([account], now);
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, firstName: true, locale: true, memberships: { select: { id: true }, take: 1 } } });
  if (!user || user.memberships.length === 0) return;
  const token = randomBytes(32).toString('base64url');
  const t = await translatorFor(user.locale, 'mail.signIn');
  const link = `${baseUrl.replace(/\/$/, '')}/inloggen/link?token=${token}`;
  await prisma.$transaction(async (tx) => {
    await tx.loginToken.create({
      data: { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + LINK_VALID_MINUTES * 60_000) },
    });
    await enqueueMail(tx, {
      to: email,
      kind: 'sign_in_link',
      subject: t('subject'),
      text: t('body', { name: user.firstName, link, minutes: LINK_VALID_MINUTES }),
    });
  }, RUSH_TRANSACTION);
  kickMailDelivery();
}

/**
 * A sign-in link issued inside the caller's transaction (an invitation: it is mailed only if the
 * change that causes it commits). Returns the link to put in the mail.
 */
export async function issueSignInLink(tx: Tx, userId: string, baseUrl: string, validMinutes: number, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  await tx.loginToken.create({ data: { userId, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + validMinutes * 60_000) } });
  return `${baseUrl.replace(/\/$/, '')}/inloggen/link?token=${token}`;
}

/** Whether a link would sign in (without spending it): lets a bad link be counted before anything else. */
export async function isSpendable(token: string, now = new Date()) {
  return (await prisma.loginToken.count({ where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: now } } })) === 1;
}

/** Spend a link: one conditional update, so two clicks at once cannot both sign in. */
export async function consumeSignInToken(token: string) {
  const tokenHash = sha256(token);
  const spent = await prisma.loginToken.updateMany({
    where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (spent.count !== 1) return null;
  const row = await prisma.loginToken.findUnique({ where: { tokenHash }, select: { user: { select: { id: true, email: true, locale: true } } } });
  return row?.user ?? null;
}

/** Links past their validity are of no use a day later. */
export async function pruneSignInTokens(now = new Date()) {
  await prisma.loginToken.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
}
