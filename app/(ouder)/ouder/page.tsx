import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { LatestAnnouncementsCard } from '@/components/announcements/LatestAnnouncementsCard';
import { MeetingsCard } from '@/components/meetings/MeetingsCard';
import { HelpCard } from '@/components/participation/HelpCard';
import { InboxSummary } from '@/components/messages/InboxSummary';
import { ParentReportsCard } from '@/components/reports/ParentReportsCard';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { fullName, namesList } from '@/lib/format/name';
import { guardianRounds } from '@/lib/bookings/queries';
import { guardianEvents } from '@/lib/events/service';
import { charterToAcknowledge } from '@/lib/charter/service';
import { publishedSummaries } from '@/lib/surveys/feedback';
import { guardianHome } from '@/lib/people/queries';
import { WishNotice } from '@/components/bookings/WishNotice';

export async function generateMetadata() {
  return { title: (await getTranslations('home.guardian'))('title') };
}

export default async function GuardianHomePage() {
  const actor = await requireRole('GUARDIAN');
  const t = await getTranslations('home.guardian');
  const tc = await getTranslations('common');
  const tb = await getTranslations('booking');
  const tp = await getTranslations('prepare');
  const [{ year, children }, rounds, events, charter, summaries] = await Promise.all([
    guardianHome(actor),
    guardianRounds(actor),
    guardianEvents(actor),
    charterToAcknowledge(actor),
    publishedSummaries(actor),
  ]);
  const tf = await getTranslations('feedback');
  const tch = await getTranslations('charter');
  const tev = await getTranslations('events');
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  if (!year) {
    return (
      <AppShell actor={actor} path="/ouder">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p>{t('noYear')}</p>
      </AppShell>
    );
  }
  return (
    <AppShell actor={actor} path="/ouder">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-stone-700">
          {t('intro')} {tc('schoolYear', { name: year.name })}
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <ParentReportsCard actor={actor} />
        <InboxSummary actor={actor} />
        <LatestAnnouncementsCard actor={actor} />
        <MeetingsCard actor={actor} />
        <HelpCard actor={actor} />
      </div>
      {charter && (
        <div role="region" aria-labelledby="charter-ask" className="rounded-xl border-2 border-brand-700 bg-brand-50 p-4">
          <h2 id="charter-ask" className="text-lg font-semibold">{tch('askTitle')}</h2>
          <p className="mb-2">{tch('askText', { title: charter.title })}</p>
          <Link href="/afspraken" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">{tch('read')}</Link>
        </div>
      )}
      {events.length > 0 && (
        <Card aria-labelledby="upcoming-title">
          <h2 id="upcoming-title" className="text-lg font-semibold">{tev('upcoming')}</h2>
          <ul className="mt-1">
            {events.map((e) => (
              <li key={e.id}>
                {tev('eventLine', { stage: e.stage.name, group: e.group.name, when: when(e.startsAt) })}
                {e.location && <span className="text-stone-600"> · {e.location}</span>}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {summaries.map((s) => (
        <Card key={s.id} aria-labelledby={`summary-${s.id}`}>
          <h2 id={`summary-${s.id}`} className="text-lg font-semibold">{tf('parentsTitle', { title: s.title })}</h2>
          <p className="whitespace-pre-line">{s.summary}</p>
          {s.actions.length > 0 && (
            <ul className="mt-2 list-inside list-disc">
              {s.actions.map((a) => <li key={a.id}>{a.action} <span className="text-stone-600">({a.owner})</span></li>)}
            </ul>
          )}
        </Card>
      ))}
      {children.length === 0 && <p>{t('noChildren')}</p>}
      <ul className="grid gap-4 sm:grid-cols-2">
        {children.map((child) => {
          const group = child.enrolments[0]?.group;
          const teachers = group?.teachers.map((x) => x.user) ?? [];
          return (
            <li key={child.id}>
              <Card aria-labelledby={`child-${child.id}`}>
                <h2 id={`child-${child.id}`} className="text-xl font-semibold">
                  {fullName(child)}
                </h2>
                {group && (
                  <p className="mt-1 text-stone-700" data-testid="child-group">
                    {t('groupTeacher', { group: group.name, teachers: teachers.length ? namesList(teachers) : tc('noTeacher') })}
                  </p>
                )}
                <ul className="mt-3 flex flex-col gap-2">
                  {rounds
                    .find((r) => r.child.id === child.id)
                    ?.rounds.map((r) => (
                      <li key={r.round.id} className="rounded-lg bg-stone-100 p-3">
                        <p className="font-medium">
                          {r.round.name}
                          {r.mandatory && <span className="ml-2 rounded bg-amber-100 px-1.5 text-sm text-amber-900">{tb('mandatory')}</span>}
                        </p>
                        <WishNotice wish={r.wish} />
                        {r.booking ? (
                          <p data-testid="booked-talk">{tb('bookedAt', { when: when(r.booking.startsAt) })}</p>
                        ) : r.otherHousehold ? (
                          <p data-testid="other-household-talk">{tb('otherHousehold')}</p>
                        ) : r.state === 'notYetOpen' ? (
                          <p>{tb('opensAt', { when: when(r.round.opensAt) })}</p>
                        ) : r.state === 'closed' ? (
                          <p>{tb('closed')}</p>
                        ) : r.state === 'preferences' && r.round.preferencesCloseAt ? (
                          <p>{tb('preferencesUntil', { when: when(r.round.preferencesCloseAt) })}</p>
                        ) : r.state === 'allocating' ? (
                          <p>{tb('allocating')}</p>
                        ) : null}
                        <div className="flex flex-wrap gap-x-4">
                          <Link href={`/ouder/gesprekken/${r.round.id}`} className="mt-1 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
                            {r.booking ? tb('viewBooking') : r.state === 'open' && r.canBook ? tb('bookNow') : r.state === 'preferences' && r.canBook ? tb('givePreferences') : tb('view')}
                          </Link>
                          {r.canPrepare && (
                            <Link href={`/kind/${child.id}/voorbereiden/${r.round.id}`} className="mt-1 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
                              {tp('link')}
                            </Link>
                          )}
                        </div>
                      </li>
                    ))}
                </ul>
                <Link href={`/kind/${child.id}`} className="mt-3 inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2">
                  {t('open', { name: child.firstName })}
                </Link>
              </Card>
            </li>
          );
        })}
      </ul>
    </AppShell>
  );
}
