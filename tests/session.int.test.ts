import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { encode } from '@/lib/auth/jwt';
import { authOptions } from '@/lib/auth/options';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { isHttpsSite, liveSession, SESSION_COOKIE, SESSION_LIMITS, sessionFromCookies } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { createSchool, createUser } from './support/factories';

// Sign in and out through next-auth's own request handler (what app/api/auth/[...nextauth] runs),
// then ask what every page asks: sessionFromCookies + liveSession (lib/auth/actor.ts).

const SECRET = 'session-test-secret-0123456789abcdef';
const PASSWORD = 'Distelvlinder!2026';
type Cookie = { name: string; value: string; options: { secure?: boolean; httpOnly?: boolean } };
type Handled = { cookies?: Cookie[]; redirect?: string; body?: unknown };
// next-auth's request handler, the one its App Router route wraps; its package does not export the path.
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as {
  AuthHandler: (params: { req: unknown; options: unknown }) => Promise<Handled>;
};

beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
});
afterEach(() => {
  delete process.env.NEXTAUTH_URL;
});

async function handle(req: Record<string, unknown>) {
  return AuthHandler({ req: { query: {}, headers: {}, cookies: {}, ...req }, options: { ...authOptions, secret: SECRET } });
}

async function csrf() {
  const res = await handle({ method: 'GET', action: 'csrf' });
  const cookie = res.cookies!.find((c) => c.name.endsWith('next-auth.csrf-token'))!;
  return { token: (res.body as { csrfToken: string }).csrfToken, cookies: { [cookie.name]: cookie.value } };
}

async function signIn(email: string, password = PASSWORD) {
  const c = await csrf();
  const res = await handle({
    method: 'POST',
    action: 'callback',
    providerId: 'password',
    headers: { [CLIENT_ADDRESS_HEADER]: `203.0.113.${randomUUID().slice(0, 6)}` },
    cookies: c.cookies,
    body: { email, password, csrfToken: c.token },
  });
  return { res, session: res.cookies?.find((x) => x.name.endsWith(SESSION_COOKIE)) };
}

async function signOut(session: Cookie) {
  const c = await csrf();
  return handle({ method: 'POST', action: 'signout', cookies: { ...c.cookies, [session.name]: session.value }, body: { csrfToken: c.token } });
}

const jar = (cookie: Cookie) => ({ get: (name: string) => (name === cookie.name ? { value: cookie.value } : undefined) });

async function staffWithPassword(hash?: string) {
  const { school } = await createSchool();
  const { user } = await createUser(school.id, 'TEACHER');
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: hash ?? (await hashPassword(PASSWORD)) } });
  return user;
}

