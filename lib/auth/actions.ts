'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { type ActionResult, toActionError } from '@/lib/errors';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { ACTIVE_MEMBERSHIP_COOKIE, currentUserId, membershipsOf } from './actor';
import { RateLimitedError } from './rate-limit';
import { localeSchema, membershipSchema, requestLinkSchema } from './schemas';
import { isHttpsSite } from './session';
import { requestSignInLink } from './sign-in-link';

const ONE_YEAR = 60 * 60 * 24 * 365;
// Our own cookies follow next-auth's: Secure whenever the site is served over https.
const cookieBase = () => ({ path: '/', sameSite: 'lax' as const, secure: isHttpsSite() });

// The link's host never comes from the request: a forged Host or X-Forwarded-Host would otherwise
// send a real parent a real link that points at someone else's site.
function baseUrl() {
  return process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** Anyone may ask; the answer is the same whether or not the address is known. */
export async function requestLinkAction(
  _prev: LinkRequestResult | null,
  formData: FormData,
): Promise<LinkRequestResult> {
  const parsed = requestLinkSchema.safeParse({ email: formData.get('email') });
  if (!parsed.success) return { ok: false, error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await requestSignInLink(parsed.data.email, baseUrl());
    return { ok: true };
  } catch (e) {
    if (e instanceof RateLimitedError) return { ok: false, error: 'RATE_LIMITED', retryAfterSeconds: e.retryAfterSeconds };
    return toActionError(e);
  }
}

/** Refused by the rate limit: how long until the next try may be made. */
export type LinkRequestResult = ActionResult | { ok: false; error: 'RATE_LIMITED'; retryAfterSeconds: number; fieldErrors?: undefined };

/** The language switch: a cookie for everyone, and the preference on the account when signed in. */
export async function setLocaleAction(formData: FormData) {
  const parsed = localeSchema.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { ...cookieBase(), maxAge: ONE_YEAR });
  const userId = await currentUserId();
  if (userId) await prisma.user.update({ where: { id: userId }, data: { locale: parsed.data.locale } });
  const back = String(formData.get('returnTo') ?? '/');
  redirect(back.startsWith('/') && !back.startsWith('//') ? back : '/');
}

/** Someone who is parent at one school and teacher at another picks the role they act in. */
export async function switchMembershipAction(formData: FormData) {
  const userId = await currentUserId();
  if (!userId) redirect('/inloggen');
  const parsed = membershipSchema.safeParse({ membershipId: formData.get('membershipId') });
  const mine = await membershipsOf(userId);
  if (!parsed.success || !mine.some((m) => m.id === parsed.data.membershipId)) redirect('/');
  (await cookies()).set(ACTIVE_MEMBERSHIP_COOKIE, parsed.data.membershipId, { ...cookieBase(), httpOnly: true });
  redirect('/');
}

/** After sign-in: the account's language preference becomes the cookie. */
export async function adoptUserLocaleAction() {
  const userId = await currentUserId();
  if (!userId) return;
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { locale: true } });
  if (user) (await cookies()).set(LOCALE_COOKIE, user.locale, { ...cookieBase(), maxAge: ONE_YEAR });
}
