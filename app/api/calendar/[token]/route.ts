import { calendarFeed } from '@/lib/bookings/calendar';

// GET /api/calendar/{token}: the personal webcal feed. Unknown token → 404, like any other miss.
export async function GET(_req: Request, ctx: { params: Promise<{ token: string }> }) {
  const feed = await calendarFeed((await ctx.params).token.replace(/\.ics$/, ''));
  if (feed === null) return new Response('Not found', { status: 404 });
  return new Response(feed, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' } });
}
