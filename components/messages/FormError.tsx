'use client';

import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/errors';

/** A refusal that is not about one field (a field's own error is shown at the field). */
export function FormError({ state }: { state: ActionResult<unknown> | null }) {
  const te = useTranslations('errors');
  if (!state || state.ok) return null;
  return (
    <p role="alert" className="text-sm font-medium text-red-800">
      {te(state.error)}
    </p>
  );
}
