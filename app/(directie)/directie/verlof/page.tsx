import { getFormatter, getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { LeaveDecisionForm } from '@/components/reports/LeaveDecisionForm';
import { LeaveRules } from '@/components/reports/LeaveRules';
import { Card } from '@/components/ui/Card';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { directorLeaveRequests } from '@/lib/reports/leave';

export async function generateMetadata() {
  return { title: (await getTranslations('reports.director'))('leaveTitle') };
}

/** The director's leave requests: the waiting ones first, with the law's limits as help per request. */
export default async function LeaveRequestsPage() {
  const actor = await requireRole(...ROLES.director);
  const { pending, decided } = await directorLeaveRequests(actor);
  const t = await getTranslations('reports');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const when = (d: Date) => format.dateTime(d, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  type Req = (typeof pending)[number];
  const summary = (r: Req, headingId: string) => (
    <>
      <h3 id={headingId} className="font-semibold">
        {r.children.map((c) => (c.group ? t('director.childInGroup', { name: c.name, group: c.group }) : c.name)).join(', ')}
      </h3>
      <p>{t('leave.dates', { from: day(r.fromDate), to: day(r.toDate) })} · {t('leave.schoolDays', { days: r.schoolDays })}</p>
      <p className="text-sm text-stone-700">{t('director.reason', { reason: t(`leaveReason.${r.reason}`) })}</p>
      <p className="text-sm text-stone-700">{t('director.requestedBy', { name: r.requestedBy, date: when(r.createdAt) })}</p>
      <p className="whitespace-pre-line">{r.explanation}</p>
    </>
  );
  return (
    <AppShell actor={actor} path="/directie/verlof">
      <h1 className="text-2xl font-bold">{t('director.leaveTitle')}</h1>
      <LeaveRules />
      <section aria-labelledby="pending-title" className="flex flex-col gap-3">
        <h2 id="pending-title" className="text-xl font-semibold">{t('director.pending')} ({pending.length})</h2>
        {pending.length === 0 && <p>{t('director.nonePending')}</p>}
        {pending.map((r) => (
          <Card key={r.id} aria-labelledby={`req-${r.id}`} className="flex flex-col gap-2" data-testid="pending-leave">
            {summary(r, `req-${r.id}`)}
            {r.warnings.length > 0 && (
              <ul className="list-inside list-disc rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
                {r.warnings.map((w) => <li key={w}>{t(`leave.warning.${w}`)}</li>)}
              </ul>
            )}
            <LeaveDecisionForm requestId={r.id} />
          </Card>
        ))}
      </section>
      <section aria-labelledby="decided-title" className="flex flex-col gap-3">
        <h2 id="decided-title" className="text-xl font-semibold">{t('director.decided')}</h2>
        {decided.length === 0 && <p>{t('director.noneDecided')}</p>}
        {decided.map((r) => (
          <Card key={r.id} aria-labelledby={`req-${r.id}`} className="flex flex-col gap-1">
            {summary(r, `req-${r.id}`)}
            <p className="font-medium">{t(`leaveStatus.${r.status}`)}{r.decisionNote && <>: {r.decisionNote}</>}</p>
          </Card>
        ))}
      </section>
    </AppShell>
  );
}
