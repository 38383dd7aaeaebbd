import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card } from '@/components/ui/Card';
import type { Actor } from '@/lib/auth/actor';
import { namesList } from '@/lib/format/name';
import { guardianAbsences } from '@/lib/reports/absence';
import { todayKey } from '@/lib/reports/dates';
import { guardianLeaveRequests } from '@/lib/reports/leave';
import { ReportLinks } from './links';

/** For the parent's home: the routes to report, and what is open (absences, leave waiting or decided lately). */
export async function ParentReportsCard({ actor }: { actor: Actor }) {
  const t = await getTranslations('reports');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const [absences, leave] = await Promise.all([guardianAbsences(actor), guardianLeaveRequests(actor)]);
  const today = todayKey(new Date());
  // Leave still to come (waiting, or granted), not the history.
  const current = leave.filter((r) => r.toDate.toISOString().slice(0, 10) >= today && (r.status === 'PENDING' || r.status === 'GRANTED'));
  return (
    <Card aria-labelledby="parent-reports-card" className="flex flex-col gap-3">
      <h2 id="parent-reports-card" className="text-lg font-semibold">
        <Link href="/melden" className="underline-offset-2 hover:underline">{t('card.parentTitle')}</Link>
      </h2>
      <ReportLinks />
      {(absences.length > 0 || current.length > 0) && (
        <ul className="flex flex-col gap-1">
          {absences.map((a) => <li key={a.id}>{t('card.parentOpenAbsence', { child: a.child.firstName, reason: t(`absenceReason.${a.reason}`), date: day(a.fromDate) })}</li>)}
          {current.map((r) => (
            <li key={r.id}>
              {namesList(r.children)}: {t('card.parentLeave', { dates: t('leave.dates', { from: day(r.fromDate), to: day(r.toDate) }), status: t(`leaveStatus.${r.status}`) })}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
