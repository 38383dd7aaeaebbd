import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { StatusForm } from '@/components/ui/StatusForm';
import { careCoordinatorAction } from '@/lib/people/actions';
import { AppShell } from '@/components/layout/AppShell';
import { LatestAnnouncementsCard } from '@/components/announcements/LatestAnnouncementsCard';
import { ReplyTimesCard } from '@/components/communication/ReplyTimesCard';
import { ReachCard } from '@/components/reach/ReachCard';
import { YearAtAGlance } from '@/components/director/YearAtAGlance';
import { InboxSummary } from '@/components/messages/InboxSummary';
import { AbsentTodayCard } from '@/components/reports/AbsentTodayCard';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { fullName, namesList } from '@/lib/format/name';
import { notReached } from '@/lib/bookings/staff';
import { directorHome } from '@/lib/people/queries';
import { undeliverableCount } from '@/lib/mail/undeliverable';
import { currentSchoolYear } from '@/lib/school/year';

export async function generateMetadata() {
  return { title: (await getTranslations('home.director'))('title') };
}

export default async function DirectorHomePage() {
  const actor = await requireRole('DIRECTOR');
  const tr = await getTranslations('retention');
  const tcy = await getTranslations('cycle');
  const ty = await getTranslations('schoolYear');
  const t = await getTranslations('home.director');
  const tc = await getTranslations('common');
  // A school fresh from setup has no school year yet: the home says what comes first instead of failing.
  if (!(await currentSchoolYear(actor.schoolId))) {
    return (
      <AppShell actor={actor} path="/directie">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <Card>
          <h2 className="text-lg font-semibold">{t('firstSteps')}</h2>
          <ol className="mt-2 list-decimal pl-6">
            <li>
              <Link href="/directie/schooljaar" className="text-brand-700 underline">{t('stepYear')}</Link>
            </li>
            <li>
              <Link href="/directie/import" className="text-brand-700 underline">{t('stepImport')}</Link>
            </li>
            <li>
              <Link href="/directie/team" className="text-brand-700 underline">{t('stepTeam')}</Link>
            </li>
            <li>
              <Link href="/directie/cyclus" className="text-brand-700 underline">{t('stepCycle')}</Link>
            </li>
          </ol>
        </Card>
      </AppShell>
    );
  }
  // One clock for the page, so the reach card and the reach chart share one computation.
  const now = new Date();
  const { year, groups, staff, totals } = await directorHome(actor);
  const unreached = await notReached(actor, year.id);
  const undelivered = await undeliverableCount(actor);
  const tm = await getTranslations('mailFailures');
  const figures = [
    ['children', totals.children],
    ['guardians', totals.guardians],
    ['groups', totals.groups],
    ['staff', totals.staff],
  ] as const;
  return (
    <AppShell actor={actor} path="/directie">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="text-stone-700">
            {t('intro')} {tc('schoolYear', { name: year.name })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/directie/import" className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-4">
            {t('import')}
          </Link>
          <Link href="/directie/team" className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-4">
            {t('team')}
          </Link>
          <Link href="/directie/bewaartermijn" className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-4">
            {tr('title')}
          </Link>
          <Link href="/directie/cyclus" className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-4">
            {tcy('homeLink')}
          </Link>
          <Link href="/directie/schooljaar" className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-4">
            {ty('nav')}
          </Link>
        </div>
      </div>
      {undelivered > 0 && (
        <p role="status" className="rounded-xl border border-amber-300 bg-amber-50 p-4" data-testid="mail-failures-notice">
          {tm('homeNotice', { count: undelivered })}{' '}
          <Link href="/directie/mail" className="font-medium underline">
            {tm('homeLink')}
          </Link>
        </p>
      )}
      <YearAtAGlance actor={actor} now={now} />
      <div className="grid gap-4 md:grid-cols-2">
        <ReachCard actor={actor} now={now} />
        <ReplyTimesCard actor={actor} />
        <InboxSummary actor={actor} />
        <AbsentTodayCard actor={actor} />
        <LatestAnnouncementsCard actor={actor} />
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map(([key, value]) => (
          <div key={key} className="rounded-xl border border-stone-200 bg-white p-4">
            <dt className="text-sm text-stone-600">{t(key)}</dt>
            <dd className="text-3xl font-semibold" data-testid={`total-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <Card aria-labelledby="groups-title">
        <h2 id="groups-title" className="mb-2 text-xl font-semibold">
          {t('groupsTitle')}
        </h2>
        <table className="w-full text-left">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-2">{tc('group')}</th>
              <th scope="col" className="py-2">{tc('teachers')}</th>
              <th scope="col" className="py-2 text-right">{t('pupils')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id} className="border-b border-stone-100">
                <th scope="row" className="py-2 font-medium">{g.name}</th>
                <td className="py-2">{g.teachers.length ? namesList(g.teachers.map((x) => x.user)) : tc('noTeacher')}</td>
                <td className="py-2 text-right">{g._count.enrolments}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card aria-labelledby="unreached-title">
        <h2 id="unreached-title" className="text-xl font-semibold">{t('unreachedTitle')}</h2>
        <p className="text-stone-700" data-testid="unreached-count">{t('unreached', { count: unreached.length, total: totals.children })}</p>
        {unreached.length > 0 && (
          <details className="mt-2">
            <summary className="min-h-11 cursor-pointer">{t('unreachedShow')}</summary>
            <ul className="mt-2 grid list-inside list-disc gap-1 sm:grid-cols-2">
              {unreached.map((c) => (
                <li key={c.id}>
                  <Link href={`/kind/${c.id}`} className="underline">{fullName(c)}</Link> ({c.enrolments[0]?.group.name})
                </li>
              ))}
            </ul>
          </details>
        )}
      </Card>
      <Card aria-labelledby="staff-title">
        <h2 id="staff-title" className="mb-2 text-xl font-semibold">
          {t('staffTitle')}
        </h2>
        <table className="w-full text-left">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-2">{t('name')}</th>
              <th scope="col" className="py-2">{t('role')}</th>
              <th scope="col" className="hidden py-2 sm:table-cell">{t('email')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((m) => (
              <tr key={`${m.user.id}-${m.role}`} className="border-b border-stone-100">
                <td className="py-2">{fullName(m.user)}</td>
                <td className="py-2">
                  {tc(`roles.${m.role}`)}
                  {m.role === 'TEACHER' && (
                    <StatusForm action={careCoordinatorAction} className="inline">
                      <input type="hidden" name="membershipId" value={m.id} />
                      <input type="hidden" name="on" value={String(!m.careCoordinator)} />
                      {m.careCoordinator && <span className="ml-1">· {t('careCoordinator')}</span>}
                      <button className="ml-2 min-h-11 rounded border border-stone-400 bg-white px-2 text-sm" aria-label={t(m.careCoordinator ? 'careOffFor' : 'careOnFor', { name: fullName(m.user) })}>
                        {t(m.careCoordinator ? 'careOff' : 'careOn')}
                      </button>
                    </StatusForm>
                  )}
                </td>
                <td className="hidden py-2 sm:table-cell">{m.user.email}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </AppShell>
  );
}
