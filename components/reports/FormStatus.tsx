'use client';

import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/errors';

/** Below a form: the success text, or why it was refused when no field shows it. */
export function FormStatus({ state, success, shownFields }: { state: ActionResult<unknown> | null; success?: React.ReactNode; shownFields: string[] }) {
  const te = useTranslations('errors');
  const unshown = state && !state.ok && (!state.fieldErrors || Object.keys(state.fieldErrors).some((f) => !shownFields.includes(f)));
  return (
    <div aria-live="polite" className="text-sm font-medium">
      {state?.ok && success && <div role="status" className="rounded-lg border border-green-300 bg-green-50 px-4 py-3 text-green-900">{success}</div>}
      {unshown && <p role="alert" className="text-red-800">{te(state.error)}</p>}
      {state && !state.ok && state.fieldErrors && !unshown && <p role="alert" className="text-red-800">{te('INVALID_INPUT')}</p>}
    </div>
  );
}
