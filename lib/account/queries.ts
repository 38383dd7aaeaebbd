import 'server-only';
import { prisma } from '@/lib/db';
import { SESSION_LIMITS } from '@/lib/auth/session';

export type OwnSession = { id: string; userAgent: string | null; createdAt: Date; lastSeenAt: Date; current: boolean };

/**
 * Whether the user gets the staff limits: the same rule liveSession applies (any membership that is
 * not a guardian's).
 */
async function limitsOf(userId: string) {
  const staff = await prisma.membership.count({ where: { userId, role: { not: 'GUARDIAN' } } });
  return staff ? SESSION_LIMITS.staff : SESSION_LIMITS.guardian;
}

/**
 * The signed-in user's live sessions, newest activity first: not ended, and within the idle and
 * absolute limits, so a session the next request would refuse is not listed as if it were open.
 */
export async function listOwnSessions(userId: string, currentSid: string | undefined, now = new Date()): Promise<OwnSession[]> {
  const { idleSeconds, maxSeconds } = await limitsOf(userId);
  const rows = await prisma.userSession.findMany({
    where: {
      userId,
      endedAt: null,
      lastSeenAt: { gt: new Date(now.getTime() - idleSeconds * 1000) },
      createdAt: { gt: new Date(now.getTime() - maxSeconds * 1000) },
    },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: [{ lastSeenAt: 'desc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({ ...r, current: r.id === currentSid }));
}
