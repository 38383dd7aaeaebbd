import { randomUUID } from 'node:crypto';
import { type Cookie, expect, request, type Page } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { createPrisma } from '@/lib/db';
import { zonedDateKey } from '@/lib/format/time';
import { addWorkingDays } from '@/lib/school/working-days';
import { baseDatabaseUrl, withDatabase } from '../../scripts/embedded-pg';
import { E2E_AUTH_SECRET, E2E_BASE_URL } from './env';

export const db = createPrisma(withDatabase(baseDatabaseUrl(), 'ouderportaal_e2e'));

export const PASSWORD = 'Distelvlinder!2026';
export const LOGINS = {
  director: 'directeur@distelvlinder.demo',
  teacher: 'leerkracht@distelvlinder.demo',
  guardian: 'ouder@distelvlinder.demo',
  otherDirector: 'directeur@regenboog.demo',
};

// Sessions already made through the real forms in this run, per e-mail address. Re-using them keeps
// the suite under the sign-in rate limit (5 attempts per account per 15 minutes), which it tests too.
const sessions = new Map<string, Cookie[]>();

async function reuseSession(page: Page, email: string) {
  const cookies = sessions.get(email);
  if (!cookies) return false;
  await page.context().addCookies(cookies);
  await page.goto('/');
  await expect(page).not.toHaveURL(/\/inloggen/);
  return true;
}

async function remember(page: Page, email: string) {
  sessions.set(email, (await page.context().cookies()).filter((c) => c.name.includes('next-auth.session-token')));
}

/** Staff sign in the way a teacher would: the password form on /inloggen (`fresh` forces the form). */
export async function signInWithPassword(page: Page, email: string, password = PASSWORD, { fresh = false } = {}) {
  if (!fresh && (await reuseSession(page, email))) return;
  await page.goto('/inloggen');
  const staff = page.getByRole('region', { name: /medewerkers|staff/i });
  await staff.getByLabel(/e-mail/i).fill(email);
  await staff.getByLabel(/wachtwoord|password/i).fill(password);
  await staff.getByRole('button', { name: /inloggen met wachtwoord|sign in with password/i }).click();
  await expect(page).not.toHaveURL(/\/inloggen/);
  await remember(page, email);
}

type Outbox = Pick<typeof db, 'outboxMail'>;

/**
 * Parents sign in with the e-mail link, read from the outbox. `origin` and `outbox`: another server
 * of the run with its own database (the go-live test's real installation).
 */
export async function signInWithLink(page: Page, email: string, { fresh = false, origin = '', outbox = db as Outbox } = {}) {
  if (!fresh && (await reuseSession(page, email))) return;
  await page.goto(`${origin}/inloggen`);
  await page.getByLabel(/^e-mailadres|^e-mail address/i).first().fill(email);
  await page.getByRole('button', { name: /stuur mij een inloglink|send me a sign-in link/i }).click();
  await expect(page.getByRole('status').filter({ hasText: /inloglink|sign-in link/i })).toBeVisible();
  const link = await latestLinkFor(email, { outbox });
  await page.goto(link);
  await page.getByRole('button', { name: /^inloggen$|^sign in$/i }).click();
  await expect(page).not.toHaveURL(/\/inloggen/);
  await remember(page, email);
}

export async function latestLinkFor(email: string, { kind = 'sign_in_link', outbox = db as Outbox } = {}) {
  const mail = await outbox.outboxMail.findFirstOrThrow({ where: { to: email, kind }, orderBy: { createdAt: 'desc' } });
  const match = mail.text.match(/https?:\/\/\S+/);
  if (!match) throw new Error('no link in mail');
  return match[0];
}

/**
 * An API client signed in as this user without the sign-in form, for tests about what comes after
 * signing in (the sign-in path itself is measured by bench:opening and tested above). The session
 * row and token are made exactly as a sign-in makes them.
 */
export async function apiAs(userId: string) {
  const sid = randomUUID();
  await db.userSession.create({ data: { id: sid, userId } });
  const token = await encode({ token: { sub: userId, sid }, secret: E2E_AUTH_SECRET });
  return request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { cookie: `next-auth.session-token=${token}` } });
}

/** A date `days` from today in the school's zone ("YYYY-MM-DD"), so fixtures hold on any day the suite runs. */
export const dayIn = (days: number) => zonedDateKey(new Date(Date.now() + days * 86_400_000));

/** The first school day of the demo school at least `days` from today (weekends and its holidays skipped). */
export async function schoolDayIn(days: number) {
  const holidays = await db.holiday.findMany({ where: { school: { slug: 'distelvlinder' } }, select: { startDate: true, endDate: true } });
  return addWorkingDays(dayIn(days - 1), 1, holidays);
}
