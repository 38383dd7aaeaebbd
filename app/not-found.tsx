import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-10">
      <h1 className="text-2xl font-bold">{t('notFoundTitle')}</h1>
      <p>{t('NOT_FOUND')}</p>
      <Link href="/" className="text-brand-700 underline">
        {t('home')}
      </Link>
    </main>
  );
}
