'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { changeOwnPasswordAction } from '@/lib/account/actions';
import { MIN_PASSWORD_LENGTH } from '@/lib/account/schemas';

export function OwnPasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations('account');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(changeOwnPasswordAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const err = (field: string) => {
    const key = fieldErrors?.[field]?.[0];
    return key ? t(`errors.${key}`, { min: MIN_PASSWORD_LENGTH }) : undefined;
  };
  return (
    // The key resets the fields after a change, so the new password does not linger in the form.
    <form key={state?.ok ? 'done' : 'form'} action={action} className="flex flex-col gap-4" noValidate>
      {hasPassword && <Field label={t('current')} name="current" type="password" autoComplete="current-password" required error={err('current')} />}
      <Field label={t('next')} hint={t('nextHint', { min: MIN_PASSWORD_LENGTH })} name="next" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} error={err('next')} />
      <Field label={t('confirm')} name="confirm" type="password" autoComplete="new-password" required error={err('confirm')} />
      <div>
        <Button type="submit" disabled={pending}>
          {hasPassword ? t('change') : t('set')}
        </Button>
      </div>
      <div aria-live="polite">
        {state?.ok && <Alert tone="success">{t('saved')}</Alert>}
        {state && !state.ok && !fieldErrors && <Alert tone="error">{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
