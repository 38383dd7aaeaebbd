import { addMonths } from 'date-fns';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { StatusForm } from '@/components/ui/StatusForm';
import { setChildLeftAction } from '@/lib/records/actions';

/** The director records that a child left; from then the school's retention period runs. */
export async function LeftSchoolForm({ childId, name, leftAt, retentionMonths }: { childId: string; name: string; leftAt: Date | null; retentionMonths: number }) {
  const t = await getTranslations('retention');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <section aria-labelledby="left-title" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="left-title" className="font-semibold">{t('markLeft')}</h2>
      {leftAt ? (
        <StatusForm action={setChildLeftAction} className="flex flex-wrap items-center gap-2">
          <p data-testid="child-left">{t('childLeft', { name, date: day(leftAt), deletes: day(addMonths(leftAt, retentionMonths)) })}</p>
          <input type="hidden" name="childId" value={childId} />
          <input type="hidden" name="leftOn" value="" />
          <button className="min-h-11 rounded-lg border border-stone-400 bg-white px-3">{t('undoLeft')}</button>
        </StatusForm>
      ) : (
        <StatusForm action={setChildLeftAction} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="childId" value={childId} />
          <label className="flex flex-col text-sm">{t('leftDate')}<input type="date" name="leftOn" required className="min-h-11 rounded-lg border border-stone-500 bg-white px-2" /></label>
          <button className="min-h-11 rounded-lg border border-stone-400 bg-white px-3">{t('confirmLeft')}</button>
        </StatusForm>
      )}
      <Link href="/directie/bewaartermijn" className="mt-2 inline-flex min-h-11 items-center text-brand-700 underline">{t('link')}</Link>
    </section>
  );
}
