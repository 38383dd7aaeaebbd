'use client';

import { Button } from '@/components/ui/Button';
import { StatusForm } from '@/components/ui/StatusForm';
import type { ActionResult } from '@/lib/errors';

/** One button that posts one id ("Weer beter", "Intrekken", "Afgehandeld"); a refusal shows beside it. */
export function SmallActionForm({ action, name, value, label, ariaLabel }: {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>; name: string; value: string; label: string; ariaLabel?: string;
}) {
  return (
    <StatusForm action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name={name} value={value} />
      <Button type="submit" variant="secondary" aria-label={ariaLabel}>{label}</Button>
    </StatusForm>
  );
}
