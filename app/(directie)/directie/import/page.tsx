import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ImportForm } from '@/components/import/ImportForm';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';

export async function generateMetadata() {
  return { title: (await getTranslations('import'))('title') };
}

export default async function ImportPage() {
  const actor = await requireRole('DIRECTOR');
  const t = await getTranslations('import');
  return (
    <AppShell actor={actor} path="/directie/import">
      <div>
        <Link href="/directie" className="text-brand-700 underline">{t('back')}</Link>
        <h1 className="mt-2 text-2xl font-bold">{t('title')}</h1>
        <p className="text-stone-700">{t('intro')}</p>
      </div>
      <Card>
        <ImportForm />
      </Card>
    </AppShell>
  );
}
