import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { RoundForm } from '@/components/bookings/RoundForm';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { roundFormOptions, staffRounds } from '@/lib/bookings/staff';
import { zonedDateKey } from '@/lib/format/time';
import { currentSchoolYear } from '@/lib/school/year';

export async function generateMetadata() {
  return { title: (await getTranslations('rounds'))('title') };
}

export default async function StaffRoundsPage() {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const t = await getTranslations('rounds');
  const format = await getFormatter();
  const year = await currentSchoolYear(actor.schoolId);
  const [rounds, options] = await Promise.all([staffRounds(actor), year ? roundFormOptions(actor, year.id) : null]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <AppShell actor={actor} path="/gesprekken">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <Link href={`/gesprekken/dag?datum=${zonedDateKey(new Date())}`} className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-4">
          {t('dayView')}
        </Link>
      </div>
      {rounds.length === 0 && <p>{t('none')}</p>}
      <ul className="grid gap-3">
        {rounds.map((r) => (
          <li key={r.id}>
            <Card aria-labelledby={`r-${r.id}`}>
              <h2 id={`r-${r.id}`} className="text-lg font-semibold">
                <Link href={`/gesprekken/${r.id}`} className="text-brand-700 underline underline-offset-2">{r.name}</Link>
              </h2>
              <p className="text-stone-700">
                {r.stage.name} · {t('groupsList', { groups: r.groups.map((g) => g.group.name).join(', ') })}
              </p>
              <p className="text-stone-700">{t('window', { opens: when(r.opensAt), deadline: when(r.deadline) })}</p>
              <p className="text-stone-700">{t('fill', { booked: r._count.bookings, slots: r._count.slots })}</p>
            </Card>
          </li>
        ))}
      </ul>
      {options && (
        <Card aria-labelledby="new-round">
          <details>
            <summary className="min-h-11 cursor-pointer text-lg font-semibold" id="new-round">{t('new')}</summary>
            <div className="mt-4"><RoundForm options={options} /></div>
          </details>
        </Card>
      )}
    </AppShell>
  );
}
