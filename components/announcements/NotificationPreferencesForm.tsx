import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/Card';
import type { Actor } from '@/lib/auth/actor';
import { notificationPreferences } from '@/lib/notify/preferences';
import { PreferencesFields } from './PreferencesFields';

/** On /account: per kind of news, a mail at once or one daily summary. */
export async function NotificationPreferencesForm({ actor }: { actor: Actor }) {
  const t = await getTranslations('announcements.preferences');
  const prefs = await notificationPreferences(actor);
  return (
    <Card aria-labelledby="notify-title">
      <h2 id="notify-title" className="mb-2 text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mb-4 text-stone-700">{t('intro')}</p>
      <PreferencesFields prefs={prefs} />
    </Card>
  );
}
