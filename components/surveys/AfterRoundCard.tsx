import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Distribution } from '@/components/surveys/Distribution';
import { StartAfterRoundButton } from '@/components/surveys/StartAfterRoundButton';
import { Card } from '@/components/ui/Card';
import type { Actor } from '@/lib/auth/actor';
import { afterRoundResults } from '@/lib/surveys/after-round';

/** The director's view of a round's two questions: open them, the response, and the results once released. */
export async function AfterRoundCard({ actor, roundId }: { actor: Actor; roundId: string }) {
  const { survey } = await afterRoundResults(actor, roundId);
  const t = await getTranslations('afterRound');
  const ts = await getTranslations('surveys');
  const format = await getFormatter();
  const num = (x: number) => format.number(x, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return (
    <Card aria-labelledby="after-round">
      <h2 id="after-round" className="text-lg font-semibold">{t('title')}</h2>
      <p className="mb-2 text-stone-700">{t('intro')}</p>
      {!survey ? (
        <>
          <p className="mb-2">{t('notYet')}</p>
          <StartAfterRoundButton roundId={roundId} />
        </>
      ) : (
        <div className="flex flex-col gap-2" data-testid="after-round-results">
          <p>{t('rate', { answered: survey.answered, invited: survey.invited })}</p>
          {survey.withheld ? (
            <p>{t('withheld', { when: format.dateTime(survey.releasesAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
          ) : (
            <>
              <h3 className="font-medium">{t('useful')}</h3>
              {!survey.useful || survey.useful.hidden || survey.useful.mean == null ? (
                <p>{t('hidden', { min: survey.min })}</p>
              ) : (
                <>
                  <p>{t('mean', { mean: num(survey.useful.mean), n: survey.useful.n })}</p>
                  <Distribution caption={t('useful')} rows={[...survey.useful.distribution].sort((a, b) => a.value.localeCompare(b.value)).map((d) => ({ label: ts(`likert.${d.value}` as 'likert.1'), n: d.n }))} />
                </>
              )}
              {survey.byGroup.length > 0 && (
                <p className="text-sm text-stone-700">{t('perGroup')}: {survey.byGroup.map((g) => `${g.name} ${g.hidden || g.mean == null ? t('tooFew') : num(g.mean)}`).join(' · ')}</p>
              )}
              <h3 className="font-medium">{t('better')}</h3>
              {survey.better.length ? <ul className="list-inside list-disc">{survey.better.map((text, i) => <li key={i}>{text}</li>)}</ul> : <p>{t('noBetter')}</p>}
            </>
          )}
          <Link href={`/directie/enquetes/${survey.id}`} className="text-brand-700 underline">{t('allResults')}</Link>
        </div>
      )}
    </Card>
  );
}
