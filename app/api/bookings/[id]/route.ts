import { z } from 'zod';
import { apiHandler } from '@/lib/api';
import { actorForApi } from '@/lib/auth/actor';
import { cancelSchema, moveSchema } from '@/lib/bookings/schemas';
import { cancelBooking, moveBooking } from '@/lib/bookings/service';
import { AppError } from '@/lib/errors';

type Ctx = { params: Promise<{ id: string }> };

// DELETE /api/bookings/{id}: cancel (guardians until the deadline, staff always).
export async function DELETE(_req: Request, ctx: Ctx) {
  return apiHandler(async () => {
    const actor = await actorForApi();
    const parsed = cancelSchema.safeParse({ bookingId: (await ctx.params).id });
    if (!parsed.success) throw new AppError('INVALID_INPUT');
    await cancelBooking(actor, parsed.data.bookingId);
    return { ok: true };
  });
}

// PATCH /api/bookings/{id} {slotId}: move to another slot, all or nothing.
export async function PATCH(req: Request, ctx: Ctx) {
  return apiHandler(async () => {
    const actor = await actorForApi();
    const body = (await req.json().catch(() => null)) as { slotId?: unknown } | null;
    const parsed = moveSchema.safeParse({ bookingId: (await ctx.params).id, slotId: body?.slotId });
    if (!parsed.success) return Response.json({ error: 'INVALID_INPUT', fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
    return { booking: await moveBooking(actor, parsed.data.bookingId, parsed.data.slotId) };
  });
}
