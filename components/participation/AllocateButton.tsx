'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { useFieldError } from '@/components/ui/useFieldError';
import { allocateActivityAction } from '@/lib/participation/actions';

/** Fair allocation after the deadline, by whoever manages the activity. */
export function AllocateButton({ activityId }: { activityId: string }) {
  const t = useTranslations('helping');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(allocateActivityAction, null);
  const err = useFieldError(state);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="activityId" value={activityId} />
      <Button type="submit" disabled={pending}>
        {t('allocate')}
      </Button>
      <p aria-live="polite" className="text-sm font-medium">
        {state?.ok ? <span className="text-green-800">{t('allocated', { count: state.data?.placed ?? 0 })}</span> : state ? <span className="text-red-800">{err('activityId') ?? te(state.error)}</span> : null}
      </p>
    </form>
  );
}
