import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { mayAtSchool } from '@/lib/access/school';
import { isGuardian } from '@/lib/access/roles';
import { announcementList, confirmationByGroup } from '@/lib/announcements/queries';
import { requireRole } from '@/lib/auth/actor';

export async function generateMetadata() {
  return { title: (await getTranslations('announcements'))('title') };
}

// Staff see the confirmation counts of the latest ones that asked for it (each is one count over its families).
const COUNTED = 10;

export default async function AnnouncementsPage() {
  const actor = await requireRole();
  const t = await getTranslations('announcements');
  const format = await getFormatter();
  const guardian = isGuardian(actor);
  const list = await announcementList(actor);
  const counted = new Set(list.filter((a) => a.confirmRead).slice(0, COUNTED).map((a) => a.id));
  const counts = guardian ? new Map() : new Map(await Promise.all([...counted].map(async (id) => [id, await confirmationByGroup(actor, id)] as const)));
  return (
    <AppShell actor={actor} path="/mededelingen">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {mayAtSchool(actor, 'announcement', 'write') && (
          <Link href="/mededelingen/nieuw" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t('new')}
          </Link>
        )}
      </div>
      <Card>
        {list.length === 0 ? (
          <p className="text-stone-700">{t('none')}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-stone-200" data-testid="announcements">
            {list.map((a) => {
              const unread = guardian && !a.read;
              const c = counts.get(a.id);
              return (
                <li key={a.id} className="flex flex-col gap-1 py-3">
                  <Link href={`/mededelingen/${a.id}`} className={`inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2 ${unread ? 'font-bold' : 'font-medium'}`}>
                    {a.title}
                  </Link>
                  <p className="flex flex-wrap gap-x-2 gap-y-1 text-sm text-stone-700">
                    {unread && <span className="rounded bg-brand-100 px-2 font-semibold text-brand-900">{t('unread')}</span>}
                    {a.urgent && <span className="rounded bg-red-100 px-2 font-semibold text-red-900">{t('urgent')}</span>}
                    <span>{t(`kinds.${a.kind}`)}</span>
                    <span>· {format.dateTime(a.publishedAt, { dateStyle: 'long' })}</span>
                    <span>· {a.wholeSchool ? t('wholeSchool') : t('groups', { names: a.groups.join(', ') })}</span>
                    {a.attachments > 0 && <span>· {t('attachmentCount', { count: a.attachments })}</span>}
                    {guardian && a.confirmRead && <span>· {a.read?.confirmedAt ? t('youConfirmed') : t('pleaseConfirm')}</span>}
                    {c && <span>· {t('confirmedOf', { confirmed: c.confirmed, total: c.total })}</span>}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </AppShell>
  );
}
