import 'server-only';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/generated/prisma/client';
import { poolExec } from '@/lib/db-raw';
import { AppError } from '@/lib/errors';
import { isHttpsSite, liveSession, sessionFromCookies } from './session';

/**
 * Who is asking: one person in one role at one school. Every data function takes this. `care`: a
 * staff member who is also the school's internal supervisor (intern begeleider).
 */
export type Actor = { userId: string; schoolId: string; role: Role; membershipId: string; care?: boolean };

export const ACTIVE_MEMBERSHIP_COOKIE = 'ctx';

// Asked on every request: the cookie, then one query that both checks the session is live (not
// signed out, not idle, not too old) and loads the memberships (lib/auth/session.ts).
const currentSession = cache(async () => {
  const s = await sessionFromCookies(await cookies(), isHttpsSite());
  if (!s) return null;
  const memberships = await liveSession(s.userId, s.sid);
  return memberships ? { userId: s.userId, memberships } : null;
});

export const currentUserId = cache(async (): Promise<string | null> => (await currentSession())?.userId ?? null);

// Plain SQL (see lib/db-raw.ts for the measured reason); for the signed-in user it comes with the session check.
export const membershipsOf = cache(async (userId: string) => {
  const session = await currentSession();
  if (session?.userId === userId) return session.memberships;
  const rows = await poolExec<{ id: string; role: Role; schoolId: string; schoolName: string; careCoordinator: boolean }>(
    `SELECT m.id, m.role, m."schoolId", m."careCoordinator", s.name AS "schoolName" FROM "Membership" m JOIN "School" s ON s.id = m."schoolId"
     WHERE m."userId" = $1 ORDER BY m."createdAt", m.id`,
    [userId],
  );
  return rows.map((r) => ({ id: r.id, role: r.role, schoolId: r.schoolId, care: r.careCoordinator, school: { name: r.schoolName } }));
});

/** The membership the user is acting in: the one chosen in the role switch, else their first. */
export async function currentActor(roles?: Role[]): Promise<Actor | null> {
  const userId = await currentUserId();
  if (!userId) return null;
  const all = await membershipsOf(userId);
  const allowed = roles ? all.filter((m) => roles.includes(m.role)) : all;
  const chosen = (await cookies()).get(ACTIVE_MEMBERSHIP_COOKIE)?.value;
  const m = allowed.find((x) => x.id === chosen) ?? allowed[0];
  return m ? { userId, schoolId: m.schoolId, role: m.role, membershipId: m.id, care: m.care } : null;
}

/**
 * For pages and server actions: the first line of each. Not signed in → sign-in page;
 * signed in without the role → 404, so the page's existence is not confirmed either.
 */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  if (!(await currentUserId())) redirect('/inloggen');
  const actor = await currentActor(roles.length ? roles : undefined);
  if (!actor) notFound();
  return actor;
}

/** For API routes: throws AppError so the route can answer 401/404 as JSON. */
export async function actorForApi(...roles: Role[]): Promise<Actor> {
  if (!(await currentUserId())) throw new AppError('UNAUTHENTICATED');
  const actor = await currentActor(roles.length ? roles : undefined);
  if (!actor) throw new AppError('NOT_FOUND');
  return actor;
}
