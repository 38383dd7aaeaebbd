import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { LanguageSwitch } from '@/components/layout/LanguageSwitch';
import { SetupForm } from '@/components/setup/SetupForm';
import { Card } from '@/components/ui/Card';
import { setupTokenSchema } from '@/lib/setup/schemas';
import { boardNames, setupTokenUsable } from '@/lib/setup/service';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('setup'))('title') };
}

/** The first-run link printed by `npm start`: without a usable token this page does not exist. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = (await searchParams).token;
  if (!setupTokenSchema.safeParse(token).success || !(await setupTokenUsable(token as string))) notFound();
  const t = await getTranslations('setup');
  const tc = await getTranslations('common');
  return (
    <>
      <header className="mx-auto flex max-w-xl items-center justify-between px-4 pt-4">
        <p className="text-lg font-semibold text-brand-800">{tc('appName')}</p>
        <LanguageSwitch returnTo={`/setup?token=${encodeURIComponent(token as string)}`} />
      </header>
      <main id="main" className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-6">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p>{t('intro')}</p>
        <Card>
          <SetupForm token={token as string} boards={await boardNames()} />
        </Card>
      </main>
    </>
  );
}
