'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { createSurveyAction } from '@/lib/surveys/actions';

export function SurveyCreateForm({ templates, groups }: { templates: { key: string; title: string }[]; groups: { id: string; name: string }[] }) {
  const t = useTranslations('surveys');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(createSurveyAction, null);
  const err = useFieldError(state);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <div className="flex flex-col gap-1">
        <label htmlFor="templateKey" className="font-medium">{t('template')}</label>
        <select id="templateKey" name="templateKey" className="min-h-11 rounded-lg border border-stone-500 bg-white px-3">
          {templates.map((x) => <option key={x.key} value={x.key}>{x.title}</option>)}
        </select>
      </div>
      <Field label={t('titleOptional')} name="title" id="survey-title" />
      <fieldset>
        <legend className="font-medium">{t('audience')}</legend>
        {err('audiences') && <p className="text-sm font-medium text-red-800">{err('audiences')}</p>}
        <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="audiences" value="GUARDIANS" defaultChecked className="size-5" />{t('guardians')}</label>
        <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="audiences" value="TEAM" className="size-5" />{t('team')}</label>
      </fieldset>
      <fieldset>
        <legend className="font-medium">{t('groupsLegend')}</legend>
        <div className="grid grid-cols-3 gap-1 sm:grid-cols-6">
          {groups.map((g) => (
            <label key={g.id} className="flex min-h-11 items-center gap-2"><input type="checkbox" name="groupIds" value={g.id} className="size-5" />{g.name}</label>
          ))}
        </div>
      </fieldset>
      <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="anonymous" defaultChecked className="size-5" />{t('anonymous')}</label>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('opensAt')} name="opensAt" id="survey-opens" type="datetime-local" error={err('opensAt')} />
        <Field label={t('closesAt')} name="closesAt" id="survey-closes" type="datetime-local" error={err('closesAt')} />
      </div>
      <Button type="submit" disabled={pending}>{t('create')}</Button>
      <div aria-live="polite">
        {state?.ok && <Alert tone="success">{t('created')}</Alert>}
        {state && !state.ok && <Alert tone="error">{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
