import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/lib/auth/actions';
import { locales } from '@/lib/i18n/locales';

/** Plain form buttons: works without JavaScript and with the keyboard. */
export async function LanguageSwitch({ returnTo = '/' }: { returnTo?: string }) {
  const t = await getTranslations('language');
  const current = await getLocale();
  return (
    <form action={setLocaleAction} className="flex items-center gap-1 text-sm" aria-label={t('label')}>
      <input type="hidden" name="returnTo" value={returnTo} />
      {locales.map((l) => (
        <button
          key={l}
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === current}
          className="min-h-11 rounded-md px-2 underline-offset-2 hover:underline aria-pressed:font-semibold aria-pressed:underline"
        >
          {t(l)}
        </button>
      ))}
    </form>
  );
}
