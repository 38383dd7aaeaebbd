import { z } from 'zod';
import { apiHandler } from '@/lib/api';
import { actorForApi } from '@/lib/auth/actor';
import { freeSlotsFor } from '@/lib/bookings/queries';
import { AppError } from '@/lib/errors';

const query = z.object({ roundId: z.string().min(1).max(40), childId: z.string().min(1).max(40) });

// GET /api/rounds/{roundId}/slots?childId=…: the free slots of that child's teacher(s).
export async function GET(req: Request, ctx: { params: Promise<{ roundId: string }> }) {
  return apiHandler(async () => {
    const actor = await actorForApi();
    const parsed = query.safeParse({ roundId: (await ctx.params).roundId, childId: new URL(req.url).searchParams.get('childId') });
    if (!parsed.success) throw new AppError('INVALID_INPUT');
    return { slots: await freeSlotsFor(actor, parsed.data.roundId, parsed.data.childId) };
  });
}
