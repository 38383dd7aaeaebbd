import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError, type ErrorCode } from '@/lib/errors';
import { nearestAlternatives } from './queries';
import type { BookInput } from './schemas';
import { bookTalks } from './service';

export type Alternative = { id: string; startsAt: Date; endsAt: Date; location: string | null };
export type BookOutcome =
  | { ok: true; bookings: Awaited<ReturnType<typeof bookTalks>> }
  | { ok: false; error: ErrorCode; alternatives: { childId: string; slots: Alternative[] }[] };

/**
 * Book, and when a slot was just taken, answer with the nearest free slots per child instead of an
 * error page. Shared by the server action and the JSON API.
 */
export async function bookOrSuggest(actor: Actor, input: BookInput): Promise<BookOutcome> {
  try {
    return { ok: true, bookings: await bookTalks(actor, input) };
  } catch (e) {
    if (!(e instanceof AppError) || !['SLOT_TAKEN', 'PARENT_BUSY'].includes(e.code)) throw e;
    const wanted = await prisma.slot.findMany({ where: { id: { in: input.items.map((i) => i.slotId) }, schoolId: actor.schoolId }, select: { id: true, startsAt: true } });
    const alternatives = await Promise.all(
      input.items.map(async (item) => {
        const at = wanted.find((w) => w.id === item.slotId)?.startsAt ?? new Date();
        return { childId: item.childId, slots: await nearestAlternatives(actor, input.roundId, item.childId, at) };
      }),
    );
    return { ok: false, error: e.code, alternatives };
  }
}
