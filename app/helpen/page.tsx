import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { isGuardian } from '@/lib/access/roles';
import { mayAtSchool } from '@/lib/access/school';
import { requireRole } from '@/lib/auth/actor';
import { myClassParentGroups } from '@/lib/participation/class-parents';
import { activityList } from '@/lib/participation/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('helping'))('title') };
}

const linkButton = 'inline-flex min-h-11 items-center rounded-lg px-4 py-2 font-medium';

export default async function HelpingPage() {
  const actor = await requireRole();
  const t = await getTranslations('helping');
  const format = await getFormatter();
  const guardian = isGuardian(actor);
  const [list, classParentOf] = await Promise.all([activityList(actor), myClassParentGroups(actor)]);
  const mayAsk = mayAtSchool(actor, 'activity', 'write') || classParentOf.length > 0;
  return (
    <AppShell actor={actor} path="/helpen">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <div className="flex flex-wrap gap-2">
          {mayAsk && (
            <Link href="/helpen/nieuw" className={`${linkButton} bg-brand-700 text-white hover:bg-brand-800`}>
              {t('new')}
            </Link>
          )}
          <Link href="/helpen/talenten" className={`${linkButton} border border-stone-400 bg-white text-stone-900 hover:bg-stone-100`}>
            {guardian ? t('talentsLink') : t('searchTalentsLink')}
          </Link>
          {mayAtSchool(actor, 'activity', 'write') && (
            <Link href="/helpen/klassenouders" className={`${linkButton} border border-stone-400 bg-white text-stone-900 hover:bg-stone-100`}>
              {t('classParentsLink')}
            </Link>
          )}
        </div>
      </div>
      <p className="text-stone-700">{t('intro')}</p>
      <Card>
        {list.length === 0 ? (
          <p className="text-stone-700">{t('none')}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-stone-200" data-testid="activities">
            {list.map((a) => (
              <li key={a.id} className="flex flex-col gap-1 py-3">
                <Link href={`/helpen/${a.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
                  {a.title}
                </Link>
                <p className="flex flex-wrap gap-x-2 text-sm text-stone-700">
                  <span>{format.dateTime(a.startsAt, { dateStyle: 'full', timeStyle: 'short' })}</span>
                  <span>· {a.group ? t('group', { name: a.group }) : t('wholeSchool')}</span>
                  <span>· {a.open ? t('deadline', { date: format.dateTime(a.signupDeadline, { dateStyle: 'long', timeStyle: 'short' }) }) : t('closed')}</span>
                </p>
                <ul className="flex flex-wrap gap-x-3 text-sm">
                  {a.roles.map((r) => {
                    const mine = a.signups.find((s) => s.roleId === r.id);
                    return (
                      <li key={r.id}>
                        {r.label}: {t('fill', { taken: r.taken, places: r.places })}
                        {mine && <strong> · {mine.status === 'PLACED' ? t('youPlaced') : t('waitingTitle')}</strong>}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </AppShell>
  );
}
