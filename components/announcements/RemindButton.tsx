'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { remindAnnouncementAction } from '@/lib/announcements/actions';

/** One reminder to the families that have not confirmed; a second one is refused with a message. */
export function RemindButton({ announcementId }: { announcementId: string }) {
  const t = useTranslations('announcements');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(remindAnnouncementAction, null);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="announcementId" value={announcementId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('remind')}
      </Button>
      <p aria-live="polite" className="text-sm font-medium">
        {state?.ok ? <span className="text-green-800">{t('reminded', { count: state.data?.sent ?? 0 })}</span> : state ? <span className="text-red-800">{te(state.error)}</span> : null}
      </p>
    </form>
  );
}
