import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale, loadMessages, LOCALE_COOKIE, type Locale } from './locales';

// No locale in the URL: links in mails and bookmarks stay the same whatever the language.
// The cookie (set by the language switch and at sign-in from the user's preference) wins;
// otherwise Dutch, unless the browser asks for a language we have and not Dutch at all.
async function resolveLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const accept = (await headers()).get('accept-language') ?? '';
  const wanted = accept.split(',').map((part) => part.split(';')[0].trim().slice(0, 2).toLowerCase());
  if (wanted.includes('nl')) return 'nl';
  return wanted.find(isLocale) ?? defaultLocale;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: await loadMessages(locale), timeZone: 'Europe/Amsterdam' };
});
