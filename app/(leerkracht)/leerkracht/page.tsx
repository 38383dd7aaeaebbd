import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppShell } from '@/components/layout/AppShell';
import { LatestAnnouncementsCard } from '@/components/announcements/LatestAnnouncementsCard';
import { MeetingsCard } from '@/components/meetings/MeetingsCard';
import { HelpCard } from '@/components/participation/HelpCard';
import { ClassParentsPanel } from '@/components/participation/ClassParentsPanel';
import { InboxSummary } from '@/components/messages/InboxSummary';
import { AbsentTodayCard } from '@/components/reports/AbsentTodayCard';
import { Card } from '@/components/ui/Card';
import { requireRole } from '@/lib/auth/actor';
import { fullName, namesList } from '@/lib/format/name';
import { classParentGroups } from '@/lib/participation/class-parents';
import { teacherHome } from '@/lib/people/queries';
import { helpRequests } from '@/lib/records/service';

export async function generateMetadata() {
  return { title: (await getTranslations('home.teacher'))('title') };
}

export default async function TeacherHomePage() {
  const actor = await requireRole('TEACHER');
  const t = await getTranslations('home.teacher');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const [{ year, groups }, asks, classParents] = await Promise.all([teacherHome(actor), helpRequests(actor), classParentGroups(actor)]);
  const th = await getTranslations('helping');
  if (!year) {
    return (
      <AppShell actor={actor} path="/leerkracht">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p>{t('noYear')}</p>
      </AppShell>
    );
  }
  return (
    <AppShell actor={actor} path="/leerkracht">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-stone-700">
          {t('intro')} {tc('schoolYear', { name: year.name })}
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <AbsentTodayCard actor={actor} />
        <InboxSummary actor={actor} />
        <LatestAnnouncementsCard actor={actor} />
        <MeetingsCard actor={actor} />
        <HelpCard actor={actor} />
      </div>
      {asks.length > 0 && (
        <Card aria-labelledby="help-title">
          <h2 id="help-title" className="text-xl font-semibold">{t('helpTitle')}</h2>
          <ul className="mt-2 flex flex-col gap-1" data-testid="help-requests">
            {asks.map((a) => (
              <li key={a.id}>
                <Link href={`/kind/${a.child.id}`} className="text-brand-700 underline underline-offset-2">{fullName(a.child)}</Link>
                {' · '}{t('helpAsked', { date: format.dateTime(a.at, { dateStyle: 'medium' }) })}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {groups.length === 0 && <p>{t('noGroups')}</p>}
      {groups.map((group) => {
        const colleagues = group.teachers.map((x) => x.user).filter((u) => u.id !== actor.userId);
        return (
          <Card key={group.id} aria-labelledby={`group-${group.id}`}>
            <h2 id={`group-${group.id}`} className="text-xl font-semibold">
              {tc('group')} {group.name}{' '}
              <span className="text-base font-normal text-stone-600">({t('pupils', { count: group.enrolments.length })})</span>
            </h2>
            {colleagues.length > 0 && <p className="text-stone-700">{t('duoWith', { names: namesList(colleagues) })}</p>}
            {classParents.filter((g) => g.id === group.id).map((g) => (
              <details key={g.id} className="mt-2" data-testid="group-class-parents">
                <summary className="min-h-11 cursor-pointer py-2 font-medium">
                  {th('classParents.inGroup', { count: g.classParents.length, names: g.classParents.map((c) => c.name).join(', ') })}
                </summary>
                <ClassParentsPanel group={g} />
              </details>
            ))}
            <table className="mt-3 w-full text-left">
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2">{t('pupilName')}</th>
                  <th scope="col" className="py-2">{t('dateOfBirth')}</th>
                </tr>
              </thead>
              <tbody>
                {group.enrolments.map(({ child }) => (
                  <tr key={child.id} className="border-b border-stone-100">
                    <td className="py-2">
                      <Link href={`/kind/${child.id}`} className="text-brand-700 underline underline-offset-2">
                        {fullName(child)}
                      </Link>
                    </td>
                    <td className="py-2">{format.dateTime(child.dateOfBirth, { dateStyle: 'medium', timeZone: 'UTC' })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        );
      })}
    </AppShell>
  );
}
