'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/errors';
import { useErrorValues } from './useFieldError';

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** A small form whose server action answers with ActionResult; a failure (or, if given, the success message) is shown next to it. */
export function StatusForm({ action, className, children, success }: { action: Action; className?: string; children: React.ReactNode; success?: string }) {
  const te = useTranslations('errors');
  const [state, formAction] = useActionState(action, null);
  const values = useErrorValues(state);
  // These forms do not mark their fields, so "check the marked fields" would point at nothing:
  // say what was wrong instead (the field messages are keys under "errors").
  const fieldMessages = state && !state.ok && state.fieldErrors ? [...new Set(Object.values(state.fieldErrors).flat())].filter((k) => te.has(k as never)).map((k) => te(k as never, values as never)) : [];
  return (
    <form action={formAction} className={className}>
      {children}
      {state?.ok && success && (
        <p role="status" className="w-full text-sm font-medium text-green-800">
          {success}
        </p>
      )}
      {state && !state.ok && (
        <p role="alert" className="w-full text-sm font-medium text-red-800">
          {fieldMessages.length ? fieldMessages.join(' ') : te(state.error)}
        </p>
      )}
    </form>
  );
}
