import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { CharterView } from '@/components/charter/CharterView';
import { AppShell } from '@/components/layout/AppShell';
import { requireRole } from '@/lib/auth/actor';
import { charterVersion } from '@/lib/charter/service';
import { orNotFound } from '@/lib/not-found';

/** An older (or, for the director, the draft) version: older versions stay readable. */
export default async function CharterVersionPage({ params }: { params: Promise<{ versionId: string }> }) {
  const actor = await requireRole();
  const { versionId } = await params;
  const v = await orNotFound(charterVersion(actor, versionId));
  const t = await getTranslations('charter');
  const format = await getFormatter();
  return (
    <AppShell actor={actor} path={`/afspraken/${versionId}`}>
      <Link href="/afspraken" className="text-brand-700 underline">{t('backToCurrent')}</Link>
      <h1 className="text-2xl font-bold">{v.title}</h1>
      <p className="text-stone-700">{v.publishedAt ? t('version', { number: v.number, date: format.dateTime(v.publishedAt, { dateStyle: 'long' }) }) : t('draft')}</p>
      <CharterView intro={v.intro} sections={v.sections} />
    </AppShell>
  );
}
