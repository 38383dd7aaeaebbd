'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/actor';
import { isHttpsSite, sessionFromCookies } from '@/lib/auth/session';
import { type ActionResult, toActionError } from '@/lib/errors';
import { AccountInputError, changeOwnPassword, endOtherSessions, endOwnSession } from './service';

export async function changeOwnPasswordAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const session = await sessionFromCookies(await cookies(), isHttpsSite());
  try {
    await changeOwnPassword(actor, { current: formData.get('current') ?? '', next: formData.get('next') ?? '', confirm: formData.get('confirm') ?? '' }, session?.sid);
    return { ok: true };
  } catch (e) {
    if (e instanceof AccountInputError) return { ok: false, error: 'INVALID_INPUT', fieldErrors: e.fieldErrors };
    return toActionError(e);
  }
}

/** The signed-in user (any role: parents too) and the session asking; the cookie names it. */
async function ownSession() {
  const actor = await requireRole();
  const session = await sessionFromCookies(await cookies(), isHttpsSite());
  if (!session || session.userId !== actor.userId) redirect('/inloggen');
  return session;
}

export async function endOwnSessionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { userId, sid } = await ownSession(); // outside the try: it may redirect to the sign-in page
  try {
    await endOwnSession(userId, { sessionId: formData.get('sessionId') }, sid);
    revalidatePath('/account');
    return { ok: true };
  } catch (e) {
    // Not a session id at all (only a tampered form sends one): it names no session of theirs either.
    if (e instanceof AccountInputError) return { ok: false, error: 'NOT_FOUND' };
    return toActionError(e);
  }
}

export async function endOtherSessionsAction(): Promise<ActionResult> {
  const { userId, sid } = await ownSession();
  try {
    await endOtherSessions(userId, sid);
    revalidatePath('/account');
    return { ok: true };
  } catch (e) {
    return toActionError(e);
  }
}
