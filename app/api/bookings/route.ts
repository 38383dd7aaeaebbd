import { parseInput } from '@/lib/access/action';
import { apiHandler } from '@/lib/api';
import { actorForApi } from '@/lib/auth/actor';
import { bookOrSuggest } from '@/lib/bookings/book-or-suggest';
import { bookSchema } from '@/lib/bookings/schemas';

// POST /api/bookings — see public/openapi.yaml
export async function POST(req: Request) {
  // Who is asking comes first; a database that cannot be asked is a 503, not "signed out".
  return apiHandler(async () => {
    const actor = await actorForApi();
    const parsed = parseInput(bookSchema, await req.json().catch(() => null));
    if (!parsed.ok) return Response.json({ error: parsed.error, fieldErrors: parsed.fieldErrors }, { status: 400 });
    const outcome = await bookOrSuggest(actor, parsed.data);
    if (outcome.ok) return Response.json({ bookings: outcome.bookings }, { status: 201 });
    return Response.json({ error: outcome.error, alternatives: outcome.alternatives }, { status: 409 });
  });
}
