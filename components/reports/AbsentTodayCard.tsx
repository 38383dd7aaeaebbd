import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/Card';
import { isDirector } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { absentToday } from '@/lib/reports/absence';
import { directorReportCounts } from '@/lib/reports/queries';

const SHOWN = 6;

/** For a staff home: who is absent today in my groups (count and names), and for the director what waits. */
export async function AbsentTodayCard({ actor }: { actor: Actor }) {
  const t = await getTranslations('reports');
  const [{ absences }, counts] = await Promise.all([absentToday(actor), isDirector(actor) ? directorReportCounts(actor) : null]);
  const names = absences.map((a) => `${a.childName} (${a.groupName})`);
  const linkClass = 'font-medium text-brand-700 underline';
  return (
    <Card aria-labelledby="absent-today-card">
      <h2 id="absent-today-card" className="text-lg font-semibold">{t('card.absentTitle')}</h2>
      <p>{t('card.absentCount', { count: absences.length })}</p>
      {names.length > 0 && (
        <p className="text-stone-700">
          {names.slice(0, SHOWN).join(', ')}
          {names.length > SHOWN && <> {t('card.more', { count: names.length - SHOWN })}</>}
        </p>
      )}
      <ul className="mt-2 flex flex-col gap-1">
        <li><Link href="/vandaag" className={linkClass}>{t('card.toToday')}</Link></li>
        {counts && counts.pendingLeave > 0 && <li><Link href="/directie/verlof" className={linkClass}>{t('card.pendingLeave', { count: counts.pendingLeave })}</Link></li>}
        {counts && counts.openChanges > 0 && <li><Link href="/directie/wijzigingen" className={linkClass}>{t('card.openChanges', { count: counts.openChanges })}</Link></li>}
      </ul>
    </Card>
  );
}
