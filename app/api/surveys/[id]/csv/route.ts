import { apiHandler } from '@/lib/api';
import { actorForApi } from '@/lib/auth/actor';
import { surveyCsv } from '@/lib/surveys/results';

// GET /api/surveys/{id}/csv: the results as CSV for Dutch Excel (aggregates only; small groups withheld;
// an anonymous survey's only once it has closed, 403 ROUND_NOT_OPEN before).
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  return apiHandler(async () => {
    const actor = await actorForApi('DIRECTOR');
    const csv = await surveyCsv(actor, (await ctx.params).id);
    return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="resultaten.csv"' } });
  });
}
