import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card } from '@/components/ui/Card';
import { mayAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { SIGNALS } from '@/lib/reach/families';
import { reachSummary } from '@/lib/reach/summary';

/** For the director's home: families not reached at all, and per signal; nothing for anyone else. */
export async function ReachCard({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  if (!mayAtSchool(actor, 'reach', 'read')) return null;
  const [s, t] = await Promise.all([reachSummary(actor, now), getTranslations('reach')]);
  return (
    <Card aria-labelledby="reach-card-title">
      <h2 id="reach-card-title" className="mb-1 text-lg font-semibold">{t('card.title')}</h2>
      <p className="mb-2">{t('card.summary', { notReached: s.notReachedAtAll, families: s.families })}</p>
      <ul className="mb-3 grid gap-x-4 text-sm sm:grid-cols-2">
        {SIGNALS.map((x) => (
          <li key={x} className="flex justify-between gap-2 border-b border-stone-100 py-1">
            <span>{t(`signals.${x}`)}</span>
            <span className="font-semibold">{s.perSignal[x]}</span>
          </li>
        ))}
      </ul>
      <Link href="/directie/bereik" className="inline-flex min-h-11 items-center text-brand-700 underline">{t('card.open')}</Link>
    </Card>
  );
}
