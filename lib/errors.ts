// Domain errors carry a code; the UI maps the code to a translated message (messages/*.json "errors").
export type ErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'INVALID_INPUT'
  | 'CONFLICT'
  | 'LINK_INVALID'
  | 'SLOT_TAKEN'
  | 'CHILD_ALREADY_BOOKED'
  | 'PARENT_BUSY'
  | 'ROUND_NOT_OPEN'
  | 'DEADLINE_PASSED'
  | 'NOT_INVITED'
  | 'IN_THE_PAST'
  | 'TALK_HELD'
  | 'UNAVAILABLE'
  | 'ALREADY_REMINDED'
  | 'SCHEDULE_HAS_BOOKINGS';

/** Which field was wrong, as message keys under "errors", and the values those messages name. */
export type ErrorDetails = { fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message?: string,
    public readonly details: ErrorDetails = {},
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code?: string }).code === 'P2002';
}

/** Result shape every server action returns; `error` is a message key under "errors". */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T }
  | { ok: false; error: ErrorCode | 'UNEXPECTED'; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

/**
 * The database cannot be reached right now (restarting, connection lost): the request changed nothing
 * (every write is one transaction) and may simply be tried again, so it is not "something went wrong".
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur = e as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; cur && depth < 5; cur = cur.cause as typeof cur, depth++) {
    const code = typeof cur.code === 'string' ? cur.code : '';
    if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|57P0[123]|08...)$/.test(code)) return true;
    if (typeof cur.message === 'string' && /ECONNREFUSED|Connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server/i.test(cur.message)) return true;
  }
  return false;
}

export function toActionError(e: unknown): { ok: false; error: ErrorCode | 'UNEXPECTED' } & ErrorDetails {
  if (e instanceof AppError) return { ok: false, error: e.code, ...e.details };
  if (isDatabaseUnavailable(e)) return { ok: false, error: 'UNAVAILABLE' };
  console.error(e);
  return { ok: false, error: 'UNEXPECTED' };
}
