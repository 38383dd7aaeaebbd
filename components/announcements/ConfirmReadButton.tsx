'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/Button';
import { StatusForm } from '@/components/ui/StatusForm';
import { confirmAnnouncementAction } from '@/lib/announcements/actions';

/** "Ik heb het gelezen": the page shows the confirmation once it is saved. */
export function ConfirmReadButton({ announcementId }: { announcementId: string }) {
  const t = useTranslations('announcements');
  return (
    <StatusForm action={confirmAnnouncementAction} className="flex flex-col items-start gap-2">
      <input type="hidden" name="announcementId" value={announcementId} />
      <Button type="submit">{t('confirm')}</Button>
    </StatusForm>
  );
}
