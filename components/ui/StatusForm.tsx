'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/errors';

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** A small form whose server action answers with ActionResult; a failure is shown, translated, next to it. */
export function StatusForm({ action, className, children }: { action: Action; className?: string; children: React.ReactNode }) {
  const te = useTranslations('errors');
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className={className}>
      {children}
      {state && !state.ok && (
        <p role="alert" className="w-full text-sm font-medium text-red-800">
          {te(state.error)}
        </p>
      )}
    </form>
  );
}
