import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { InviteForm } from '@/components/team/InviteForm';
import { AppShell } from '@/components/layout/AppShell';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Disclosure } from '@/components/ui/Disclosure';
import { StatusForm } from '@/components/ui/StatusForm';
import { requireRole } from '@/lib/auth/actor';
import { fullName } from '@/lib/format/name';
import { deactivateStaffAction, familySettingsAction, groupTeachersAction, resetSignInAction } from '@/lib/team/actions';
import { teamOverview } from '@/lib/team/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('team'))('title') };
}

export default async function TeamPage() {
  const actor = await requireRole('DIRECTOR');
  const { year, staff, groups, ended, shareGuardianContacts } = await teamOverview(actor);
  const t = await getTranslations('team');
  const format = await getFormatter();
  // A person with two staff roles here is one colleague in the group lists.
  const colleagues = [...new Map(staff.map((m) => [m.user.id, m.user])).values()];
  return (
    <AppShell actor={actor} path="/directie/team">
      <div>
        <Link href="/directie" className="text-brand-700 underline">{t('back')}</Link>
        <h1 className="mt-2 text-2xl font-bold">{t('title')}</h1>
        <p className="text-stone-700">{t('intro')}</p>
      </div>

      <Card aria-labelledby="invite-title">
        <h2 id="invite-title" className="text-xl font-semibold">{t('inviteTitle')}</h2>
        <p className="mb-3 text-stone-700">{t('inviteIntro')}</p>
        <InviteForm />
      </Card>

      <Card aria-labelledby="staff-title">
        <h2 id="staff-title" className="mb-2 text-xl font-semibold">{t('staffTitle')}</h2>
        <ul className="flex flex-col gap-3">
          {staff.map((m) => {
            const name = fullName(m.user);
            const self = m.user.id === actor.userId;
            return (
              <li key={m.id} className="rounded-lg border border-stone-200 p-3">
                <p className="font-semibold">
                  {name} {self && t('you')}
                </p>
                <p className="text-sm text-stone-700">
                  {t(`roles.${m.role}`)}
                  {m.careCoordinator && <> · {t('care')}</>} · {m.user.email} · {t('signIn')}: {m.user.hasPassword ? t('password') : t('linkOnly')}
                </p>
                {!self && (
                  <div className="mt-2 flex flex-col gap-2">
                    <StatusForm action={resetSignInAction} success={t('resetDone')} className="flex flex-col gap-1">
                      <input type="hidden" name="membershipId" value={m.id} />
                      <p className="text-sm text-stone-600">{t('resetHint')}</p>
                      <Button type="submit" variant="secondary" aria-label={t('resetSignInFor', { name })} className="self-start">{t('resetSignIn')}</Button>
                    </StatusForm>
                    <Disclosure summary={t('deactivateFor', { name })}>
                      <StatusForm action={deactivateStaffAction} className="mt-2 flex flex-col gap-2">
                        <input type="hidden" name="membershipId" value={m.id} />
                        <p className="text-sm text-stone-700">{t('deactivateHint')}</p>
                        <Button type="submit" className="self-start">{t('deactivateConfirm', { name })}</Button>
                      </StatusForm>
                    </Disclosure>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </Card>

      <Card aria-labelledby="groups-title">
        <h2 id="groups-title" className="text-xl font-semibold">{year ? t('groupsTitle', { year: year.name }) : t('groupsTitleNoYear')}</h2>
        <p className="mb-3 text-stone-700">{t('groupsIntro')}</p>
        {groups.length === 0 && <p>{t('noGroups')}</p>}
        <div className="grid gap-3 sm:grid-cols-2">
          {groups.map((g) => (
            <StatusForm key={g.id} action={groupTeachersAction} success={t('saved')} className="rounded-lg border border-stone-200 p-3">
              <input type="hidden" name="groupId" value={g.id} />
              <fieldset className="flex flex-col">
                <legend className="font-medium">{t('teachersOf', { group: g.name })}</legend>
                {colleagues.map((u) => (
                  <label key={u.id} className="flex min-h-11 items-center gap-2">
                    <input type="checkbox" name="userIds" value={u.id} defaultChecked={g.teachers.some((x) => x.userId === u.id)} className="size-5" />
                    {fullName(u)}
                  </label>
                ))}
              </fieldset>
              <Button type="submit" variant="secondary" className="mt-2">{t('save')}</Button>
            </StatusForm>
          ))}
        </div>
      </Card>

      <Card aria-labelledby="families-title">
        <h2 id="families-title" className="text-xl font-semibold">{t('familiesTitle')}</h2>
        <StatusForm action={familySettingsAction} success={t('saved')} className="flex flex-col gap-2">
          <label className="flex min-h-11 items-start gap-2">
            <input type="checkbox" name="shareGuardianContacts" defaultChecked={shareGuardianContacts} aria-describedby="share-contacts-hint" className="mt-1 size-5" />
            <span>{t('shareContacts')}</span>
          </label>
          <p id="share-contacts-hint" className="text-sm text-stone-700">{t('shareContactsHint')}</p>
          <Button type="submit" variant="secondary" className="self-start">{t('save')}</Button>
        </StatusForm>
      </Card>

      <Card aria-labelledby="ended-title">
        <h2 id="ended-title" className="mb-2 text-xl font-semibold">{t('endedTitle')}</h2>
        {ended.length === 0 ? (
          <p>{t('endedNone')}</p>
        ) : (
          <ul className="list-inside list-disc">
            {ended.map((g) => (
              <li key={g.id}>
                <Link href={`/kind/${g.child.id}`} className="underline">
                  {t('endedRow', {
                    guardian: fullName(g.user),
                    relation: g.relation,
                    child: fullName(g.child),
                    date: format.dateTime(g.endedAt!, { dateStyle: 'medium' }),
                    reason: g.endReason ? t(`reasons.${g.endReason}`) : '',
                  })}
                </Link>
                {g.endNote && <> — {g.endNote}</>}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </AppShell>
  );
}
