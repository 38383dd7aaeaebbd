'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { remindAction } from '@/lib/bookings/staff-actions';

export function RemindButton({ roundId, groupId, count, kind = 'missing' }: { roundId: string; groupId: string; count: number; kind?: 'missing' | 'noShows' }) {
  const t = useTranslations('rounds');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(remindAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="kind" value={kind} />
      <Button variant="secondary" disabled={pending || count === 0}>{t(kind === 'noShows' ? 'inviteNoShows' : 'remind', { count })}</Button>
      <span aria-live="polite">{state?.ok ? t('reminded', { count: state.data?.sent ?? 0 }) : state ? te(state.error) : null}</span>
    </form>
  );
}
