'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field, TextArea } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { raiseComplaintAction } from '@/lib/messages/actions';
import { FormError } from './FormError';

type Option = { value: string; label: string };

/** Step 1 (the teacher) or straight to step 2 (the director), optionally about a teacher who then never sees it. */
export function ComplaintForm({ kids, teachers }: { kids: Option[]; teachers: Option[] }) {
  const t = useTranslations('threads.complaint');
  const tt = useTranslations('threads');
  const [state, action, pending] = useActionState(raiseComplaintAction, null);
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  const radios = (name: string, legend: string, options: Option[]) => {
    const e = err(name);
    return (
      <fieldset className="flex flex-col gap-2" aria-describedby={e ? `${name}-error` : undefined}>
        <legend className="mb-1 font-medium">{legend}</legend>
        {options.map((o, i) => (
          <label key={o.value} className="flex min-h-11 items-center gap-3">
            <input type="radio" name={name} value={o.value} defaultChecked={i === 0} className="size-5" />
            {o.label}
          </label>
        ))}
        {e && (
          <p id={`${name}-error`} className="text-sm font-medium text-red-800">
            {e}
          </p>
        )}
      </fieldset>
    );
  };
  const concernsError = err('concernsUserId');
  return (
    <form action={action} onSubmit={keepInput} className="flex flex-col gap-4" noValidate>
      {radios('childId', t('childLegend'), kids)}
      {radios('to', t('toLegend'), [
        { value: 'TEACHER', label: t('toTeacher') },
        { value: 'DIRECTOR', label: t('toDirector') },
      ])}
      <div className="flex flex-col gap-1">
        <label htmlFor="f-concerns" className="font-medium">
          {t('concernsLabel')}
        </label>
        <p id="f-concerns-hint" className="text-sm text-stone-600">
          {t('concernsHint')}
        </p>
        <select
          id="f-concerns"
          name="concernsUserId"
          aria-describedby={['f-concerns-hint', concernsError && 'f-concerns-error'].filter(Boolean).join(' ')}
          aria-invalid={concernsError ? true : undefined}
          className="min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base"
        >
          <option value="">{t('concernsNone')}</option>
          {teachers.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {concernsError && (
          <p id="f-concerns-error" className="text-sm font-medium text-red-800">
            {concernsError}
          </p>
        )}
      </div>
      <Field label={tt('subject')} name="subject" required maxLength={200} error={err('subject')} />
      <TextArea label={tt('yourMessage')} name="body" required maxLength={5000} error={err('body')} />
      {state && !state.ok && !state.fieldErrors && <FormError state={state} />}
      <div>
        <Button type="submit" disabled={pending}>
          {tt('send')}
        </Button>
      </div>
    </form>
  );
}
