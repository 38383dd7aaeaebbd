'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { requestLinkAction } from '@/lib/auth/actions';
import { useRateLimitText } from './useRateLimitText';

export function LinkRequestForm({ minutes }: { minutes: number }) {
  const t = useTranslations('signIn');
  const te = useTranslations('errors');
  const rateLimitText = useRateLimitText();
  const [state, action, pending] = useActionState(requestLinkAction, null);
  const emailError = state && !state.ok ? state.fieldErrors?.email?.[0] : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Field label={t('email')} hint={t('emailHint')} name="email" type="email" autoComplete="email" inputMode="email" required error={emailError ? te(emailError) : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? t('sendLink') + '…' : t('sendLink')}
      </Button>
      <div aria-live="polite">
        {state?.ok && <Alert tone="success">{t('linkSent', { minutes })}</Alert>}
        {state && !state.ok && !emailError && (
          <Alert tone="error">{'retryAfterSeconds' in state ? rateLimitText(state.retryAfterSeconds) : te(state.error)}</Alert>
        )}
      </div>
    </form>
  );
}
