import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ComplaintSettingsForm } from '@/components/communication/ComplaintSettingsForm';
import { durationText } from '@/components/communication/duration';
import { ReplyFigureTable } from '@/components/communication/ReplyFigureTable';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { idSchema } from '@/lib/access/ids';
import { requireRole } from '@/lib/auth/actor';
import { replyFigures, OVERDUE_SHOWN, type InboxFilter } from '@/lib/messages/figures';
import { complaintRoute } from '@/lib/school-settings/service';

export async function generateMetadata() {
  return { title: (await getTranslations('communication'))('title') };
}

const DIRECTOR_INBOX = 'directie';

/** ?postvak=directie: the director's own inbox; ?postvak=<group id>: that group's; nothing: all. */
function inboxFilter(value: string | string[] | undefined): InboxFilter {
  if (value === DIRECTOR_INBOX) return { groupId: null };
  const id = idSchema.safeParse(value);
  return id.success ? { groupId: id.data } : undefined;
}

/** The director's view of communication with parents: reply times against the promise, what is overdue, the complaint route. */
export default async function CommunicationPage({ searchParams }: { searchParams: Promise<{ postvak?: string | string[] }> }) {
  const actor = await requireRole('DIRECTOR');
  const filter = inboxFilter((await searchParams).postvak);
  const now = new Date();
  const [f, route, t, format] = await Promise.all([replyFigures(actor, filter, now), complaintRoute(actor), getTranslations('communication'), getFormatter()]);
  const inboxName = (groupId: string | null, name: string | null) => (groupId === null ? t('director') : (name ?? '?'));
  const monthLabel = (month: string) => format.dateTime(new Date(`${month}-15T12:00:00Z`), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const when = (d: Date) => format.dateTime(d, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: f.timeZone });
  const selected = filter === undefined ? '' : filter.groupId === null ? DIRECTOR_INBOX : filter.groupId;
  return (
    <AppShell actor={actor} path="/directie/communicatie">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-stone-700">
        {t('intro')} {f.year ? t('yearScope', { name: f.year.name }) : t('noYearScope')}
      </p>

      <form method="get" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col font-medium">
          {t('filterLabel')}
          <select name="postvak" defaultValue={selected} className="min-h-11 rounded-lg border border-stone-500 bg-white px-2">
            <option value="">{t('filterAll')}</option>
            <option value={DIRECTOR_INBOX}>{t('director')}</option>
            {f.groupOptions.map((g) => (
              <option key={g.id} value={g.id}>{g.name}</option>
            ))}
          </select>
        </label>
        <button className="min-h-11 rounded-lg border border-stone-400 bg-white px-4 font-medium">{t('show')}</button>
      </form>

      <Card aria-labelledby="overdue-title">
        <h2 id="overdue-title" className="mb-2 text-lg font-semibold">{t('overdueTitle')}</h2>
        {f.overdueCount === 0 ? (
          <p>{t('overdueNone')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[20rem] text-left" data-testid="overdue">
              <caption className="mb-2 text-left font-medium text-red-800">{t('overdueCaption', { count: f.overdueCount })}</caption>
              <thead>
                <tr className="border-b border-stone-300 text-sm">
                  <th scope="col" className="py-2 pr-3">{t('subject')}</th>
                  <th scope="col" className="py-2 pr-3">{t('inbox')}</th>
                  <th scope="col" className="py-2 pr-3">{t('dueAt')}</th>
                  <th scope="col" className="py-2 text-right">{t('late')}</th>
                </tr>
              </thead>
              <tbody>
                {f.overdue.map((o) => (
                  <tr key={o.threadId} className="border-b border-stone-100">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <Link href={`/berichten/${o.threadId}`} className="inline-flex min-h-11 items-center text-brand-700 underline">{o.subject}</Link>
                    </th>
                    <td className="py-2 pr-3">{inboxName(o.groupId, o.groupName)}</td>
                    <td className="py-2 pr-3">{when(o.dueAt)}</td>
                    <td className="py-2 text-right font-semibold text-red-800">{durationText(o.lateMs, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {f.overdueCount > f.overdue.length && <p className="mt-2 text-sm text-stone-700">{t('overdueMore', { shown: OVERDUE_SHOWN })}</p>}
          </div>
        )}
      </Card>

      <Card aria-labelledby="months-title">
        <h2 id="months-title" className="mb-2 text-lg font-semibold">{t('monthsTitle')}</h2>
        {f.total.questions === 0 ? (
          <p>{t('noQuestions')}</p>
        ) : (
          <ReplyFigureTable
            testId="figures-months"
            caption={f.year ? t('monthsCaption', { name: f.year.name }) : t('monthsCaptionNoYear')}
            rowHeader={t('month')}
            rows={f.months.map((m) => ({ ...m, key: m.month, label: monthLabel(m.month) }))}
            total={f.total}
          />
        )}
        <p className="mt-3 text-sm text-stone-700">{t('withinHint')}</p>
      </Card>

      {f.total.questions > 0 && (
        <Card aria-labelledby="groups-title">
          <h2 id="groups-title" className="mb-2 text-lg font-semibold">{t('groupsTitle')}</h2>
          <ReplyFigureTable
            testId="figures-groups"
            caption={t('groupsCaption')}
            rowHeader={t('group')}
            rows={f.groups.map((g) => ({ ...g, key: g.groupId ?? DIRECTOR_INBOX, label: inboxName(g.groupId, g.groupName) }))}
          />
        </Card>
      )}

      <Card aria-labelledby="complaint-title">
        <h2 id="complaint-title" className="mb-2 text-lg font-semibold">{t('settings.title')}</h2>
        <p className="mb-3 text-stone-700">{t('settings.intro')}</p>
        <ComplaintSettingsForm values={route} />
      </Card>
    </AppShell>
  );
}
