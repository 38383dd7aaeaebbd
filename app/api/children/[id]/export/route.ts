import { z } from 'zod';
import { apiHandler } from '@/lib/api';
import { actorForApi } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { childExport } from '@/lib/records/service';

// GET /api/children/{id}/export: a guardian's data-subject access request, as a JSON download.
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  return apiHandler(async () => {
    const actor = await actorForApi('GUARDIAN');
    const parsed = z.string().min(1).max(40).safeParse((await ctx.params).id);
    if (!parsed.success) throw new AppError('INVALID_INPUT');
    const data = await childExport(actor, parsed.data);
    return new Response(JSON.stringify(data, null, 2), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="dossier.json"' },
    });
  });
}
