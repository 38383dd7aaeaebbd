import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card } from '@/components/ui/Card';
import { mayAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { replyFiguresThisMonth } from '@/lib/messages/figures';
import { durationText } from './duration';

/** For the director's home: this month's median reply time and share answered in time, and what is overdue now. */
export async function ReplyTimesCard({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  if (!mayAtSchool(actor, 'replyFigures', 'read')) return null;
  const [f, t, format] = await Promise.all([replyFiguresThisMonth(actor, now), getTranslations('communication'), getFormatter()]);
  return (
    <Card aria-labelledby="reply-times-title">
      <h2 id="reply-times-title" className="mb-2 text-lg font-semibold">{t('card.title')}</h2>
      <ul className="flex flex-col gap-1">
        {f.questions === 0 ? (
          <li>{t('card.noQuestions')}</li>
        ) : (
          <>
            <li>{t('card.median', { value: f.medianMs === null ? t('none') : durationText(f.medianMs, t) })}</li>
            <li>{t('card.within', { value: f.withinShare === null ? t('none') : format.number(f.withinShare, { style: 'percent' }) })}</li>
          </>
        )}
        <li className={f.overdueCount ? 'font-semibold text-red-800' : undefined}>{t('card.overdue', { count: f.overdueCount })}</li>
      </ul>
      <Link href="/directie/communicatie" className="mt-2 inline-flex min-h-11 items-center text-brand-700 underline">
        {t('card.link')}
      </Link>
    </Card>
  );
}
