import { z } from 'zod';
import { idSchema } from '@/lib/access/ids';
import { apiHandler } from '@/lib/api';
import { contentDisposition } from '@/lib/announcements/files';
import { attachmentFor } from '@/lib/announcements/service';
import { actorForApi } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';

const params = z.object({ id: idSchema, attachmentId: idSchema });

// GET /api/announcements/{id}/attachments/{attachmentId}: the file, only for those who may read the
// announcement (attachmentFor); anyone else 404, as if it did not exist. Its type is the one found
// in its bytes on upload; nosniff keeps the browser to it, and shared caches never keep a copy.
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; attachmentId: string }> }) {
  return apiHandler(async () => {
    const actor = await actorForApi();
    const parsed = params.safeParse(await ctx.params);
    if (!parsed.success) throw new AppError('NOT_FOUND');
    const f = await attachmentFor(actor, parsed.data.id, parsed.data.attachmentId);
    return new Response(new Uint8Array(f.data), {
      headers: {
        'content-type': f.mimeType,
        'content-length': String(f.data.byteLength),
        'content-disposition': contentDisposition(f.fileName),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
