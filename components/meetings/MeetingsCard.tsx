import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card } from '@/components/ui/Card';
import type { Actor } from '@/lib/auth/actor';
import { nextMeeting } from '@/lib/meetings/queries';

/** For the home pages: the next meeting; a guardian with their household's answer, staff with the RSVP counts. */
export async function MeetingsCard({ actor }: { actor: Actor }) {
  const t = await getTranslations('meetings');
  const format = await getFormatter();
  const m = await nextMeeting(actor);
  return (
    <Card aria-labelledby="meetings-card-title" data-testid="meetings-card">
      <h2 id="meetings-card-title" className="mb-2 text-lg font-semibold">
        {t('card.title')}
      </h2>
      {!m ? (
        <p className="text-stone-700">{t('card.none')}</p>
      ) : (
        <div className="flex flex-col gap-1">
          <Link href={`/bijeenkomsten/${m.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
            {t('card.next', { title: m.title })}
          </Link>
          <p className="text-sm text-stone-700">{format.dateTime(m.startsAt, { dateStyle: 'full', timeStyle: 'short' })}</p>
          {'turnout' in m && m.turnout ? (
            <p className="text-sm text-stone-700">{t('card.counts', m.turnout.rsvp)}</p>
          ) : (
            <p className="text-sm text-stone-700">{m.answer ? t('rsvp.yourAnswer', { answer: t(`answers.${m.answer.answer}`) }) : t('rsvp.notAnswered')}</p>
          )}
        </div>
      )}
      <p className="mt-3">
        <Link href="/bijeenkomsten" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2">
          {t('card.all')}
        </Link>
      </p>
    </Card>
  );
}
