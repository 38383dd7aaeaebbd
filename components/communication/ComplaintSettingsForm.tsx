'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { useErrorValues } from '@/components/ui/useFieldError';
import { saveComplaintSettingsAction } from '@/lib/school-settings/actions';

type Values = { complaintProcedureUrl: string | null; counsellorName: string | null; counsellorContact: string | null };

/** The director's settings for the complaint route: the formal procedure's link and the confidential counsellor. */
export function ComplaintSettingsForm({ values }: { values: Values }) {
  const t = useTranslations('communication');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(saveComplaintSettingsAction, null);
  const keepInput = useKeepInput(action);
  const errorValues = useErrorValues(state);
  // This form's own messages live under communication.errors, the shared ones (tooLong) under errors.
  const err = (field: string) => {
    const key = state && !state.ok ? state.fieldErrors?.[field]?.[0] : undefined;
    if (!key) return undefined;
    return t.has(`errors.${key}` as never) ? t(`errors.${key}` as never) : te(key as never, errorValues as never);
  };
  return (
    <form action={action} onSubmit={keepInput} className="flex flex-col gap-3" noValidate>
      <Field label={t('settings.url')} hint={t('settings.urlHint')} name="complaintProcedureUrl" type="url" inputMode="url" autoComplete="url" defaultValue={values.complaintProcedureUrl ?? ''} error={err('complaintProcedureUrl')} />
      <Field label={t('settings.counsellorName')} name="counsellorName" autoComplete="off" defaultValue={values.counsellorName ?? ''} error={err('counsellorName')} />
      <Field label={t('settings.counsellorContact')} hint={t('settings.counsellorContactHint')} name="counsellorContact" autoComplete="off" defaultValue={values.counsellorContact ?? ''} error={err('counsellorContact')} />
      <Button type="submit" disabled={pending} className="self-start">{t('settings.save')}</Button>
      <div aria-live="polite">
        {state?.ok && <Alert tone="success">{t('settings.saved')}</Alert>}
        {state && !state.ok && <Alert tone="error">{te(state.fieldErrors ? 'INVALID_INPUT' : state.error)}</Alert>}
      </div>
    </form>
  );
}
