'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useFinishSignIn } from './useFinishSignIn';
import { parseRateLimited, useRateLimitText } from './useRateLimitText';

export function PasswordSignInForm() {
  const t = useTranslations('signIn');
  const te = useTranslations('errors');
  const finishSignIn = useFinishSignIn();
  const rateLimitText = useRateLimitText();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn('password', { email: form.get('email'), password: form.get('password'), redirect: false });
    if (res?.ok && !res.error) {
      await finishSignIn();
      return;
    }
    setPending(false);
    const wait = parseRateLimited(res?.error);
    setError(wait !== null ? rateLimitText(wait) : te('INVALID_CREDENTIALS'));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <Field label={t('email')} name="email" id="staff-email" type="email" autoComplete="username" required />
      <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('signInWithPassword')}
      </Button>
      <div aria-live="polite">{error && <Alert tone="error">{error}</Alert>}</div>
    </form>
  );
}
