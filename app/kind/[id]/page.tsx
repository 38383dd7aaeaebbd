import { getFormatter, getTranslations } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { fileAbilities } from '@/lib/access/child-file';
import { requireRole } from '@/lib/auth/actor';
import { orNotFound } from '@/lib/not-found';
import { fullName, namesList } from '@/lib/format/name';
import { childDetail } from '@/lib/people/queries';
import { ChildFile } from '@/components/records/ChildFile';
import { LeftSchoolForm } from '@/components/records/LeftSchoolForm';
import { EndGuardianshipForm } from '@/components/team/EndGuardianshipForm';
import { childTimeline } from '@/lib/records/timeline';

export default async function ChildPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireRole();
  const child = await orNotFound(childDetail(actor, id));
  const [{ entries }, may] = await Promise.all([childTimeline(actor, id), fileAbilities(actor, id)]);
  const t = await getTranslations('child');
  const format = await getFormatter();
  const group = child.enrolments[0]?.group;
  const households = [...new Set(child.guardianships.map((g) => g.householdId))];
  return (
    <AppShell actor={actor} path={`/kind/${child.id}`}>
      <h1 className="text-2xl font-bold">{t('title', { name: fullName(child) })}</h1>
      <Card>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t('pupilNumber')}</dt>
          <dd>{child.pupilNumber}</dd>
          <dt className="font-medium">{t('dateOfBirth')}</dt>
          <dd>{format.dateTime(child.dateOfBirth, { dateStyle: 'long', timeZone: 'UTC' })}</dd>
          <dt className="font-medium">{t('group')}</dt>
          <dd>{group?.name ?? '–'}</dd>
          <dt className="font-medium">{t('teachers')}</dt>
          <dd>{group ? namesList(group.teachers.map((x) => x.user)) : '–'}</dd>
          {child.years.length > 1 && (
            <>
              <dt className="font-medium">{t('groupsByYear')}</dt>
              <dd data-testid="groups-by-year">{child.years.map((y) => t('yearGroup', y)).join(' · ')}</dd>
            </>
          )}
        </dl>
      </Card>
      <Card aria-labelledby="guardians-title">
        <h2 id="guardians-title" className="mb-2 text-xl font-semibold">
          {t('guardians')}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {child.guardianships.map((g) => (
            <li key={g.user.id} className="rounded-lg border border-stone-200 p-3">
              <p className="font-semibold">{fullName(g.user)}</p>
              <p className="text-stone-700">
                {g.relation} · {t(`rights.${g.right}`)}
                {households.length > 1 && <> · {t('household', { n: households.indexOf(g.householdId) + 1 })}</>}
              </p>
              {/* The other household's contact details are left out unless the school shares them (childDetail). */}
              {(g.user.email || g.user.phone) && (
                <p className="text-sm text-stone-700">
                  {g.user.email && <>{t('email')}: {g.user.email}</>}
                  {g.user.email && g.user.phone && <br />}
                  {g.user.phone && <>{t('phone')}: {g.user.phone}</>}
                </p>
              )}
              {may.changeChild && <EndGuardianshipForm childId={child.id} guardianshipId={g.id} name={fullName(g.user)} />}
            </li>
          ))}
        </ul>
      </Card>
      {may.changeChild && <LeftSchoolForm childId={child.id} name={child.firstName} leftAt={child.leftAt} retentionMonths={child.school.retentionMonths} />}
      <ChildFile may={may} childId={child.id} childName={child.firstName} entries={entries} twoHouseholds={households.length > 1} />
    </AppShell>
  );
}
