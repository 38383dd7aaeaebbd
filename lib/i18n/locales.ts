// Adding a language: add messages/<code>.json (Dutch is the source) and its code here.
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export async function loadMessages(locale: Locale) {
  return (await import(`../../messages/${locale}.json`)).default as Record<string, unknown>;
}
