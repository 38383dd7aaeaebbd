import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { BookingPanel } from '@/components/bookings/BookingPanel';
import { WishNotice } from '@/components/bookings/WishNotice';
import { OpeningWatcher } from '@/components/bookings/OpeningWatcher';
import { PreferenceForm } from '@/components/bookings/PreferenceForm';
import { AppShell } from '@/components/layout/AppShell';
import { Alert } from '@/components/ui/Alert';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { roundForGuardian } from '@/lib/bookings/queries';
import { orNotFound } from '@/lib/not-found';
import { fullName } from '@/lib/format/name';

export default async function GuardianRoundPage({ params }: { params: Promise<{ roundId: string }> }) {
  const actor = await requireRole(...ROLES.guardian);
  const { roundId } = await params;
  const view = await orNotFound(roundForGuardian(actor, roundId));
  const t = await getTranslations('booking');
  const tw = await getTranslations('wishes');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'full', timeStyle: 'short' });
  return (
    <AppShell actor={actor} path={`/ouder/gesprekken/${roundId}`}>
      <div>
        <Link href="/ouder" className="text-brand-700 underline">
          {t('backHome')}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{view.round.name}</h1>
        <p className="text-stone-700">
          {t('roundFacts', { stage: view.round.stage.name, minutes: view.round.stage.durationMinutes, deadline: when(view.round.deadline) })}
        </p>
      </div>
      {view.children.some((c) => c.wish) && (
        <ul className="flex flex-col gap-2" aria-label={tw('title')}>
          {view.children.filter((c) => c.wish).map((c) => (
            <li key={c.child.id}>
              <p className="font-medium">{fullName(c.child)}</p>
              <WishNotice wish={c.wish} />
            </li>
          ))}
        </ul>
      )}
      {view.state === 'notYetOpen' && (
        <>
          <Alert>{t('opensAt', { when: when(view.round.opensAt) })}</Alert>
          <OpeningWatcher opensAt={view.round.opensAt.toISOString()} />
        </>
      )}
      {view.state === 'closed' && <Alert>{t('closed')}</Alert>}
      {view.state === 'allocating' && <Alert>{t('allocating')}</Alert>}
      {view.state === 'preferences' && view.round.preferencesCloseAt && (
        <PreferenceForm
          roundId={view.round.id}
          childIds={view.children.filter((c) => c.canBook).map((c) => c.child.id)}
          blocks={view.round.blocks}
          chosen={view.round.preferences[0]?.blockIds ?? []}
          closesAt={view.round.preferencesCloseAt}
        />
      )}
      <BookingPanel
        roundId={view.round.id}
        open={view.state === 'open'}
        plans={view.plans}
        entries={view.children.map((c) => ({
          id: c.child.id,
          name: fullName(c.child),
          group: c.group?.name ?? '',
          canBook: c.canBook,
          canPrepare: c.canPrepare,
          waiting: c.waiting,
          otherHousehold: c.otherHousehold,
          booking: c.booking,
          slots: c.slots,
        }))}
      />
    </AppShell>
  );
}
