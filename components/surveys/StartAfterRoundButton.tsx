'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { startAfterRoundAction } from '@/lib/surveys/actions';

export function StartAfterRoundButton({ roundId }: { roundId: string }) {
  const t = useTranslations('afterRound');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(startAfterRoundAction, null);
  const fieldError = state && !state.ok ? state.fieldErrors?.roundId?.[0] : undefined;
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="roundId" value={roundId} />
      <Button variant="secondary" disabled={pending || !!state?.ok}>{t('start')}</Button>
      <div aria-live="polite">
        {state?.ok && <Alert tone="success">{t('started', { invited: state.data?.invited ?? 0 })}</Alert>}
        {state && !state.ok && <Alert tone="error">{te(fieldError ?? state.error)}</Alert>}
      </div>
    </form>
  );
}
