'use client';
import { useEffect, useState } from 'react';
import { Unavailable, type UnavailableText } from '@/components/ui/Unavailable';
import { defaultLocale, isLocale, loadMessages, LOCALE_COOKIE, type Locale } from '@/lib/i18n/locales';
import './globals.css';

// The root layout itself failed, so there is no translation provider: pick the language the way
// lib/i18n/request.ts does (cookie, then browser) and load only that message file, on demand, so
// it does not weigh on every page.
function browserLocale(): Locale {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith(`${LOCALE_COOKIE}=`))?.split('=')[1];
  if (isLocale(cookie)) return cookie;
  const wanted = navigator.languages.map((l) => l.slice(0, 2).toLowerCase());
  if (wanted.includes('nl')) return 'nl';
  return wanted.find(isLocale) ?? defaultLocale;
}

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  const [shown, setShown] = useState<{ locale: Locale; text: UnavailableText } | null>(null);
  useEffect(() => {
    const locale = browserLocale();
    void loadMessages(locale).then((m) => setShown({ locale, text: m.unavailable as UnavailableText }));
  }, []);
  return (
    <html lang={shown?.locale ?? defaultLocale}>
      <body className="min-h-dvh font-sans">{shown && <Unavailable text={shown.text} onRetry={retry} />}</body>
    </html>
  );
}
