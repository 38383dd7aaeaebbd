import { cookies } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { OwnPasswordForm } from '@/components/account/OwnPasswordForm';
import { NotificationPreferencesForm } from '@/components/announcements/NotificationPreferencesForm';
import { AppShell } from '@/components/layout/AppShell';
import { WorkingHoursForm } from '@/components/messages/WorkingHoursForm';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { StatusForm } from '@/components/ui/StatusForm';
import { endOtherSessionsAction, endOwnSessionAction } from '@/lib/account/actions';
import { type DeviceTranslator, deviceLabel } from '@/lib/account/device';
import { listOwnSessions } from '@/lib/account/queries';
import { passwordState } from '@/lib/account/service';
import { requireRole } from '@/lib/auth/actor';
import { isHttpsSite, sessionFromCookies } from '@/lib/auth/session';
import { formatTalkTime } from '@/lib/format/time';

export async function generateMetadata() {
  return { title: (await getTranslations('account'))('title') };
}

// Everyone has this page for their sessions; the password part is for staff (parents sign in by link).
export default async function AccountPage() {
  const actor = await requireRole();
  const t = await getTranslations('account');
  const locale = await getLocale();
  const password = await passwordState(actor);
  const has = password === 'set';
  const sid = (await sessionFromCookies(await cookies(), isHttpsSite()))?.sid;
  const sessions = (await listOwnSessions(actor.userId, sid)).map((s) => ({
    ...s,
    device: deviceLabel(s.userAgent, t as unknown as DeviceTranslator),
    signedInAt: formatTalkTime(s.createdAt, locale),
    lastSeen: formatTalkTime(s.lastSeenAt, locale),
  }));
  const others = sessions.filter((s) => !s.current);
  return (
    <AppShell actor={actor} path="/account">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {password && (
        <Card aria-labelledby="password-title">
          <h2 id="password-title" className="mb-2 text-lg font-semibold">
            {has ? t('changeTitle') : t('setTitle')}
          </h2>
          <p className="mb-4 text-stone-700">{has ? t('changeIntro') : t('setIntro')}</p>
          <OwnPasswordForm hasPassword={has} />
        </Card>
      )}
      <NotificationPreferencesForm actor={actor} />
      <WorkingHoursForm actor={actor} />
      <Card aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="mb-2 text-lg font-semibold">
          {t('sessionsTitle')}
        </h2>
        <p className="mb-4 text-stone-700">{t('sessionsIntro')}</p>
        <table className="w-full text-left" aria-labelledby="sessions-title" data-testid="sessions">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-2">{t('sessionDevice')}</th>
              <th scope="col" className="py-2">{t('sessionSignedIn')}</th>
              <th scope="col" className="py-2">{t('sessionLastSeen')}</th>
              <th scope="col" className="py-2">
                <span className="sr-only">{t('sessionAction')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} className="border-b border-stone-100 align-top">
                <th scope="row" className="py-2 font-medium">
                  {s.device}
                  {s.current && <span className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-sm font-normal text-brand-900">{t('thisDevice')}</span>}
                </th>
                <td className="py-2">{s.signedInAt}</td>
                <td className="py-2">{s.lastSeen}</td>
                <td className="py-2">
                  {!s.current && (
                    <StatusForm action={endOwnSessionAction} className="flex flex-col gap-1">
                      <input type="hidden" name="sessionId" value={s.id} />
                      <Button type="submit" variant="secondary" aria-label={t('endSessionLabel', { device: s.device, signedInAt: s.signedInAt })}>
                        {t('endSession')}
                      </Button>
                    </StatusForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-4">
          {others.length > 0 ? (
            <StatusForm action={endOtherSessionsAction} className="flex flex-col gap-1" success={t('othersEnded')}>
              <div>
                <Button type="submit">{t('endOthers')}</Button>
              </div>
            </StatusForm>
          ) : (
            <p className="text-stone-700">{t('onlyHere')}</p>
          )}
        </div>
      </Card>
    </AppShell>
  );
}
