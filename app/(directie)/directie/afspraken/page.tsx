import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { CharterEditor } from '@/components/charter/CharterEditor';
import { CharterRemindButton } from '@/components/charter/CharterRemindButton';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { acknowledgementByGroup, charterDraft, charterVersions } from '@/lib/charter/service';

export async function generateMetadata() {
  return { title: (await getTranslations('charter'))('manageTitle') };
}

export default async function ManageCharterPage() {
  const actor = await requireRole('DIRECTOR');
  const t = await getTranslations('charter');
  const format = await getFormatter();
  const [{ version, groups }, draft, versions] = await Promise.all([acknowledgementByGroup(actor), charterDraft(actor), charterVersions(actor)]);
  return (
    <AppShell actor={actor} path="/directie/afspraken">
      <h1 className="text-2xl font-bold">{t('manageTitle')}</h1>
      <Card aria-labelledby="acks">
        <h2 id="acks" className="text-lg font-semibold">{version ? t('acksTitle', { number: version.number }) : t('none')}</h2>
        {version && (
          <table className="mt-2 w-full text-left">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2">{t('group')}</th>
                <th scope="col" className="py-2">{t('acknowledgedBy')}</th>
                <th scope="col" className="py-2"><span className="sr-only">{t('remind')}</span></th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.id} className="border-b border-stone-100" data-testid="ack-row">
                  <th scope="row" className="py-2 font-medium">{g.name}</th>
                  <td className="py-2">{t('ackCount', { acknowledged: g.acknowledged, total: g.total })}</td>
                  <td className="py-2"><CharterRemindButton groupId={g.id} disabled={g.acknowledged === g.total} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card aria-labelledby="draft">
        <h2 id="draft" className="mb-2 text-lg font-semibold">{t('draftTitle', { number: draft.number })}</h2>
        <CharterEditor title={draft.title} intro={draft.intro} sections={draft.sections} />
      </Card>
      {versions.length > 0 && (
        <Card aria-labelledby="versions">
          <h2 id="versions" className="text-lg font-semibold">{t('olderVersions')}</h2>
          <ul className="list-inside list-disc">
            {versions.map((v) => (
              <li key={v.id}><Link className="underline" href={`/afspraken/${v.id}`}>{t('versionLink', { number: v.number, date: format.dateTime(v.publishedAt!, { dateStyle: 'long' }) })}</Link></li>
            ))}
          </ul>
        </Card>
      )}
    </AppShell>
  );
}
