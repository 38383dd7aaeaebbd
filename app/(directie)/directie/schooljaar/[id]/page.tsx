import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { HolidayForm } from '@/components/school-year/HolidayForm';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { orNotFound } from '@/lib/not-found';
import { schoolYearWithHolidays } from '@/lib/school-year/service';

export async function generateMetadata() {
  return { title: (await getTranslations('schoolYear'))('holidays') };
}

const key = (d: Date) => d.toISOString().slice(0, 10);

/** One year's holidays, each to change or remove, and one to add. */
export default async function SchoolYearPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('DIRECTOR');
  const year = await orNotFound(schoolYearWithHolidays(actor, (await params).id));
  const t = await getTranslations('schoolYear');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <AppShell actor={actor} path="/directie/schooljaar">
      <Link href="/directie/schooljaar" className="text-brand-700 underline">{t('back')}</Link>
      <h1 className="text-2xl font-bold">{t('holidays')} {year.name}</h1>
      <p>{t('period', { start: day(year.startDate), end: day(year.endDate) })}</p>
      <Card aria-labelledby="holidays-title">
        <h2 id="holidays-title" className="mb-1 text-lg font-semibold">{t('holidays')}</h2>
        <p className="mb-3 text-sm text-stone-700">{t('holidaysHint')}</p>
        {year.holidays.length === 0 ? <p>{t('noHolidays')}</p> : (
          <ul className="flex flex-col gap-4" data-testid="holidays">
            {year.holidays.map((h) => (
              <li key={`${h.id}-${h.name}-${key(h.startDate)}-${key(h.endDate)}`} className="border-b border-stone-200 pb-3">
                <HolidayForm schoolYearId={year.id} holiday={{ id: h.id, name: h.name, startDate: key(h.startDate), endDate: key(h.endDate) }} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="add-title">
        <h2 id="add-title" className="mb-3 text-lg font-semibold">{t('add')}</h2>
        <HolidayForm schoolYearId={year.id} />
      </Card>
    </AppShell>
  );
}
