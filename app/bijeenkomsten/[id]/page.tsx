import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { RsvpForm } from '@/components/meetings/RsvpForm';
import { TurnoutTable } from '@/components/meetings/TurnoutTable';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { meetingDetail } from '@/lib/meetings/queries';
import { orNotFound } from '@/lib/not-found';

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireRole();
  const m = await orNotFound(meetingDetail(actor, id));
  const t = await getTranslations('meetings');
  const format = await getFormatter();
  return (
    <AppShell actor={actor} path={`/bijeenkomsten/${m.id}`}>
      <article className="flex flex-col gap-4" aria-labelledby="meeting-title">
        <Card>
          <p className="text-sm text-stone-700">
            {t(`kinds.${m.kind}`)} · {m.wholeSchool ? t('wholeSchool') : t('groups', { names: m.groups.join(', ') })}
          </p>
          <h1 id="meeting-title" className="mt-1 text-2xl font-bold break-words">
            {m.title}
          </h1>
          <p className="text-stone-800">{format.dateTimeRange(m.startsAt, m.endsAt, { dateStyle: 'full', timeStyle: 'short' })}</p>
          {m.location && <p className="text-stone-800">{t('location', { location: m.location })}</p>}
          {m.description && <p className="mt-3 whitespace-pre-line">{m.description}</p>}
        </Card>
        {m.mayRsvp && (
          <Card aria-labelledby="rsvp-title">
            <h2 id="rsvp-title" className="mb-2 text-lg font-semibold">
              {m.answer ? t('rsvp.yourAnswer', { answer: t(`answers.${m.answer.answer}`) }) : t('rsvp.notAnswered')}
              {m.answer && m.answer.people > 0 && <> ({t('people', { count: m.answer.people })})</>}
            </h2>
            {m.open ? <RsvpForm meetingId={m.id} answer={m.answer} /> : <p className="text-stone-700">{t('rsvp.closed')}</p>}
          </Card>
        )}
        {m.turnout && (
          <Card aria-labelledby="turnout-title">
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h2 id="turnout-title" className="text-lg font-semibold">
                {t('turnout.title')}
              </h2>
              {m.mayRegister && (
                <Link href={`/bijeenkomsten/${m.id}/aanwezig`} className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
                  {t('register')}
                </Link>
              )}
            </div>
            <TurnoutTable turnout={m.turnout} caption={t('turnout.intro')} />
          </Card>
        )}
      </article>
    </AppShell>
  );
}
