import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card } from '@/components/ui/Card';
import { latestAnnouncements } from '@/lib/announcements/queries';
import type { Actor } from '@/lib/auth/actor';

/** For the home pages: a guardian's unread count and the latest titles; staff the latest with confirmed x/y. */
export async function LatestAnnouncementsCard({ actor }: { actor: Actor }) {
  const t = await getTranslations('announcements');
  const format = await getFormatter();
  const { unread, latest } = await latestAnnouncements(actor);
  return (
    <Card aria-labelledby="latest-announcements-title" data-testid="latest-announcements">
      <h2 id="latest-announcements-title" className="mb-2 text-lg font-semibold">
        {t('card.title')}
      </h2>
      {unread !== null && <p className="mb-2 text-stone-700">{unread ? t('card.unread', { count: unread }) : t('card.allRead')}</p>}
      {latest.length === 0 ? (
        <p className="text-stone-700">{t('none')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {latest.map((a) => (
            <li key={a.id}>
              <Link href={`/mededelingen/${a.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
                {a.title}
              </Link>
              <span className="block text-sm text-stone-600">
                {format.dateTime(a.publishedAt, { dateStyle: 'medium' })}
                {unread !== null && !a.read && <> · {t('unread')}</>}
                {a.confirmation && <> · {t('confirmedOf', { confirmed: a.confirmation.confirmed, total: a.confirmation.total })}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3">
        <Link href="/mededelingen" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2">
          {t('card.all')}
        </Link>
      </p>
    </Card>
  );
}
