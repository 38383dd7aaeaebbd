import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { CharterView } from '@/components/charter/CharterView';
import { AppShell } from '@/components/layout/AppShell';
import { Button } from '@/components/ui/Button';
import { isGuardian } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { acknowledgeCharterAction } from '@/lib/charter/actions';
import { charterToAcknowledge, charterVersions, publishedCharter } from '@/lib/charter/service';

export async function generateMetadata() {
  return { title: (await getTranslations('charter'))('title') };
}

/** The school's current expectations charter, for every role; guardians acknowledge it here. */
export default async function CharterPage() {
  const actor = await requireRole();
  const t = await getTranslations('charter');
  const format = await getFormatter();
  const [current, toAcknowledge, versions] = await Promise.all([publishedCharter(actor.schoolId), charterToAcknowledge(actor), charterVersions(actor)]);
  return (
    <AppShell actor={actor} path="/afspraken">
      <h1 className="text-2xl font-bold">{current?.title ?? t('title')}</h1>
      {!current && <p>{t('none')}</p>}
      {current && (
        <>
          <p className="text-stone-700">{t('version', { number: current.number, date: format.dateTime(current.publishedAt!, { dateStyle: 'long' }) })}</p>
          <CharterView intro={current.intro} sections={current.sections} />
          {toAcknowledge && (
            <form action={acknowledgeCharterAction} className="rounded-xl border-2 border-brand-700 bg-brand-50 p-4">
              <input type="hidden" name="versionId" value={current.id} />
              <p className="mb-3">{t('acknowledgeIntro')}</p>
              <Button type="submit">{t('acknowledge')}</Button>
            </form>
          )}
          {isGuardian(actor) && !toAcknowledge && <p className="font-medium" data-testid="acknowledged">{t('acknowledged')}</p>}
        </>
      )}
      {versions.length > 1 && (
        <section aria-labelledby="older">
          <h2 id="older" className="text-lg font-semibold">{t('olderVersions')}</h2>
          <ul className="list-inside list-disc">
            {versions.slice(1).map((v) => (
              <li key={v.id}><Link className="underline" href={`/afspraken/${v.id}`}>{t('versionLink', { number: v.number, date: format.dateTime(v.publishedAt!, { dateStyle: 'long' }) })}</Link></li>
            ))}
          </ul>
        </section>
      )}
    </AppShell>
  );
}
