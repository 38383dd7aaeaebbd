import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { RsvpForm } from '@/components/meetings/RsvpForm';
import { ShareText } from '@/components/meetings/TurnoutTable';
import { Card } from '@/components/ui/Card';
import { isGuardian } from '@/lib/access/roles';
import { mayAtSchool } from '@/lib/access/school';
import { requireRole } from '@/lib/auth/actor';
import { guardianMeetings, staffMeetings } from '@/lib/meetings/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('meetings'))('title') };
}

type Listed = { id: string; kind: string; title: string; startsAt: Date; endsAt: Date; location: string | null; wholeSchool: boolean; groups: string[] };

async function Meta({ m }: { m: Listed }) {
  const t = await getTranslations('meetings');
  const format = await getFormatter();
  return (
    <p className="flex flex-wrap gap-x-2 gap-y-1 text-sm text-stone-700">
      <span>{t(`kinds.${m.kind}` as 'kinds.OTHER')}</span>
      <span>· {format.dateTimeRange(m.startsAt, m.endsAt, { dateStyle: 'full', timeStyle: 'short' })}</span>
      {m.location && <span>· {t('location', { location: m.location })}</span>}
      <span>· {m.wholeSchool ? t('wholeSchool') : t('groups', { names: m.groups.join(', ') })}</span>
    </p>
  );
}

export default async function MeetingsPage() {
  const actor = await requireRole();
  const t = await getTranslations('meetings');
  if (isGuardian(actor)) {
    const list = await guardianMeetings(actor);
    return (
      <AppShell actor={actor} path="/bijeenkomsten">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {list.length === 0 && (
          <Card>
            <p className="text-stone-700">{t('noneUpcoming')}</p>
          </Card>
        )}
        {list.map((m) => (
          <Card key={m.id} aria-labelledby={`meeting-${m.id}`} data-testid="meeting">
            <h2 id={`meeting-${m.id}`} className="text-lg font-semibold break-words">
              <Link href={`/bijeenkomsten/${m.id}`} className="text-brand-700 underline underline-offset-2">
                {m.title}
              </Link>
            </h2>
            <Meta m={m} />
            {m.description && <p className="mt-2 whitespace-pre-line">{m.description}</p>}
            <p className="my-2 font-medium">
              {m.answer ? t('rsvp.yourAnswer', { answer: t(`answers.${m.answer.answer}`) }) : t('rsvp.notAnswered')}
              {m.answer && m.answer.people > 0 && <> ({t('people', { count: m.answer.people })})</>}
            </p>
            {m.open ? <RsvpForm meetingId={m.id} answer={m.answer} /> : <p className="text-stone-700">{t('rsvp.closed')}</p>}
          </Card>
        ))}
      </AppShell>
    );
  }
  const { upcoming, past } = await staffMeetings(actor);
  return (
    <AppShell actor={actor} path="/bijeenkomsten">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {mayAtSchool(actor, 'meeting', 'write') && (
          <Link href="/bijeenkomsten/nieuw" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t('new')}
          </Link>
        )}
      </div>
      {(
        [
          ['upcoming', upcoming],
          ['past', past],
        ] as const
      ).map(([key, list]) => (
        <Card key={key} aria-labelledby={`meetings-${key}`}>
          <h2 id={`meetings-${key}`} className="mb-2 text-lg font-semibold">
            {t(key)}
          </h2>
          {list.length === 0 ? (
            <p className="text-stone-700">{t('none')}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-stone-200" data-testid={`meetings-${key}`}>
              {list.map((m) => (
                <li key={m.id} className="flex flex-col gap-1 py-3">
                  <Link href={`/bijeenkomsten/${m.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
                    {m.title}
                  </Link>
                  <Meta m={m} />
                  <p className="text-sm">
                    {key === 'past' ? (
                      <>
                        {t('turnout.title')}: {t('turnout.presentOf', { present: m.turnout.overall.present, invited: m.turnout.overall.invited })} · <ShareText share={m.turnout.overall} target={m.turnout.targetPercent} />
                      </>
                    ) : (
                      t('card.counts', m.turnout.rsvp)
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ))}
    </AppShell>
  );
}
