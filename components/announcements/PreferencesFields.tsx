'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/Button';
import { StatusForm } from '@/components/ui/StatusForm';
import { savePreferencesAction } from '@/lib/notify/actions';

type Pref = { kind: 'ANNOUNCEMENT' | 'MESSAGE'; mode: 'IMMEDIATE' | 'DIGEST' };

export function PreferencesFields({ prefs }: { prefs: Pref[] }) {
  const t = useTranslations('announcements.preferences');
  return (
    <StatusForm action={savePreferencesAction} className="flex flex-col gap-4" success={t('saved')}>
      {prefs.map((p) => (
        <fieldset key={p.kind} className="flex flex-col gap-1">
          <legend className="font-medium">{t(`kinds.${p.kind}`)}</legend>
          {(['IMMEDIATE', 'DIGEST'] as const).map((mode) => (
            <label key={mode} className="flex min-h-11 items-center gap-2">
              <input type="radio" name={p.kind} value={mode} defaultChecked={p.mode === mode} className="size-5 accent-brand-700" />
              {t(`modes.${mode}`)}
            </label>
          ))}
        </fieldset>
      ))}
      <p className="text-sm text-stone-600">{t('urgentNote')}</p>
      <div>
        <Button type="submit">{t('save')}</Button>
      </div>
    </StatusForm>
  );
}
