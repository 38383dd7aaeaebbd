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
  | 'TALK_HELD';

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message?: string,
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
  | { ok: false; error: ErrorCode | 'UNEXPECTED'; fieldErrors?: Record<string, string[]> };

export function toActionError(e: unknown): { ok: false; error: ErrorCode | 'UNEXPECTED' } {
  if (e instanceof AppError) return { ok: false, error: e.code };
  console.error(e);
  return { ok: false, error: 'UNEXPECTED' };
}
