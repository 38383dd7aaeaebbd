import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { TalentForm } from '@/components/participation/TalentForm';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { isGuardian } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { orNotFound } from '@/lib/not-found';
import { HELP_KINDS, talentSearchSchema } from '@/lib/participation/schemas';
import { myTalents, searchTalents } from '@/lib/participation/talents';

export async function generateMetadata() {
  return { title: (await getTranslations('helping'))('talents.title') };
}

// Guardians: their own talents. Staff: search everyone's (policy row `talent`: read is staff's).
export default async function TalentsPage({ searchParams }: { searchParams: Promise<{ kind?: string; q?: string }> }) {
  const actor = await requireRole();
  const t = await getTranslations('helping');
  if (isGuardian(actor)) {
    const mine = await myTalents(actor);
    return (
      <AppShell actor={actor} path="/helpen/talenten">
        <h1 className="text-2xl font-bold">{t('talents.title')}</h1>
        <p className="text-stone-700">{t('talents.intro')}</p>
        <Card>
          <TalentForm helpWith={mine.helpWith} talents={mine.talents} />
        </Card>
      </AppShell>
    );
  }
  const filter = talentSearchSchema.parse(await searchParams);
  const rows = await orNotFound(searchTalents(actor, filter));
  return (
    <AppShell actor={actor} path="/helpen/talenten">
      <h1 className="text-2xl font-bold">{t('search.title')}</h1>
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3" role="search">
          <div className="flex flex-col gap-1">
            <label htmlFor="talent-kind" className="font-medium">
              {t('search.kind')}
            </label>
            <select id="talent-kind" name="kind" defaultValue={filter.kind ?? ''} className="min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base">
              <option value="">{t('search.any')}</option>
              {HELP_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="talent-q" className="font-medium">
              {t('search.q')}
            </label>
            <input id="talent-q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={100} className="min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base" />
          </div>
          <Button type="submit">{t('search.submit')}</Button>
        </form>
      </Card>
      <Card>
        <p className="mb-2 text-stone-700" data-testid="talent-count">
          {t('search.count', { count: rows.length })}
        </p>
        {rows.length === 0 ? (
          <p className="text-stone-700">{t('search.none')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2 pr-3">{t('search.name')}</th>
                  <th scope="col" className="py-2 pr-3">{t('search.groups')}</th>
                  <th scope="col" className="py-2 pr-3">{t('search.helpWith')}</th>
                  <th scope="col" className="py-2 pr-3">{t('search.talents')}</th>
                  <th scope="col" className="py-2">{t('search.contact')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.userId} className="border-b border-stone-200 align-top">
                    <th scope="row" className="py-2 pr-3 font-medium">{r.name}</th>
                    <td className="py-2 pr-3">{r.groups.join(', ')}</td>
                    <td className="py-2 pr-3">{r.helpWith.map((k) => t(`kinds.${k}`)).join(', ')}</td>
                    <td className="py-2 pr-3 whitespace-pre-line">{r.talents}</td>
                    <td className="py-2">
                      <a href={`mailto:${r.email}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2 break-all">
                        {r.email}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </AppShell>
  );
}
