import { z } from 'zod';
import { apiHandler } from '@/lib/api';
import { actorForApi } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { prisma } from '@/lib/db';
import { childDetail } from '@/lib/people/queries';
import { auditFile } from '@/lib/records/audit';

const params = z.object({ id: z.string().min(1).max(40) });

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  return apiHandler(async () => {
    const actor = await actorForApi();
    const parsed = params.safeParse(await ctx.params);
    if (!parsed.success) throw new AppError('INVALID_INPUT');
    const child = await childDetail(actor, parsed.data.id);
    await auditFile(prisma, actor, child.id, 'read', 'details');
    return { child };
  });
}
