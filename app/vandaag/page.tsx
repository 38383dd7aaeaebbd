import { getFormatter, getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { SmallActionForm } from '@/components/reports/SmallActionForm';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { idSchema } from '@/lib/access/ids';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { orNotFound } from '@/lib/not-found';
import { absentToday } from '@/lib/reports/absence';
import { closeAbsenceAction } from '@/lib/reports/actions';
import { asDate } from '@/lib/reports/dates';
import { staffLeave } from '@/lib/reports/leave';

export async function generateMetadata() {
  return { title: (await getTranslations('reports.today'))('title') };
}

/** The morning view: who is absent today in my groups and why, who has leave; "better again". */
export default async function TodayPage({ searchParams }: { searchParams: Promise<{ groep?: string }> }) {
  const actor = await requireRole(...ROLES.staff);
  const { groep } = await searchParams;
  const groupId = groep && idSchema.safeParse(groep).success ? groep : undefined;
  const [view, leave] = await Promise.all([orNotFound(absentToday(actor, { groupId })), staffLeave(actor)]);
  const t = await getTranslations('reports');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const short = (d: Date) => format.dateTime(d, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const reportedAt = (d: Date) => format.dateTime(d, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  return (
    <AppShell actor={actor} path="/vandaag">
      <div>
        <h1 className="text-2xl font-bold">{t('today.title')}</h1>
        <p className="text-stone-700">{t('today.date', { date: day(asDate(view.today)) })}</p>
      </div>
      {view.groups.length > 1 && (
        <form method="get" className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="groep" className="font-medium">{t('today.group')}</label>
            <select id="groep" name="groep" defaultValue={groupId ?? ''} className="min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base">
              <option value="">{t('today.allGroups')}</option>
              {view.groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
            </select>
          </div>
          <Button type="submit" variant="secondary">{t('today.show')}</Button>
        </form>
      )}
      {view.groups.length === 0 && <p>{t('today.noYear')}</p>}
      <Card aria-labelledby="absent-title">
        <h2 id="absent-title" className="mb-2 text-lg font-semibold">{t('today.absent', { count: view.absences.length })}</h2>
        {view.absences.length === 0 ? <p>{t('today.noneAbsent')}</p> : (
          <ul className="flex flex-col gap-3" data-testid="absent-today">
            {view.absences.map((a) => (
              <li key={a.id} className="flex flex-col gap-1 border-b border-stone-200 pb-3 last:border-0 last:pb-0">
                <p>
                  <span className="font-semibold">{a.childName}</span> <span className="text-stone-700">({a.groupName})</span>
                </p>
                <p>
                  {t(`absenceReason.${a.reason}`)} · {t(`dayPart.${a.dayPart}`)} · {t('absence.since', { date: short(a.fromDate) })}
                  {a.expectedBack && <> · {t('absence.back', { date: short(a.expectedBack) })}</>}
                </p>
                {a.note && <p className="text-sm whitespace-pre-line text-stone-700">{a.note}</p>}
                <p className="text-sm text-stone-600">{t('today.reportedAt', { when: reportedAt(a.createdAt) })}</p>
                {a.mayClose && <SmallActionForm action={closeAbsenceAction} name="absenceId" value={a.id} label={t('absence.better')} ariaLabel={t('absence.betterLabel', { child: a.childName })} />}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="leave-today-title">
        <h2 id="leave-today-title" className="mb-2 text-lg font-semibold">{t('today.leaveToday')}</h2>
        {view.leave.length === 0 ? <p>{t('today.noLeaveToday')}</p> : (
          <ul className="flex flex-col gap-1" data-testid="leave-today">
            {view.leave.map((l) => (
              <li key={`${l.requestId}-${l.childId}`}>
                <span className="font-semibold">{l.childName}</span> ({l.groupName}) · {t('leave.dates', { from: short(l.fromDate), to: short(l.toDate) })}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {leave.length > 0 && (
        <Card aria-labelledby="leave-soon-title">
          <h2 id="leave-soon-title" className="mb-2 text-lg font-semibold">{t('today.leaveSoon')}</h2>
          <ul className="flex flex-col gap-1">
            {leave.map((r) => (
              <li key={r.id}>
                {r.children.map((c) => c.name).join(', ')} · {t('leave.dates', { from: short(r.fromDate), to: short(r.toDate) })} · {t(`leaveStatus.${r.status}`)}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </AppShell>
  );
}
