import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { LeaveForm } from '@/components/reports/LeaveForm';
import { LeaveRules } from '@/components/reports/LeaveRules';
import { Card } from '@/components/ui/Card';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { todayKey } from '@/lib/reports/dates';
import { guardianChildren } from '@/lib/reports/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('reports.leave'))('title') };
}

export default async function RequestLeavePage() {
  const actor = await requireRole(...ROLES.guardian);
  const t = await getTranslations('reports');
  // Leave is asked by a guardian with authority (policy row leave.request).
  const kids = (await guardianChildren(actor)).filter((k) => k.authority);
  return (
    <AppShell actor={actor} path="/melden/verlof">
      <Link href="/melden" className="self-start text-brand-700 underline">{t('hub.back')}</Link>
      <h1 className="text-2xl font-bold">{t('leave.title')}</h1>
      <LeaveRules />
      <Card>{kids.length ? <LeaveForm kids={kids} today={todayKey(new Date())} /> : <p>{t('leave.noAuthority')}</p>}</Card>
    </AppShell>
  );
}
