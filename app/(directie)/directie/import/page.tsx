import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ImportForm } from '@/components/import/ImportForm';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { currentSchoolYear, yearHasEnded } from '@/lib/school/year';
import { schoolYears } from '@/lib/school-year/service';

export async function generateMetadata() {
  return { title: (await getTranslations('import'))('title') };
}

export default async function ImportPage() {
  const actor = await requireRole('DIRECTOR');
  const t = await getTranslations('import');
  // Last year stays as it was; the files describe this year or, for the rollover, a later one.
  const [years, current] = await Promise.all([schoolYears(actor), currentSchoolYear(actor.schoolId)]);
  const open = years.filter((y) => !yearHasEnded(y)).reverse().map((y) => ({ id: y.id, name: y.name }));
  return (
    <AppShell actor={actor} path="/directie/import">
      <div>
        <Link href="/directie" className="text-brand-700 underline">{t('back')}</Link>
        <h1 className="mt-2 text-2xl font-bold">{t('title')}</h1>
        <p className="text-stone-700">{t('intro')}</p>
      </div>
      <Card>
        {open.length ? (
          <ImportForm years={open} currentYearId={current?.id ?? ''} />
        ) : (
          // The files describe a year's groups: without a year there is nothing to import into.
          <p>
            {t('noYear')} <Link href="/directie/schooljaar" className="font-medium text-brand-700 underline">{t('createYear')}</Link>
          </p>
        )}
      </Card>
    </AppShell>
  );
}
