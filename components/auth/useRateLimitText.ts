'use client';

import { useTranslations } from 'next-intl';

/** next-auth hands authorize()'s refusal over as a string: RATE_LIMITED:<seconds>. */
export function parseRateLimited(error: string | null | undefined): number | null {
  const m = error?.match(/^RATE_LIMITED:(\d+)$/);
  return m ? Number(m[1]) : null;
}

/** "Try again in 8 seconds" / "in 4 minutes": the real wait, not a fixed quarter of an hour. */
export function useRateLimitText() {
  const t = useTranslations('signIn');
  return (seconds: number) =>
    seconds < 60 ? t('rateLimitedSeconds', { seconds: Math.max(1, seconds) }) : t('rateLimitedMinutes', { minutes: Math.ceil(seconds / 60) });
}
