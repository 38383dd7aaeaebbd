import 'server-only';
import { AppError, type ErrorCode, isDatabaseUnavailable } from '@/lib/errors';

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 404, // fail closed: do not confirm that someone else's data exists
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  RATE_LIMITED: 429,
  CONFLICT: 409,
  SLOT_TAKEN: 409,
  CHILD_ALREADY_BOOKED: 409,
  PARENT_BUSY: 409,
  ROUND_NOT_OPEN: 403,
  DEADLINE_PASSED: 403,
  NOT_INVITED: 403,
  IN_THE_PAST: 400,
  TALK_HELD: 403,
  UNAVAILABLE: 503,
};

/** Runs an API handler; domain errors become JSON with a code and a status, the rest a logged 500. */
export async function apiHandler(fn: () => Promise<unknown>) {
  try {
    const result = await fn();
    return result instanceof Response ? result : Response.json(result);
  } catch (e) {
    if (e instanceof AppError) return Response.json({ error: e.code }, { status: STATUS[e.code] ?? 400 });
    if (isDatabaseUnavailable(e)) return Response.json({ error: 'UNAVAILABLE' }, { status: 503, headers: { 'retry-after': '5' } });
    console.error(e);
    return Response.json({ error: 'UNEXPECTED' }, { status: 500 });
  }
}
