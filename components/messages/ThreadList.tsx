import clsx from 'clsx';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { fullName } from '@/lib/format/name';

type Row = {
  id: string;
  kind: 'QUESTION' | 'COMPLAINT';
  inbox: 'GROUP' | 'DIRECTOR';
  subject: string;
  replyDueAt: Date | null;
  closedAt: Date | null;
  complaintStep: 'TEACHER' | 'DIRECTOR' | 'FORMAL' | null;
  child: { firstName: string; prefix: string | null; lastName: string } | null;
  group: { name: string } | null;
  assignee: { firstName: string; prefix: string | null; lastName: string } | null;
  unread: boolean;
  bothHouseholds: boolean;
  overdue: boolean;
  dueToday: boolean;
};

/** Threads as a list: what it is about, with whom, and where the answer stands (in words, not colour alone). */
export async function ThreadList({ rows, staff }: { rows: Row[]; staff: boolean }) {
  const t = await getTranslations('threads');
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { weekday: 'long', day: 'numeric', month: 'long' });
  return (
    <ul className="flex flex-col gap-3" data-testid="thread-list">
      {rows.map((r) => (
        <li key={r.id} className={clsx('rounded-xl border bg-white p-4', r.overdue ? 'border-red-700 border-l-8' : 'border-stone-200')} data-testid="thread-row">
          <p className="flex flex-wrap items-center gap-2">
            {r.unread && <span className="rounded bg-brand-100 px-2 py-0.5 text-sm font-semibold text-brand-900">{t('unread')}</span>}
            <Link href={`/berichten/${r.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
              {r.subject}
            </Link>
          </p>
          <p className="text-stone-700">
            {r.child ? fullName(r.child) : t('schoolMatter')} · {r.inbox === 'GROUP' && r.group ? t('inboxGroup', { group: r.group.name }) : t('inboxDirector')}
            {r.kind === 'COMPLAINT' && r.complaintStep && <> · {t('worry')}: {t(`complaint.stepNames.${r.complaintStep}`)}</>}
            {staff && r.bothHouseholds && <> · {t('bothHouseholds')}</>}
            {staff && r.assignee && <> · {t('assignedTo', { name: fullName(r.assignee) })}</>}
          </p>
          <p className={clsx(r.overdue && 'font-semibold text-red-800', r.dueToday && 'font-semibold')}>
            {r.replyDueAt
              ? r.overdue
                ? t('overdue', { date: day(r.replyDueAt) })
                : r.dueToday
                  ? t('dueToday', { date: format.dateTime(r.replyDueAt, { hour: '2-digit', minute: '2-digit' }) })
                  : t('dueBy', { date: day(r.replyDueAt) })
              : r.closedAt
                ? t('closed')
                : t('answered')}
          </p>
        </li>
      ))}
    </ul>
  );
}
