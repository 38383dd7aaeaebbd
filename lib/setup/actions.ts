'use server';

import { requestSignInLink } from '@/lib/auth/sign-in-link';
import { type ActionResult, toActionError } from '@/lib/errors';
import { completeSetup, SetupInputError } from './service';

const FIELDS = ['boardName', 'name', 'brin', 'city', 'timeZone', 'holidayRegion', 'directorName', 'directorEmail'] as const;

// As in lib/auth/actions.ts: the link's host never comes from the request.
const baseUrl = () => process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

export type SetupResult = ActionResult<{ school: string; email: string; linkSent: boolean }>;

/** The setup link's form. No sign-in: the one-time token in the form is the permission. */
export async function completeSetupAction(_prev: SetupResult | null, formData: FormData): Promise<SetupResult> {
  const input = Object.fromEntries(FIELDS.map((f) => [f, String(formData.get(f) ?? '')]));
  let created;
  try {
    created = await completeSetup(String(formData.get('token') ?? ''), input);
  } catch (e) {
    if (e instanceof SetupInputError) return { ok: false, error: 'INVALID_INPUT', fieldErrors: e.fieldErrors };
    return toActionError(e);
  }
  // The school exists now; the first sign-in link is a convenience (the sign-in page sends one too).
  const linkSent = await requestSignInLink(created.director.email, baseUrl()).then(
    () => true,
    () => false,
  );
  return { ok: true, data: { school: created.school.name, email: created.director.email, linkSent } };
}
