import 'server-only';
import { createTranslator } from 'use-intl/core'; // no React: also used by scripts and tests
import { defaultLocale, isLocale, loadMessages } from './locales';

/** A translator outside a request (mail written in a transaction, seed), in the recipient's language. */
export async function translatorFor(locale: string | null | undefined, namespace?: string) {
  const l = isLocale(locale) ? locale : defaultLocale;
  const messages = await loadMessages(l);
  // The message shape is checked by the nl/en parity test, not by the type system here.
  return createTranslator({ locale: l, messages: messages as never, namespace: namespace as never }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
}
