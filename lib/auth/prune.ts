import 'server-only';
import { pruneSignInThrottle } from './rate-limit';
import { pruneSessions } from './session';
import { pruneSignInTokens } from './sign-in-link';

/** Periodic (instrumentation.ts): rows of throttles, sessions and links that can no longer matter. */
export async function pruneAuthRows(now = new Date()) {
  await pruneSignInThrottle(now);
  await pruneSessions(now);
  await pruneSignInTokens(now);
}
