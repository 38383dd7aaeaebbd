'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/errors';

/** An error's values for its message: dates ("YYYY-MM-DD") as the reader writes them. */
export function useErrorValues(state: ActionResult<unknown> | null) {
  const format = useFormatter();
  const values = state && !state.ok ? state.values : undefined;
  if (!values) return undefined;
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, /^\d{4}-\d{2}-\d{2}$/.test(v) ? format.dateTime(new Date(`${v}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }) : v]),
  );
}

/** The translated first error of a field, from a server action's ActionResult. */
export function useFieldError(state: ActionResult<unknown> | null) {
  const te = useTranslations('errors');
  const values = useErrorValues(state);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (field: string) => (fieldErrors?.[field]?.[0] ? te(fieldErrors[field]![0], values) : undefined);
}
