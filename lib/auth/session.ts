import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Role } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import { poolExec } from '@/lib/db-raw';
import { decode } from './jwt';

// A session is a row in UserSession, named by `sid` inside the (encrypted) session cookie. The cookie
// alone proves nothing: each request checks its row in the same query that loads the memberships,
// so signing out (the row is ended), idling past the limit or outliving the absolute limit refuses
// the cookie at once, though the cookie itself would still be valid for weeks.
//
// A row per session rather than a version number per user: signing out on the school's PC ends that
// browser's session only, not the parent's phone; ending all of a user's sessions is one update too.
//
// The limits depend on who signs in. Staff read children's files, often on a shared computer in a
// classroom: one hour without a request ends the session, and it lasts a working day at most.
// Anyone with a staff membership gets these, also when they are a parent too. Parents sign in with
// a link mailed to them and use their own phone a few times a year: their session survives two
// weeks without use and lasts 30 days at most, so they are not asked for a new link at every visit.
export const SESSION_LIMITS = {
  staff: { idleSeconds: 60 * 60, maxSeconds: 12 * 60 * 60 },
  guardian: { idleSeconds: 14 * 24 * 60 * 60, maxSeconds: 30 * 24 * 60 * 60 },
} as const;
/** The cookie lives as long as the longest session may; the row decides earlier. */
export const COOKIE_MAX_AGE_SECONDS = SESSION_LIMITS.guardian.maxSeconds;
/** lastSeenAt is written at most once a minute per session, not on every request. */
export const TOUCH_AFTER_SECONDS = 60;

export const SESSION_COOKIE = 'next-auth.session-token';

/** Cookies get `Secure` when the site is served over https: the same rule next-auth applies to its own. */
export const isHttpsSite = () => (process.env.NEXTAUTH_URL ?? '').startsWith('https://');

/** Longest User-Agent kept: enough to name browser and system, not a place to store what a client sends. */
export const USER_AGENT_MAX = 200;

export async function openSession(userId: string, now = new Date(), userAgent?: string | null): Promise<string> {
  const id = randomBytes(18).toString('base64url');
  const ua = userAgent?.trim().slice(0, USER_AGENT_MAX) || null;
  await prisma.$transaction([
    prisma.userSession.create({ data: { id, userId, createdAt: now, lastSeenAt: now, userAgent: ua } }),
    prisma.user.updateMany({ where: { id: userId, firstSignedInAt: null }, data: { firstSignedInAt: now } }),
  ]);
  return id;
}

export async function endSession(sid: string, now = new Date()) {
  await prisma.userSession.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: now } });
}

export async function endAllSessions(userId: string, now = new Date()) {
  await prisma.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
}

type CookieJar = { get(name: string): { value: string } | undefined };

/**
 * Who the session cookie says this is: next-auth's own cookie, decoded as next-auth decodes it
 * (lib/auth/jwt.ts), without its per-request callback round that would re-encrypt the cookie only to
 * throw the result away (a server component cannot set cookies).
 */
export async function sessionFromCookies(jar: CookieJar, secure: boolean): Promise<{ userId: string; sid: string } | null> {
  const token = jar.get(`${secure ? '__Secure-' : ''}${SESSION_COOKIE}`)?.value;
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!token || !secret) return null;
  try {
    const payload = await decode({ token, secret });
    return typeof payload?.sub === 'string' && typeof payload.sid === 'string' ? { userId: payload.sub, sid: payload.sid } : null;
  } catch {
    return null; // expired, or made with another secret
  }
}

export type SessionMembership = { id: string; role: Role; schoolId: string; care: boolean; school: { name: string } };

/**
 * The one query of every signed-in request: whether the session is still live (and, at most once a
 * minute, that it was seen), together with the user's memberships. null: not live.
 */
export async function liveSession(userId: string, sid: string, now = new Date()): Promise<SessionMembership[] | null> {
  const { staff, guardian } = SESSION_LIMITS;
  const rows = await poolExec<{ id: string | null; role: Role; schoolId: string; careCoordinator: boolean; schoolName: string }>(
    `WITH s AS (
       SELECT us.id, us."lastSeenAt", us."createdAt",
              EXISTS (SELECT 1 FROM "Membership" x WHERE x."userId" = us."userId" AND x.role <> 'GUARDIAN') AS staff
       FROM "UserSession" us WHERE us.id = $2 AND us."userId" = $1 AND us."endedAt" IS NULL
     ), live AS (
       SELECT id, "lastSeenAt" FROM s
       WHERE "lastSeenAt" > $3::timestamp - make_interval(secs => CASE WHEN staff THEN $4::float8 ELSE $5::float8 END)
         AND "createdAt" > $3::timestamp - make_interval(secs => CASE WHEN staff THEN $6::float8 ELSE $7::float8 END)
     ), seen AS (
       UPDATE "UserSession" u SET "lastSeenAt" = $3::timestamp FROM live
       WHERE u.id = live.id AND live."lastSeenAt" < $3::timestamp - make_interval(secs => $8::float8)
     )
     SELECT m.id, m.role, m."schoolId", m."careCoordinator", sc.name AS "schoolName"
     FROM live LEFT JOIN "Membership" m ON m."userId" = $1 LEFT JOIN "School" sc ON sc.id = m."schoolId"
     ORDER BY m."createdAt", m.id`,
    [userId, sid, now.toISOString(), staff.idleSeconds, guardian.idleSeconds, staff.maxSeconds, guardian.maxSeconds, TOUCH_AFTER_SECONDS],
  );
  if (!rows.length) return null;
  return rows
    .filter((r) => r.id !== null)
    .map((r) => ({ id: r.id!, role: r.role, schoolId: r.schoolId, care: r.careCoordinator, school: { name: r.schoolName } }));
}

/** Rows of ended sessions, and of sessions past every limit, go a day later. */
export async function pruneSessions(now = new Date()) {
  const day = 24 * 3600_000;
  await poolExec(
    `DELETE FROM "UserSession" WHERE "endedAt" < $1::timestamp OR "lastSeenAt" < $2::timestamp OR "createdAt" < $3::timestamp`,
    [
      new Date(now.getTime() - day).toISOString(),
      new Date(now.getTime() - SESSION_LIMITS.guardian.idleSeconds * 1000 - day).toISOString(),
      new Date(now.getTime() - SESSION_LIMITS.guardian.maxSeconds * 1000 - day).toISOString(),
    ],
  );
}
