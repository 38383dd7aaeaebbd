import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { ThreadList } from '@/components/messages/ThreadList';
import { isGuardian } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { guardianThreads, type InboxFilter, staffInbox } from '@/lib/messages/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('threads'))('title') };
}

const linkButton = 'inline-flex min-h-11 items-center rounded-lg px-4 py-2 font-medium';

// Guardians: their conversations and the ways to start one. Staff: the inbox, awaiting an answer first.
export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ filter?: string }> }) {
  const actor = await requireRole();
  const t = await getTranslations('threads');
  if (isGuardian(actor)) {
    const rows = await guardianThreads(actor);
    return (
      <AppShell actor={actor} path="/berichten">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p>{t('guardianIntro')}</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/berichten/nieuw" className={`${linkButton} bg-brand-700 text-white`}>{t('newQuestion')}</Link>
          <Link href="/berichten/zorg" className={`${linkButton} border border-stone-400 bg-white`}>{t('worry')}</Link>
        </div>
        <h2 className="text-xl font-semibold">{t('listTitle')}</h2>
        {rows.length ? <ThreadList rows={rows} staff={false} /> : <p>{t('noThreads')}</p>}
      </AppShell>
    );
  }
  const filter: InboxFilter = (await searchParams).filter === 'all' ? 'all' : 'open';
  const rows = await staffInbox(actor, { filter });
  return (
    <AppShell actor={actor} path="/berichten">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('staffIntro')}</p>
      <div>
        <Link href="/berichten/nieuw" className={`${linkButton} border border-stone-400 bg-white`}>{t('startConversation')}</Link>
      </div>
      <nav aria-label={t('filterLabel')} className="flex flex-wrap gap-3">
        {(['open', 'all'] as const).map((f) => (
          <Link key={f} href={f === 'open' ? '/berichten' : '/berichten?filter=all'} aria-current={filter === f ? 'page' : undefined} className="inline-flex min-h-11 items-center underline-offset-2 hover:underline aria-[current=page]:font-semibold aria-[current=page]:underline">
            {f === 'open' ? t('filterOpen') : t('filterAll')}
          </Link>
        ))}
      </nav>
      <h2 className="text-xl font-semibold">{filter === 'open' ? t('filterOpen') : t('filterAll')}</h2>
      {rows.length ? <ThreadList rows={rows} staff /> : <p>{filter === 'open' ? t('noOpen') : t('noThreads')}</p>}
    </AppShell>
  );
}
