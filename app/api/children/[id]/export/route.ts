import { z } from 'zod';
import { apiHandler } from '@/lib/api';
import { actorForApi } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { ROLES } from '@/lib/access/roles';
import { AppError } from '@/lib/errors';
import { childExport, childExportData } from '@/lib/records/export';
import { childFilePdf } from '@/lib/records/pdf';

const query = z.object({ id: z.string().min(1).max(40), format: z.enum(['json', 'pdf']).default('json') });

// GET /api/children/{id}/export[?format=pdf]: the data-subject access request of a guardian with
// authority, as a download (lib/records/export.ts refuses one with information only). The policy
// also lets the director give it; over HTTP it stays the parents' until the director has a page for it.
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return apiHandler(async () => {
    const actor = await actorForApi(...ROLES.guardian);
    const parsed = query.safeParse({ id: (await ctx.params).id, format: new URL(req.url).searchParams.get('format') ?? undefined });
    if (!parsed.success) throw new AppError('INVALID_INPUT');
    const { id, format } = parsed.data;
    if (format === 'pdf') {
      const [data, user] = await Promise.all([childExportData(actor, id), prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { locale: true } })]);
      const pdf = await childFilePdf(data, user.locale);
      return new Response(new Uint8Array(pdf), {
        headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="dossier.pdf"', 'cache-control': 'private, no-store' },
      });
    }
    const data = await childExport(actor, id);
    return new Response(JSON.stringify(data, null, 2), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="dossier.json"', 'cache-control': 'private, no-store' },
    });
  });
}
