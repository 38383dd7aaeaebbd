import { addMonths } from 'date-fns';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { StatusForm } from '@/components/ui/StatusForm';
import { requireRole } from '@/lib/auth/actor';
import { fullName } from '@/lib/format/name';
import { setRetentionAction } from '@/lib/records/actions';
import { retentionOverview } from '@/lib/records/retention';

export async function generateMetadata() {
  return { title: (await getTranslations('retention'))('title') };
}

/** How long files of children who left are kept, who is due, and the log of deleted files. */
export default async function RetentionPage() {
  const actor = await requireRole('DIRECTOR');
  const { retentionMonths, left, deletions } = await retentionOverview(actor);
  const t = await getTranslations('retention');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <AppShell actor={actor} path="/directie/bewaartermijn">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <Card>
        <p className="mb-3">{t('intro')}</p>
        <StatusForm action={setRetentionAction} success={t('saved')} className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col font-medium">
            {t('months')}
            <input type="number" name="months" min={12} max={240} required defaultValue={retentionMonths} className="min-h-11 w-32 rounded-lg border border-stone-500 bg-white px-2" />
          </label>
          <button className="min-h-11 rounded-lg bg-brand-700 px-4 font-medium text-white">{t('save')}</button>
        </StatusForm>
      </Card>
      <Card aria-labelledby="left-title">
        <h2 id="left-title" className="mb-2 text-lg font-semibold">{t('left')}</h2>
        {left.length === 0 ? <p>{t('noneLeft')}</p> : (
          <ul className="flex flex-col gap-1">
            {left.map((c) => (
              <li key={c.id}>
                <Link href={`/kind/${c.id}`} className="text-brand-700 underline">{fullName(c)}</Link> ({c.pupilNumber}) · {t('leftOn', { date: day(c.leftAt!) })}, {t('deletesOn', { date: day(addMonths(c.leftAt!, retentionMonths)) })}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="deleted-title">
        <h2 id="deleted-title" className="mb-2 text-lg font-semibold">{t('deletions')}</h2>
        {deletions.length === 0 ? <p>{t('noDeletions')}</p> : (
          <ul className="flex flex-col gap-1" data-testid="deletions">
            {deletions.map((d) => {
              const c = d.counts as Record<string, number>;
              return <li key={d.id}>{t('deletion', { pupilNumber: d.pupilNumber, left: day(d.leftAt), deleted: day(d.deletedAt), records: c.records ?? 0, agreements: c.agreements ?? 0, notes: c.notes ?? 0, guidancePlans: c.guidancePlans ?? 0 })}</li>;
            })}
          </ul>
        )}
      </Card>
    </AppShell>
  );
}
