'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { completeSetupAction } from '@/lib/setup/actions';
import { HOLIDAY_REGIONS } from '@/lib/setup/schemas';

export function SetupForm({ token, boards }: { token: string; boards: string[] }) {
  const t = useTranslations('setup');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(completeSetupAction, null);
  const keepInput = useKeepInput(action);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const err = (field: string) => (fieldErrors?.[field]?.[0] ? t(`errors.${fieldErrors[field]![0]}`) : undefined);

  if (state?.ok && state.data) {
    return (
      <div className="flex flex-col gap-4" aria-live="polite">
        <Alert tone="success">{t('done', { school: state.data.school })}</Alert>
        <p>{state.data.linkSent ? t('linkSent', { email: state.data.email }) : t('linkNotSent', { email: state.data.email })}</p>
        <p>
          <Link href="/inloggen" className="font-medium text-brand-700 underline">
            {t('toSignIn')}
          </Link>
        </p>
      </div>
    );
  }

  const regionError = err('holidayRegion');
  return (
    <form action={action} onSubmit={keepInput} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="token" value={token} />
      {state && !state.ok && (
        <Alert tone="error">{state.error === 'LINK_INVALID' ? t('errors.linkUsed') : te(state.error)}</Alert>
      )}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t('boardLegend')}</legend>
        <Field label={t('boardName')} hint={boards.length ? t('boardHintExisting') : t('boardHint')} name="boardName" list={boards.length ? 'boards' : undefined} autoComplete="organization" required error={err('boardName')} />
        {boards.length > 0 && (
          <datalist id="boards">
            {boards.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
        )}
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t('schoolLegend')}</legend>
        <Field label={t('name')} name="name" required error={err('name')} />
        <Field label={t('brin')} hint={t('brinHint')} name="brin" required maxLength={6} autoCapitalize="characters" className="min-h-11 w-32 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base uppercase aria-[invalid]:border-red-700" error={err('brin')} />
        <Field label={t('city')} name="city" autoComplete="address-level2" required error={err('city')} />
        <Field label={t('timeZone')} hint={t('timeZoneHint')} name="timeZone" defaultValue="Europe/Amsterdam" error={err('timeZone')} />
        <div className="flex flex-col gap-1">
          <label htmlFor="f-holidayRegion" className="font-medium">
            {t('region')}
          </label>
          <p id="f-holidayRegion-hint" className="text-sm text-stone-600">
            {t('regionHint')}
          </p>
          <select
            id="f-holidayRegion"
            name="holidayRegion"
            required
            defaultValue=""
            aria-invalid={regionError ? true : undefined}
            aria-describedby={['f-holidayRegion-hint', regionError && 'f-holidayRegion-error'].filter(Boolean).join(' ')}
            className="min-h-11 w-48 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base aria-[invalid]:border-red-700"
          >
            <option value="" disabled>
              {t('regionPick')}
            </option>
            {HOLIDAY_REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`regions.${r}`)}
              </option>
            ))}
          </select>
          {regionError && (
            <p id="f-holidayRegion-error" className="text-sm font-medium text-red-800">
              {regionError}
            </p>
          )}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t('directorLegend')}</legend>
        <Field label={t('directorName')} hint={t('directorNameHint')} name="directorName" autoComplete="name" required error={err('directorName')} />
        <Field label={t('directorEmail')} hint={t('directorEmailHint')} name="directorEmail" type="email" inputMode="email" autoComplete="email" required error={err('directorEmail')} />
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
