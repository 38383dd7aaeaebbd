import { z } from 'zod';
import { apiHandler } from '@/lib/api';
import { actorForApi } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { childDetail } from '@/lib/people/queries';

const params = z.object({ id: z.string().min(1).max(40) });

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  return apiHandler(async () => {
    const actor = await actorForApi();
    const parsed = params.safeParse(await ctx.params);
    if (!parsed.success) throw new AppError('INVALID_INPUT');
    // childDetail audits a staff member's read and leaves out what the actor may not see.
    return { child: await childDetail(actor, parsed.data.id) };
  });
}
