import { poolExec } from '@/lib/db-raw';

// Readiness for a load balancer or monitor: 200 only while the database answers. /api/health stays
// database-free because the start script and Playwright wait on it before the database has data.
const TIMEOUT_MS = 1000;

export const dynamic = 'force-dynamic';

export async function GET() {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)));
  try {
    await Promise.race([poolExec('select 1', []), timeout]);
    return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
  } catch {
    return Response.json({ ok: false }, { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '5' } });
  } finally {
    clearTimeout(timer);
  }
}
