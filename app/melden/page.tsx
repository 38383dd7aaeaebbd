import { getFormatter, getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { ReportLinks } from '@/components/reports/links';
import { SmallActionForm } from '@/components/reports/SmallActionForm';
import { Card } from '@/components/ui/Card';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { namesList } from '@/lib/format/name';
import { guardianAbsences } from '@/lib/reports/absence';
import { closeAbsenceAction, withdrawLeaveAction } from '@/lib/reports/actions';
import { guardianLeaveRequests } from '@/lib/reports/leave';

export async function generateMetadata() {
  return { title: (await getTranslations('reports.hub'))('title') };
}

const STATUS_STYLE = { PENDING: 'bg-amber-100 text-amber-900', GRANTED: 'bg-green-100 text-green-900', REFUSED: 'bg-red-100 text-red-900', WITHDRAWN: 'bg-stone-100 text-stone-800' } as const;

/** The parent's hub: report sick, ask leave, pass on a change, a worry; and where their reports stand. */
export default async function ReportHubPage() {
  const actor = await requireRole(...ROLES.guardian);
  const t = await getTranslations('reports');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const [absences, leave] = await Promise.all([guardianAbsences(actor), guardianLeaveRequests(actor)]);
  return (
    <AppShell actor={actor} path="/melden">
      <div>
        <h1 className="text-2xl font-bold">{t('hub.title')}</h1>
        <p className="text-stone-700">{t('hub.intro')}</p>
      </div>
      <nav aria-label={t('hub.actions')}>
        <ReportLinks />
      </nav>
      <Card aria-labelledby="open-absences">
        <h2 id="open-absences" className="mb-2 text-lg font-semibold">{t('hub.openAbsences')}</h2>
        {absences.length === 0 ? <p>{t('hub.noOpenAbsences')}</p> : (
          <ul className="flex flex-col gap-3" data-testid="open-absences">
            {absences.map((a) => (
              <li key={a.id} className="flex flex-col gap-1 border-b border-stone-200 pb-3 last:border-0 last:pb-0">
                <p className="font-medium">{t('absence.line', { child: a.child.firstName, reason: t(`absenceReason.${a.reason}`), dayPart: t(`dayPart.${a.dayPart}`) })}</p>
                <p className="text-sm text-stone-700">
                  {t('absence.since', { date: day(a.fromDate) })}
                  {a.expectedBack && <> · {t('absence.back', { date: day(a.expectedBack) })}</>}
                </p>
                {a.note && <p className="text-sm whitespace-pre-line text-stone-700">{a.note}</p>}
                <SmallActionForm action={closeAbsenceAction} name="absenceId" value={a.id} label={t('absence.better')} ariaLabel={t('absence.betterLabel', { child: a.child.firstName })} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="leave-requests">
        <h2 id="leave-requests" className="mb-2 text-lg font-semibold">{t('hub.leaveRequests')}</h2>
        {leave.length === 0 ? <p>{t('hub.noLeaveRequests')}</p> : (
          <ul className="flex flex-col gap-3" data-testid="leave-requests">
            {leave.map((r) => {
              const dates = t('leave.dates', { from: day(r.fromDate), to: day(r.toDate) });
              return (
                <li key={r.id} className="flex flex-col gap-1 border-b border-stone-200 pb-3 last:border-0 last:pb-0">
                  <p className="font-medium">
                    {namesList(r.children)}: {dates}{' '}
                    <span className={`ml-1 inline-block rounded px-2 text-sm font-semibold ${STATUS_STYLE[r.status]}`}>{t(`leaveStatus.${r.status}`)}</span>
                  </p>
                  <p className="text-sm text-stone-700">{t(`leaveReason.${r.reason}`)} · {t('leave.schoolDays', { days: r.schoolDays })}</p>
                  {r.decisionNote && <p className="text-sm text-stone-700">{t('leave.decisionNote', { note: r.decisionNote })}</p>}
                  {r.status === 'PENDING' && <SmallActionForm action={withdrawLeaveAction} name="requestId" value={r.id} label={t('leave.withdraw')} ariaLabel={t('leave.withdrawLabel', { dates })} />}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </AppShell>
  );
}
