import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { RoundForm } from '@/components/bookings/RoundForm';
import { EventForm } from '@/components/events/EventForm';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { roundFormOptions, staffRounds } from '@/lib/bookings/staff';
import { PARTICIPATION_TARGET, staffEvents } from '@/lib/events/service';
import { prisma } from '@/lib/db';
import { zonedDateKey } from '@/lib/format/time';
import { currentSchoolYear } from '@/lib/school/year';

export async function generateMetadata() {
  return { title: (await getTranslations('rounds'))('title') };
}

export default async function StaffRoundsPage() {
  const actor = await requireRole(...ROLES.staff);
  const t = await getTranslations('rounds');
  const format = await getFormatter();
  const year = await currentSchoolYear(actor.schoolId);
  const [rounds, options, events, eventStages] = await Promise.all([
    staffRounds(actor),
    year ? roundFormOptions(actor, year.id) : null,
    staffEvents(actor),
    prisma.stageDefinition.findMany({ where: { schoolId: actor.schoolId, isGroupEvent: true }, orderBy: { position: 'asc' }, select: { id: true, name: true } }),
  ]);
  const te = await getTranslations('events');
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
      <Card aria-labelledby="events-title">
        <h2 id="events-title" className="text-lg font-semibold">{te('title')}</h2>
        <p className="mb-3 text-stone-700">{te('intro', { target: Math.round(PARTICIPATION_TARGET * 100) })}</p>
        {events.length === 0 && <p>{te('none')}</p>}
        <ul className="mb-4 flex flex-col gap-2">
          {events.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-stone-100 p-3">
              <span>
                <Link href={`/gesprekken/avond/${e.id}`} className="font-medium text-brand-700 underline">
                  {e.stage.name} · {te('groupName', { group: e.group.name })}
                </Link>{' '}
                · {when(e.startsAt)}
              </span>
              <span data-testid="participation" className={e.registered && e.rate < PARTICIPATION_TARGET ? 'font-semibold text-red-800' : ''}>
                {e.registered ? te('participation', { present: e.present, total: e.total, percent: Math.round(e.rate * 100) }) : te('notRegistered')}
              </span>
            </li>
          ))}
        </ul>
        {options && eventStages.length > 0 && (
          <details>
            <summary className="min-h-11 cursor-pointer font-medium">{te('new')}</summary>
            <div className="mt-3"><EventForm stages={eventStages} groups={options.groups} /></div>
          </details>
        )}
      </Card>
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
