'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { remindCharterAction } from '@/lib/charter/actions';

export function CharterRemindButton({ groupId, disabled }: { groupId: string; disabled: boolean }) {
  const t = useTranslations('charter');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(remindCharterAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="groupId" value={groupId} />
      <Button variant="secondary" disabled={pending || disabled}>{t('remind')}</Button>
      <span aria-live="polite" className="text-sm">{state?.ok ? t('reminded', { count: state.data?.sent ?? 0 }) : state ? te(state.error) : null}</span>
    </form>
  );
}
