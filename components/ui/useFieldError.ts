'use client';

import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/errors';

/** The translated first error of a field, from a server action's ActionResult. */
export function useFieldError(state: ActionResult<unknown> | null) {
  const te = useTranslations('errors');
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (field: string) => (fieldErrors?.[field]?.[0] ? te(fieldErrors[field]![0]) : undefined);
}
