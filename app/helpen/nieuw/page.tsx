import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AppShell } from '@/components/layout/AppShell';
import { ActivityForm } from '@/components/participation/ActivityForm';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { postingOptions } from '@/lib/participation/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('helping'))('form.pageTitle') };
}

export default async function NewActivityPage() {
  const actor = await requireRole();
  const t = await getTranslations('helping');
  const options = await postingOptions(actor);
  if (!options.groups.length && !options.wholeSchool) notFound();
  return (
    <AppShell actor={actor} path="/helpen/nieuw">
      <h1 className="text-2xl font-bold">{t('form.pageTitle')}</h1>
      <Card>
        <ActivityForm groups={options.groups} wholeSchool={options.wholeSchool} />
      </Card>
    </AppShell>
  );
}
