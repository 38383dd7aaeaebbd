import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/SignOutButton';
import { switchMembershipAction } from '@/lib/auth/actions';
import { type Actor, membershipsOf } from '@/lib/auth/actor';
import { homeOf, isCareCoordinator, isDirector, isGuardian, roleKey } from '@/lib/access/roles';
import { LanguageSwitch } from './LanguageSwitch';

/** Header and main landmark for signed-in pages. Rendering only: each page checks access itself. */
export async function AppShell({ actor, path, children }: { actor: Actor; path: string; children: React.ReactNode }) {
  const t = await getTranslations('common');
  const tn = await getTranslations('nav');
  const links = [
    { href: homeOf(actor), label: tn('home') },
    ...(isGuardian(actor)
      ? [{ href: '/berichten', label: tn('messages') }, { href: '/melden', label: tn('report') }]
      : [{ href: '/vandaag', label: tn('today') }, { href: '/berichten', label: tn('messages') }, { href: '/gesprekken', label: tn('talks') }, { href: '/gesprekken/dag', label: tn('day') }]),
    { href: '/mededelingen', label: tn('announcements') },
    { href: '/helpen', label: tn('helping') },
    { href: '/bijeenkomsten', label: tn('meetings') },
    ...(isDirector(actor) ? [{ href: '/directie/bereik', label: tn('reach') }, { href: '/directie/communicatie', label: tn('communication') }] : []),
    { href: isDirector(actor) ? '/directie/afspraken' : '/afspraken', label: tn('charter') },
    { href: isDirector(actor) ? '/directie/enquetes' : '/enquetes', label: tn('surveys') },
    { href: '/agenda', label: tn('calendar') },
    { href: '/account', label: tn('account') },
  ];
  const navItems = links.map((l) => (
    <li key={l.href}>
      <Link href={l.href} aria-current={path === l.href ? 'page' : undefined} className="inline-flex min-h-11 items-center underline-offset-2 hover:underline aria-[current=page]:font-semibold">
        {l.label}
      </Link>
    </li>
  ));
  const memberships = await membershipsOf(actor.userId);
  const current = memberships.find((m) => m.id === actor.membershipId);
  return (
    <>
      <header className="border-b border-stone-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <div>
            <Link href={homeOf(actor)} className="text-lg font-semibold text-brand-800">
              {t('appName')}
            </Link>
            <p className="text-sm text-stone-600">
              {current?.school.name} · {t(`roles.${roleKey(actor)}`)}{isCareCoordinator(actor) && ` · ${t('careCoordinator')}`}
            </p>
          </div>
          {links.length > 0 && (
            // On a phone the dozen links fold behind "Menu" (a <details>, so it works before any
            // script has loaded); from md up they stand in a row. One of the two lists is always
            // display:none, so assistive technology meets the links once.
            <nav aria-label={tn('main')} className="w-full md:w-auto">
              <details className="md:hidden">
                <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-stone-400 px-4 font-medium">{tn('menu')}</summary>
                <ul className="mt-2 grid grid-cols-2 gap-x-4">{navItems}</ul>
              </details>
              <ul className="hidden flex-wrap gap-3 md:flex">{navItems}</ul>
            </nav>
          )}
          <div className="flex flex-wrap items-center gap-2">
            {memberships.length > 1 && (
              <form action={switchMembershipAction} className="flex items-center gap-1 text-sm">
                <label htmlFor="membership" className="sr-only">
                  {t('switchRole')}
                </label>
                <select id="membership" name="membershipId" defaultValue={actor.membershipId} className="min-h-11 rounded-md border border-stone-400 bg-white px-2">
                  {memberships.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.school.name}: {t(`roles.${m.role}`)}
                    </option>
                  ))}
                </select>
                <button className="min-h-11 rounded-md border border-stone-400 px-2">{t('switchRole')}</button>
              </form>
            )}
            <LanguageSwitch returnTo={path} />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6">
        {children}
      </main>
    </>
  );
}
