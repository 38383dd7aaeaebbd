'use client';
import { useTranslations } from 'next-intl';
import { Unavailable } from '@/components/ui/Unavailable';

// Any page (or nested layout) that throws lands here, inside the root layout and its translations.
export default function PageError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('unavailable');
  return <Unavailable text={{ title: t('title'), body: t('body'), saved: t('saved'), retry: t('retry'), home: t('home') }} onRetry={retry} />;
}