describe('sessions', () => {
  it('a signed-in session is live until signed out; after that the same cookie is refused', async () => {
    const user = await staffWithPassword();
    const { session } = await signIn(user.email);
    expect(session?.options.httpOnly).toBe(true);
    const who = await sessionFromCookies(jar(session!), false);
    expect(who?.userId).toBe(user.id);
    expect((await liveSession(who!.userId, who!.sid))?.map((m) => m.role)).toEqual(['TEACHER']);

    const out = await signOut(session!);
    expect(out.cookies?.find((c) => c.name.endsWith(SESSION_COOKIE))?.value).toBe('');
    // Someone who kept a copy of the cookie: it still decodes, but the session is over.
    expect(await sessionFromCookies(jar(session!), false)).toEqual(who);
    expect(await liveSession(who!.userId, who!.sid)).toBeNull();
  });

  it('signing out ends that browser only', async () => {
    const user = await staffWithPassword();
    const pc = (await signIn(user.email)).session!;
    const phone = (await signIn(user.email)).session!;
    await signOut(pc);
    const a = (await sessionFromCookies(jar(pc), false))!;
    const b = (await sessionFromCookies(jar(phone), false))!;
    expect(await liveSession(a.userId, a.sid)).toBeNull();
    expect(await liveSession(b.userId, b.sid)).not.toBeNull();
  });

  it('a wrong password opens no session', async () => {
    const user = await staffWithPassword();
    const { res, session } = await signIn(user.email, 'wrong');
    expect(session).toBeUndefined();
    expect(res.redirect).toContain('error=INVALID_CREDENTIALS');
    expect(await prisma.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it('staff are signed out after an hour without a request; a parent’s session survives that', async () => {
    const { school } = await createSchool();
    const staff = await createUser(school.id, 'TEACHER');
    const parent = await createUser(school.id, 'GUARDIAN');
    const now = new Date();
    const ago = (s: number) => new Date(now.getTime() - s * 1000);
    const open = async (userId: string, lastSeenAt: Date, createdAt = lastSeenAt) =>
      (await prisma.userSession.create({ data: { id: randomUUID(), userId, createdAt, lastSeenAt } })).id;

    const idleStaff = await open(staff.user.id, ago(SESSION_LIMITS.staff.idleSeconds + 60));
    const activeStaff = await open(staff.user.id, ago(SESSION_LIMITS.staff.idleSeconds - 60));
    const oldStaff = await open(staff.user.id, ago(60), ago(SESSION_LIMITS.staff.maxSeconds + 60));
    const quietParent = await open(parent.user.id, ago(SESSION_LIMITS.staff.idleSeconds + 60));
    const goneParent = await open(parent.user.id, ago(SESSION_LIMITS.guardian.idleSeconds + 60));

    expect(await liveSession(staff.user.id, idleStaff, now)).toBeNull();
    expect(await liveSession(staff.user.id, activeStaff, now)).not.toBeNull();
    expect(await liveSession(staff.user.id, oldStaff, now)).toBeNull();
    expect(await liveSession(parent.user.id, quietParent, now)).not.toBeNull();
    expect(await liveSession(parent.user.id, goneParent, now)).toBeNull();
    // Someone else's session id with my user id: refused.
    expect(await liveSession(parent.user.id, activeStaff, now)).toBeNull();

    // Being seen moves the idle clock (written at most once a minute).
    expect((await prisma.userSession.findUniqueOrThrow({ where: { id: activeStaff } })).lastSeenAt).toEqual(now);
    expect((await prisma.userSession.findUniqueOrThrow({ where: { id: idleStaff } })).lastSeenAt).toEqual(ago(SESSION_LIMITS.staff.idleSeconds + 60));
  });

  it('a parent who is staff elsewhere gets the staff limits', async () => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'GUARDIAN');
    await prisma.membership.create({ data: { schoolId: (await createSchool()).school.id, userId: user.id, role: 'TEACHER' } });
    const sid = randomUUID();
    const now = new Date();
    await prisma.userSession.create({ data: { id: sid, userId: user.id, lastSeenAt: new Date(now.getTime() - (SESSION_LIMITS.staff.idleSeconds + 60) * 1000) } });
    expect(await liveSession(user.id, sid, now)).toBeNull();
  });

  it('a cookie without a session id (made before sessions were kept) is refused', async () => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'GUARDIAN');
    const value = await encode({ token: { sub: user.id }, secret: SECRET });
    expect(await sessionFromCookies(jar({ name: SESSION_COOKIE, value, options: {} }), false)).toBeNull();
  });

  it('cookies are Secure when the site is https', async () => {
    process.env.NEXTAUTH_URL = 'https://portal.example';
    const user = await staffWithPassword();
    const c = await csrf();
    expect(Object.keys(c.cookies)[0]).toBe('__Host-next-auth.csrf-token');
    const { session } = await signIn(user.email);
    expect(session?.name).toBe(`__Secure-${SESSION_COOKIE}`);
    expect(session?.options.secure).toBe(true);
    expect(isHttpsSite()).toBe(true);
    const who = await sessionFromCookies(jar(session!), isHttpsSite());
    expect(who?.userId).toBe(user.id);
  });
});

describe('password hashes', () => {
  it('a hash made with the old parameters is replaced at the next successful sign-in', async () => {
    const old = await hashPassword(PASSWORD, { N: 1 << 15, r: 8, p: 1 });
    expect(old).toMatch(/^scrypt\$32768\$/);
    const user = await staffWithPassword(old);
    const { session } = await signIn(user.email);
    expect(session).toBeDefined();
    const stored = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword('wrong', stored)).toBe(false);
  });

  it('a wrong password leaves the old hash alone', async () => {
    const old = await hashPassword(PASSWORD, { N: 1 << 15, r: 8, p: 1 });
    const user = await staffWithPassword(old);
    await signIn(user.email, 'wrong');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(old);
  });
});
