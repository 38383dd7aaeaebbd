import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LinkRequestForm } from '@/components/auth/LinkRequestForm';
import { PasswordSignInForm } from '@/components/auth/PasswordSignInForm';
import { LanguageSwitch } from '@/components/layout/LanguageSwitch';
import { Alert } from '@/components/ui/Alert';
import { Card } from '@/components/ui/Card';
import { homeOf } from '@/lib/access/roles';
import { currentActor } from '@/lib/auth/actor';
import { LINK_VALID_MINUTES } from '@/lib/auth/sign-in-link';
import { demoMailboxOpen } from '@/lib/mail/demo-mailbox';

export async function generateMetadata() {
  return { title: (await getTranslations('signIn'))('title') };
}

export default async function SignInPage() {
  const actor = await currentActor();
  if (actor) redirect(homeOf(actor));
  const t = await getTranslations('signIn');
  const tc = await getTranslations('common');
  return (
    <>
      <header className="mx-auto flex max-w-xl items-center justify-between px-4 pt-4">
        <p className="text-lg font-semibold text-brand-800">{tc('appName')}</p>
        <LanguageSwitch returnTo="/inloggen" />
      </header>
      <main id="main" className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-6">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <Card aria-labelledby="link-title">
          <h2 id="link-title" className="sr-only">
            {t('sendLink')}
          </h2>
          <p className="mb-4">{t('intro')}</p>
          <LinkRequestForm minutes={LINK_VALID_MINUTES} />
          {(await demoMailboxOpen()) && (
            <div className="mt-4">
              <Alert>
                {t('demoMailHint')}{' '}
                <Link href="/demo/mail" className="font-medium underline">
                  {t('demoMailLink')}
                </Link>
              </Alert>
            </div>
          )}
        </Card>
        <Card aria-labelledby="staff-title">
          <h2 id="staff-title" className="text-lg font-semibold">
            {t('staffTitle')}
          </h2>
          <p className="mb-4 text-stone-700">{t('staffIntro')}</p>
          <PasswordSignInForm />
        </Card>
      </main>
    </>
  );
}
