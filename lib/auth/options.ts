import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { verifyPassword } from './password';
import { consumeSignInAttempt, signInKeys } from './rate-limit';
import { decode, encode } from './jwt';
import { consumeSignInToken } from './sign-in-link';

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

const passwordInput = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });
const linkInput = z.object({ token: z.string().min(20).max(100) });

type HeaderBag = { get(name: string): string | null } | Record<string, string | string[] | undefined> | undefined;

/**
 * The client's address for rate limiting. X-Forwarded-For is only believed behind our own proxy
 * (TRUST_PROXY=1); otherwise anyone could pick a fresh address per attempt.
 */
export function clientKeyOf(headers: HeaderBag): string {
  if (process.env.TRUST_PROXY !== '1' || !headers) return 'direct';
  const raw = typeof headers.get === 'function' ? (headers as { get(n: string): string | null }).get('x-forwarded-for') : (headers as Record<string, unknown>)['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (typeof value === 'string' && value.split(',')[0].trim()) || 'direct';
}

// Errors thrown from authorize() reach the client as `error` on signIn's result; keep them to codes.
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { encode, decode },
  pages: { signIn: '/inloggen', error: '/inloggen' },
  providers: [
    Credentials({
      id: 'password',
      name: 'password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const parsed = passwordInput.safeParse(credentials);
        if (!parsed.success) throw new Error('INVALID_CREDENTIALS');
        const { email, password } = parsed.data;
        try {
          await consumeSignInAttempt(signInKeys('pw', email, clientKeyOf(req?.headers)));
        } catch (e) {
          if (e instanceof AppError) throw new Error(e.code);
          throw e;
        }
        const user = await prisma.user.findUnique({
          where: { email },
          select: { id: true, email: true, passwordHash: true, memberships: { where: { role: { in: ['TEACHER', 'DIRECTOR'] } }, select: { id: true } } },
        });
        // Always run the hash so response time does not reveal whether the address exists.
        const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
        if (!user || !ok || user.memberships.length === 0) throw new Error('INVALID_CREDENTIALS');
        return { id: user.id, email: user.email };
      },
    }),
    Credentials({
      id: 'email-link',
      name: 'email-link',
      credentials: { token: { type: 'text' } },
      async authorize(credentials) {
        const parsed = linkInput.safeParse(credentials);
        if (!parsed.success) throw new Error('LINK_INVALID');
        const user = await consumeSignInToken(parsed.data.token);
        if (!user) throw new Error('LINK_INVALID');
        return { id: user.id, email: user.email };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};
