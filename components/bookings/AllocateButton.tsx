'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { allocateAction } from '@/lib/bookings/staff-actions';

export function AllocateButton({ roundId }: { roundId: string }) {
  const t = useTranslations('rounds');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(allocateAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="roundId" value={roundId} />
      <Button disabled={pending || !!state?.ok}>{t('allocate')}</Button>
      <div aria-live="polite">
        {state?.ok && state.data && <Alert tone="success">{t('allocated', { booked: state.data.booked, outside: state.data.outsidePreference, unplaced: state.data.unplaced })}</Alert>}
        {state && !state.ok && <Alert tone="error">{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
