import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { CreateYearForm } from '@/components/school-year/CreateYearForm';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { NL_SCHOOL_YEARS } from '@/lib/school/holidays-nl';
import { schoolYears } from '@/lib/school-year/service';

export async function generateMetadata() {
  return { title: (await getTranslations('schoolYear'))('title') };
}

/** The school's years and a form for the next one (1 August to 31 July, as the law counts a school year). */
export default async function SchoolYearsPage() {
  const actor = await requireRole('DIRECTOR');
  const years = await schoolYears(actor);
  const school = await prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { holidayRegion: true } });
  const t = await getTranslations('schoolYear');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'UTC' });
  const known = new Set(years.map((y) => y.name));
  const next = Object.keys(NL_SCHOOL_YEARS).find((name) => !known.has(name)) ?? `${Number(years[0]?.name.slice(5) ?? 2026)}-${Number(years[0]?.name.slice(5) ?? 2026) + 1}`;
  const first = next.slice(0, 4);
  return (
    <AppShell actor={actor} path="/directie/schooljaar">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('intro')}</p>
      <Card aria-labelledby="years-title">
        <h2 id="years-title" className="mb-2 text-lg font-semibold">{t('years')}</h2>
        {years.length === 0 ? <p>{t('none')}</p> : (
          <ul className="flex flex-col gap-2" data-testid="school-years">
            {years.map((y) => (
              <li key={y.id}>
                <Link href={`/directie/schooljaar/${y.id}`} className="font-medium text-brand-700 underline">{t('open', { name: y.name })}</Link>{' '}
                · {t('period', { start: day(y.startDate), end: day(y.endDate) })} · {t('holidayCount', { count: y._count.holidays })}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="create-title">
        <h2 id="create-title" className="mb-3 text-lg font-semibold">{t('create')}</h2>
        <CreateYearForm defaults={{ name: next, startDate: `${first}-08-01`, endDate: `${Number(first) + 1}-07-31`, region: school.holidayRegion }} />
      </Card>
    </AppShell>
  );
}
