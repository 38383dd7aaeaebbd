import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card } from '@/components/ui/Card';
import { isGuardian } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { helpCardData } from '@/lib/participation/queries';

/** For the homes: a guardian the open activities that still need help; staff the fill of the activities they manage. */
export async function HelpCard({ actor }: { actor: Actor }) {
  const t = await getTranslations('helping');
  const format = await getFormatter();
  const items = await helpCardData(actor);
  const guardian = isGuardian(actor);
  return (
    <Card aria-labelledby="help-card-title" data-testid="help-card">
      <h2 id="help-card-title" className="mb-2 text-lg font-semibold">
        {t('card.title')}
      </h2>
      {guardian && <p className="mb-2 text-stone-700">{items.length ? t('card.open', { count: items.length }) : t('card.noneOpen')}</p>}
      {!guardian && items.length === 0 && <p className="mb-2 text-stone-700">{t('none')}</p>}
      <ul className="flex flex-col gap-2">
        {items.slice(0, 5).map((a) => (
          <li key={a.id}>
            <Link href={`/helpen/${a.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
              {a.title}
            </Link>
            <span className="block text-sm text-stone-600">
              {format.dateTime(a.startsAt, { dateStyle: 'medium' })} · {a.roles.map((r) => `${r.label}: ${t('fill', { taken: r.taken, places: r.places })}`).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3">
        <Link href="/helpen" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2">
          {t('card.all')}
        </Link>
      </p>
    </Card>
  );
}
