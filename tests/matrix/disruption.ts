import { cancelTeacherDay, moveRoundBlock } from '@/lib/bookings/disruption';
import { prisma } from '@/lib/db';
import type { Probes } from './types';

// Probes for the talkDay kind of the policy table (lib/access/policy.ts): a teacher of the child's
// group falls ill (their talks of the round day cancelled), the round's evening moves a day later.
// They change the rounds, so the matrix runs them after every other probe (spread last).

export function disruptionProbes(roundDay: string, now: Date): Probes {
  const nextDay = new Date(Date.parse(`${roundDay}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    'talkDay.cancel': async (a, c) => {
      const teacher = await prisma.groupTeacher.findFirst({ where: { groupId: c.groupId }, select: { userId: true } });
      return cancelTeacherDay(a, { groupId: c.groupId, teacherId: teacher?.userId ?? 'nobody', date: roundDay, reason: 'De leerkracht is ziek.' }, now);
    },
    'talkDay.move': async (a, c) => {
      const block = await prisma.roundBlock.findFirstOrThrow({ where: { roundId: c.roundId }, select: { id: true } });
      return moveRoundBlock(a, { blockId: block.id, date: nextDay }, now);
    },
  };
}
