import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { clientKeyOf } from './client-address';
import { decode, encode } from './jwt';
import { hashPassword, needsRehash, verifyPassword, DUMMY_HASH } from './password';
import { accountKey, addressKey, attemptSucceeded, beginAttempt, RateLimitedError } from './rate-limit';
import { COOKIE_MAX_AGE_SECONDS, endSession, openSession } from './session';
import { consumeSignInToken, isSpendable } from './sign-in-link';

export { clientKeyOf };

const passwordInput = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });
const linkInput = z.object({ token: z.string().min(20).max(100) });

// Errors thrown from authorize() reach the client as `error` on signIn's result; keep them to codes.
// A refusal by the rate limit carries the wait: RATE_LIMITED:<seconds>.
const refusal = (e: unknown) => (e instanceof RateLimitedError ? new Error(`RATE_LIMITED:${e.retryAfterSeconds}`) : e);

type Req = { headers?: Record<string, string | string[] | undefined> } | undefined;

// next-auth hands the request only to authorize(); what it returns reaches the jwt callback as `user`,
// so the browser's User-Agent rides along to where the session row is opened (account page: devices).
const userAgentOf = (req: Req) => {
  const raw = req?.headers?.['user-agent'];
  return (Array.isArray(raw) ? raw[0] : raw) ?? null;
};

export async function authorizePassword(credentials: unknown, req: Req) {
  const parsed = passwordInput.safeParse(credentials);
  if (!parsed.success) throw new Error('INVALID_CREDENTIALS');
  const { email, password } = parsed.data;
  // A password's outcome needs the hash: both keys count it up front and get it back if it was right.
  const attempt = await beginAttempt([accountKey('pw', email), addressKey(clientKeyOf(req?.headers))]).catch((e) => {
    throw refusal(e);
  });
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, passwordHash: true, memberships: { where: { role: { in: ['TEACHER', 'DIRECTOR'] } }, select: { id: true } } },
  });
  // Always run the hash so response time does not reveal whether the address exists.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.memberships.length === 0) throw new Error('INVALID_CREDENTIALS');
  await attemptSucceeded(attempt);
  if (needsRehash(user.passwordHash!)) {
    // Only if nobody changed it meanwhile.
    await prisma.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: await hashPassword(password) } });
  }
  return { id: user.id, email: user.email, userAgent: userAgentOf(req) };
}

export async function authorizeLink(credentials: unknown, req: Req) {
  const address = addressKey(clientKeyOf(req?.headers));
  const parsed = linkInput.safeParse(credentials);
  try {
    // A bad link counts against the client's address (guessing); a good one is 256 random bits the
    // person got by mail, so no address throttle stands in its way: a pupil trying made-up links on
    // the school's Wi-Fi cannot lock the parents in the building out.
    if (!parsed.success || !(await isSpendable(parsed.data.token))) {
      await beginAttempt([address]);
      throw new Error('LINK_INVALID');
    }
    const user = await consumeSignInToken(parsed.data.token);
    if (user) return { id: user.id, email: user.email, userAgent: userAgentOf(req) };
    await beginAttempt([address]); // spent by a click a moment earlier
    throw new Error('LINK_INVALID');
  } catch (e) {
    throw refusal(e);
  }
}

export const authOptions: NextAuthOptions = {
  // The cookie may live as long as the longest session; lib/auth/session.ts ends sessions earlier.
  session: { strategy: 'jwt', maxAge: COOKIE_MAX_AGE_SECONDS },
  jwt: { encode, decode },
  // Secure cookies: next-auth sets them itself when NEXTAUTH_URL is https (isHttpsSite() is the same rule).
  pages: { signIn: '/inloggen', error: '/inloggen' },
  providers: [
    Credentials({
      id: 'password',
      name: 'password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      authorize: (credentials, req) => authorizePassword(credentials, req as Req),
    }),
    Credentials({
      id: 'email-link',
      name: 'email-link',
      credentials: { token: { type: 'text' } },
      authorize: (credentials, req) => authorizeLink(credentials, req as Req),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // Signing in opens a session row; the cookie names it from then on.
      if (user) {
        token.sub = user.id;
        token.sid = await openSession(user.id, new Date(), (user as { userAgent?: string | null }).userAgent);
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
  events: {
    // Signing out ends this browser's session on the server, not only its cookie.
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await endSession(token.sid);
    },
  },
};
