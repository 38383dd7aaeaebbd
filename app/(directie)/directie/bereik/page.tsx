import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { ReachFamiliesForm, type FamilyRow } from '@/components/reach/ReachFamiliesForm';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { fullName } from '@/lib/format/name';
import { applyFilter, reachView, SIGNALS, TREND_SIGNALS } from '@/lib/reach/families';
import { languageName, parseReachFilter, reachQuery, type ReachSearch } from './filter';

export async function generateMetadata() {
  return { title: (await getTranslations('reach'))('title') };
}

const select = 'min-h-11 rounded-lg border border-stone-500 bg-white px-2';

/** The director's families not reached: one list across every channel, per group, over the year. */
export default async function ReachPage({ searchParams }: { searchParams: Promise<ReachSearch> }) {
  const actor = await requireRole('DIRECTOR');
  const filter = parseReachFilter(await searchParams);
  const [view, t, format] = await Promise.all([reachView(actor), getTranslations('reach'), getFormatter()]);
  const shown = applyFilter(view.families, filter);
  const lang = (code: string) => languageName(code);
  const rows: FamilyRow[] = shown.map((f) => ({
    householdId: f.householdId,
    children: f.children.map((c) => `${c.firstName} (${c.groupName})`).join(', '),
    guardians: f.guardians.map(fullName).join(', '),
    languages: f.languages.map(lang).join(', '),
    signals: f.signals.map((s) => t(`signals.${s}`)),
    notReachedAtAll: f.notReachedAtAll,
  }));
  const monthLabel = (month: string) => format.dateTime(new Date(`${month}-15T12:00:00Z`), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const query = reachQuery(filter);
  return (
    <AppShell actor={actor} path="/directie/bereik">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-stone-700">{t('intro')}</p>

      <form method="get" className="flex flex-wrap items-end gap-2" role="search">
        <label className="flex flex-col font-medium">
          {t('filterSignal')}
          <select name="signaal" defaultValue={filter.signal ?? ''} className={select}>
            <option value="">{t('all')}</option>
            <option value="notReachedAtAll">{t('signals.notReachedAtAll')}</option>
            {SIGNALS.map((s) => <option key={s} value={s}>{t(`signals.${s}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col font-medium">
          {t('filterGroup')}
          <select name="groep" defaultValue={filter.groupId ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {view.groups.map((g) => <option key={g.groupId} value={g.groupId}>{g.groupName}</option>)}
          </select>
        </label>
        <label className="flex flex-col font-medium">
          {t('filterLanguage')}
          <select name="taal" defaultValue={filter.language ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {view.languages.map((l) => <option key={l} value={l}>{lang(l)}</option>)}
          </select>
        </label>
        <button className="min-h-11 rounded-lg border border-stone-400 bg-white px-4 font-medium">{t('show')}</button>
      </form>

      <Card aria-labelledby="families-title">
        <h2 id="families-title" className="mb-1 text-lg font-semibold">{t('familiesTitle')}</h2>
        <p className="mb-3 text-stone-700">{t('counts', { shown: shown.length, total: view.families.length, notReached: shown.filter((f) => f.notReachedAtAll).length })}</p>
        <p className="mb-3 flex flex-wrap items-center gap-2">
          <Link href={`/directie/bereik/brief${query ? `?${query}` : ''}`} className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-4 font-medium">
            {t('printLetters')}
          </Link>
          <span className="text-sm text-stone-700">{t('printHint')}</span>
        </p>
        <ReachFamiliesForm key={query} families={rows} />
      </Card>

      <Card aria-labelledby="groups-title">
        <h2 id="groups-title" className="mb-2 text-lg font-semibold">{t('groupsTitle')}</h2>
        {/* Wide on a phone: the scrolling region takes keyboard focus. */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="groups-title">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300 align-bottom">
                <th scope="col" className="py-2 pr-3">{t('group')}</th>
                <th scope="col" className="py-2 pr-3">{t('families')}</th>
                <th scope="col" className="py-2 pr-3">{t('signals.notReachedAtAll')}</th>
                {SIGNALS.map((s) => <th key={s} scope="col" className="py-2 pr-3">{t(`signals.${s}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {view.groups.map((g) => (
                <tr key={g.groupId} className="border-b border-stone-100">
                  <th scope="row" className="py-2 pr-3">{g.groupName}</th>
                  <td className="py-2 pr-3">{g.families}</td>
                  <td className="py-2 pr-3">{g.notReachedAtAll}</td>
                  {SIGNALS.map((s) => <td key={s} className="py-2 pr-3">{g[s]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card aria-labelledby="trend-title">
        <h2 id="trend-title" className="mb-1 text-lg font-semibold">{t('trendTitle')}</h2>
        <p className="mb-2 text-stone-700">{t('trendIntro')}</p>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="trend-title">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300 align-bottom">
                <th scope="col" className="py-2 pr-3">{t('month')}</th>
                {TREND_SIGNALS.map((s) => <th key={s} scope="col" className="py-2 pr-3">{t(`signals.${s}`)}</th>)}
                <th scope="col" className="py-2 pr-3">{t('anyOfThese')}</th>
              </tr>
            </thead>
            <tbody>
              {view.trend.map((p) => (
                <tr key={p.month} className="border-b border-stone-100">
                  <th scope="row" className="py-2 pr-3">{monthLabel(p.month)}</th>
                  {TREND_SIGNALS.map((s) => <td key={s} className="py-2 pr-3">{p[s]}</td>)}
                  <td className="py-2 pr-3">{p.notReachedAny}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </AppShell>
  );
}
