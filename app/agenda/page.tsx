import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { AppShell } from '@/components/layout/AppShell';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { renewCalendarAction } from '@/lib/bookings/guardian-actions';
import { prisma } from '@/lib/db';

export async function generateMetadata() {
  return { title: (await getTranslations('calendar'))('title') };
}

export default async function CalendarPage() {
  const actor = await requireRole();
  const t = await getTranslations('calendar');
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { calendarToken: true } });
  const host = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : (await headers()).get('host');
  const url = user.calendarToken ? `webcal://${host}/api/calendar/${user.calendarToken}` : null;
  return (
    <AppShell actor={actor} path="/agenda">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <Card>
        <p className="mb-4">{t('intro')}</p>
        {url && (
          <div className="mb-4 flex flex-col gap-2">
            <label htmlFor="feed" className="font-medium">{t('yourLink')}</label>
            <input id="feed" readOnly value={url} className="min-h-11 rounded-lg border border-stone-500 bg-stone-50 px-3 font-mono text-sm" />
            <a href={url} className="text-brand-700 underline">{t('subscribe')}</a>
            <p className="text-sm text-stone-700">{t('secret')}</p>
          </div>
        )}
        <form action={renewCalendarAction}>
          <Button variant={url ? 'secondary' : 'primary'}>{url ? t('renew') : t('create')}</Button>
        </form>
      </Card>
    </AppShell>
  );
}
