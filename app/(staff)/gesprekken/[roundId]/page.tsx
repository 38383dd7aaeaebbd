import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AllocateButton } from '@/components/bookings/AllocateButton';
import { RemindButton } from '@/components/bookings/RemindButton';
import { RhythmCard } from '@/components/bookings/RhythmCard';
import { TalkWishesCard } from '@/components/bookings/TalkWishesCard';
import { AppShell } from '@/components/layout/AppShell';
import { AfterRoundCard } from '@/components/surveys/AfterRoundCard';
import { Card } from '@/components/ui/Card';
import { isDirector, ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { missingBookings } from '@/lib/bookings/staff';
import { orNotFound } from '@/lib/not-found';
import { fullName } from '@/lib/format/name';

export default async function RoundProgressPage({ params }: { params: Promise<{ roundId: string }> }) {
  const actor = await requireRole(...ROLES.staff);
  const { roundId } = await params;
  const { round, groups } = await orNotFound(missingBookings(actor, roundId));
  const t = await getTranslations('rounds');
  return (
    <AppShell actor={actor} path={`/gesprekken/${roundId}`}>
      <div>
        <Link href="/gesprekken" className="text-brand-700 underline">{t('back')}</Link>
        <h1 className="mt-2 text-2xl font-bold">{round.name}</h1>
        <p className="text-stone-700">{t('progressIntro')}</p>
      </div>
      {round.mode === 'FAIR' && !round.allocatedAt && (
        <Card>
          <p className="mb-2">{t('preferencesCount', { count: round._count.preferences })}</p>
          <AllocateButton roundId={round.id} />
        </Card>
      )}
      {groups.map((g) => (
        <Card key={g.group.id} aria-labelledby={`g-${g.group.id}`}>
          <h2 id={`g-${g.group.id}`} className="text-lg font-semibold">
            {t('group', { name: g.group.name })}{' '}
            {g.mandatory && <span className="rounded bg-amber-100 px-1.5 text-sm font-normal text-amber-900">{t('mandatory')}</span>}
          </h2>
          <p data-testid="progress">{t('progress', { booked: g.total - g.missing.length, total: g.total })}</p>
          {g.missing.length > 0 && (
            <>
              <h3 className="mt-2 font-medium">{t('stillToBook')}</h3>
              <ul className="list-inside list-disc">{g.missing.map((c) => <li key={c.id}>{fullName(c)}</li>)}</ul>
            </>
          )}
          {g.noShows.length > 0 && (
            <>
              <h3 className="mt-2 font-medium">{t('noShows')}</h3>
              <ul className="list-inside list-disc">{g.noShows.map((c) => <li key={c.id}>{fullName(c)}</li>)}</ul>
              <div className="mt-2"><RemindButton roundId={round.id} groupId={g.group.id} count={g.noShows.length} kind="noShows" /></div>
            </>
          )}
          <div className="mt-3"><RemindButton roundId={round.id} groupId={g.group.id} count={g.missing.length} /></div>
        </Card>
      ))}
      <TalkWishesCard actor={actor} roundId={round.id} />
      <RhythmCard actor={actor} roundId={round.id} />
      {isDirector(actor) && <AfterRoundCard actor={actor} roundId={round.id} />}
    </AppShell>
  );
}
