'use server';

import { cookies } from 'next/headers';
import { requireRole } from '@/lib/auth/actor';
import { isHttpsSite, sessionFromCookies } from '@/lib/auth/session';
import { type ActionResult, toActionError } from '@/lib/errors';
import { AccountInputError, changeOwnPassword } from './service';

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
