import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card } from '@/components/ui/Card';
import { isGuardian } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { inboxCounts } from '@/lib/messages/queries';

/** For the home pages: staff see open / due today / overdue questions, guardians their unread conversations. */
export async function InboxSummary({ actor }: { actor: Actor }) {
  const t = await getTranslations('threads.summary');
  const c = await inboxCounts(actor);
  return (
    <Card aria-labelledby="inbox-summary-title" data-testid="inbox-summary">
      <h2 id="inbox-summary-title" className="mb-2 text-lg font-semibold">
        {t('title')}
      </h2>
      {isGuardian(actor) ? (
        <p>{t('unread', { count: c.unread })}</p>
      ) : (
        <ul className="flex flex-col gap-1">
          <li>{t('open', { count: c.open })}</li>
          {c.dueToday > 0 && <li>{t('dueToday', { count: c.dueToday })}</li>}
          {c.overdue > 0 && <li className="font-semibold text-red-800">{t('overdue', { count: c.overdue })}</li>}
        </ul>
      )}
      <Link href="/berichten" className="mt-2 inline-flex min-h-11 items-center text-brand-700 underline">
        {t('link')}
      </Link>
    </Card>
  );
}
