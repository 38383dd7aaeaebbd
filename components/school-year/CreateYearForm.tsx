'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { useFieldError } from '@/components/ui/useFieldError';
import { HOLIDAY_REGIONS, type HolidayRegion } from '@/lib/school/holidays-nl';
import { createSchoolYearAction } from '@/lib/school-year/actions';

type Defaults = { name: string; startDate: string; endDate: string; region: HolidayRegion | null };

/** A new school year; on success the action opens the year, with its proposed holidays to adapt. */
export function CreateYearForm({ defaults }: { defaults: Defaults }) {
  const t = useTranslations('schoolYear');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(createSchoolYearAction, null);
  const keepInput = useKeepInput(action);
  const err = useFieldError(state);
  const regionError = err('region');
  return (
    <form action={action} onSubmit={keepInput} className="flex flex-col gap-4" noValidate>
      <Field label={t('name')} hint={t('nameHint')} name="name" defaultValue={defaults.name} required error={err('name')} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label={t('startDate')} name="startDate" type="date" defaultValue={defaults.startDate} required error={err('startDate')} />
        <Field label={t('endDate')} name="endDate" type="date" defaultValue={defaults.endDate} required error={err('endDate')} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-region" className="font-medium">{t('region')}</label>
        <p id="f-region-hint" className="text-sm text-stone-600">{t('createHint')}</p>
        <select
          id="f-region"
          name="region"
          defaultValue={defaults.region ?? ''}
          required
          aria-invalid={regionError ? true : undefined}
          aria-describedby={['f-region-hint', regionError && 'f-region-error'].filter(Boolean).join(' ')}
          className="min-h-11 rounded-lg border border-stone-500 bg-white px-3"
        >
          {!defaults.region && <option value="" />}
          {HOLIDAY_REGIONS.map((r) => (
            <option key={r} value={r}>{t(`regions.${r}`)}</option>
          ))}
        </select>
        {regionError && <p id="f-region-error" className="text-sm font-medium text-red-800">{regionError}</p>}
      </div>
      <Button type="submit" disabled={pending} className="self-start">{t('submit')}</Button>
      <div aria-live="polite">{state && !state.ok && <Alert tone="error">{te(state.error)}</Alert>}</div>
    </form>
  );
}
