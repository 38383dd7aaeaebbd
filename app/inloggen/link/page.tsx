import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LinkSignIn } from '@/components/auth/LinkSignIn';
import { Alert } from '@/components/ui/Alert';
import { Card } from '@/components/ui/Card';

export async function generateMetadata() {
  return { title: (await getTranslations('signIn'))('linkTitle') };
}

export default async function LinkPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const t = await getTranslations('signIn');
  const { token } = await searchParams;
  const valid = typeof token === 'string' && token.length >= 20 && token.length <= 100;
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-10">
      <h1 className="text-2xl font-bold">{t('linkTitle')}</h1>
      <Card>
        {valid ? (
          <>
            <p className="mb-4">{t('linkIntro')}</p>
            <LinkSignIn token={token} />
          </>
        ) : (
          <Alert tone="error">
            {t('linkMissing')}{' '}
            <Link href="/inloggen" className="underline">
              {t('requestNew')}
            </Link>
          </Alert>
        )}
      </Card>
    </main>
  );
}
