'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Opens the page by itself at the opening minute. Each browser waits a random 0–3 s extra, so
 * hundreds of parents waiting on the page do not all hit the server in the same millisecond.
 */
export function OpeningWatcher({ opensAt }: { opensAt: string }) {
  const router = useRouter();
  useEffect(() => {
    const wait = new Date(opensAt).getTime() - Date.now() + Math.random() * 3000;
    const timer = setTimeout(() => router.refresh(), Math.max(0, Math.min(wait, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [opensAt, router]);
  return null;
}
