'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { useFieldError } from '@/components/ui/useFieldError';
import { inviteStaffAction } from '@/lib/team/actions';

export function InviteForm() {
  const t = useTranslations('team');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(inviteStaffAction, null);
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  const formRef = useRef<HTMLFormElement>(null);
  // Sent: empty again for the next colleague; refused: as typed, to correct.
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={action} onSubmit={keepInput} className="flex flex-col gap-3" noValidate>
      <Field label={t('email')} name="email" id="invite-email" type="email" autoComplete="off" required error={err('email')} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label={t('firstName')} name="firstName" id="invite-first" required error={err('firstName')} />
        <Field label={t('prefix')} name="prefix" id="invite-prefix" error={err('prefix')} />
        <Field label={t('lastName')} name="lastName" id="invite-last" required error={err('lastName')} />
      </div>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="careCoordinator" className="size-5" />
        {t('careCoordinator')}
      </label>
      <Button type="submit" disabled={pending}>{t('invite')}</Button>
      <div aria-live="polite">
        {state?.ok && <Alert tone="success">{t('invited')}</Alert>}
        {state && !state.ok && !state.fieldErrors && <Alert tone="error">{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
