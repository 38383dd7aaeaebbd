import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AttendanceForm } from '@/components/events/AttendanceForm';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { orNotFound } from '@/lib/not-found';
import { attendanceSheet } from '@/lib/events/service';
import { fullName } from '@/lib/format/name';

export default async function AttendancePage({ params }: { params: Promise<{ eventId: string }> }) {
  const actor = await requireRole(...ROLES.staff);
  const { eventId } = await params;
  const { event, children } = await orNotFound(attendanceSheet(actor, eventId));
  const t = await getTranslations('events');
  const format = await getFormatter();
  return (
    <AppShell actor={actor} path={`/gesprekken/avond/${eventId}`}>
      <div>
        <Link href="/gesprekken" className="text-brand-700 underline">{t('back')}</Link>
        <h1 className="mt-2 text-2xl font-bold">{t('sheetTitle', { stage: event.stage.name, group: event.group.name })}</h1>
        <p className="text-stone-700">{format.dateTime(event.startsAt, { dateStyle: 'full', timeStyle: 'short' })}</p>
      </div>
      <Card>
        <AttendanceForm eventId={event.id} pupils={children.map((c) => ({ id: c.id, name: fullName(c), present: c.present }))} />
      </Card>
    </AppShell>
  );
}
