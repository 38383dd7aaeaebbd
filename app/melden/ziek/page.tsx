import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { AbsenceForm } from '@/components/reports/AbsenceForm';
import { Card } from '@/components/ui/Card';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { SCHOOL_STARTS_AT, todayKey } from '@/lib/reports/dates';
import { guardianChildren } from '@/lib/reports/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('reports.absence'))('title') };
}

export default async function ReportAbsencePage() {
  const actor = await requireRole(...ROLES.guardian);
  const t = await getTranslations('reports');
  const kids = await guardianChildren(actor);
  return (
    <AppShell actor={actor} path="/melden/ziek">
      <Link href="/melden" className="self-start text-brand-700 underline">{t('hub.back')}</Link>
      <h1 className="text-2xl font-bold">{t('absence.title')}</h1>
      <p className="rounded-lg border border-sky-300 bg-sky-50 px-4 py-3 text-sky-950">{t('absence.intro', { time: SCHOOL_STARTS_AT })}</p>
      <Card>{kids.length ? <AbsenceForm kids={kids} today={todayKey(new Date())} /> : <p>{t('absence.noChildren')}</p>}</Card>
    </AppShell>
  );
}
