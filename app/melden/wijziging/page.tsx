import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { HomeChangeForm } from '@/components/reports/HomeChangeForm';
import { Card } from '@/components/ui/Card';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { guardianChildren } from '@/lib/reports/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('reports.change'))('title') };
}

export default async function HomeChangePage() {
  const actor = await requireRole(...ROLES.guardian);
  const t = await getTranslations('reports');
  const kids = await guardianChildren(actor);
  return (
    <AppShell actor={actor} path="/melden/wijziging">
      <Link href="/melden" className="self-start text-brand-700 underline">{t('hub.back')}</Link>
      <h1 className="text-2xl font-bold">{t('change.title')}</h1>
      <p>{t('change.intro')}</p>
      <Card>{kids.length ? <HomeChangeForm kids={kids} /> : <p>{t('absence.noChildren')}</p>}</Card>
    </AppShell>
  );
}
