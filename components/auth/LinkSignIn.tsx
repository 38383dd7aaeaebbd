'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { useFinishSignIn } from './useFinishSignIn';
import { parseRateLimited, useRateLimitText } from './useRateLimitText';

// A button rather than signing in on page load: mail scanners that open links must not spend them.
export function LinkSignIn({ token }: { token: string }) {
  const t = useTranslations('signIn');
  const te = useTranslations('errors');
  const finishSignIn = useFinishSignIn();
  const rateLimitText = useRateLimitText();
  const [failed, setFailed] = useState(false);
  const [wait, setWait] = useState<number | null>(null);
  const [pending, setPending] = useState(false);

  async function go() {
    setPending(true);
    setWait(null);
    const res = await signIn('email-link', { token, redirect: false });
    if (res?.ok && !res.error) {
      await finishSignIn();
      return;
    }
    setPending(false);
    const seconds = parseRateLimited(res?.error);
    // Refused before the link was looked at: it still works once the wait is over.
    if (seconds !== null) setWait(seconds);
    else setFailed(true);
  }

  return (
    <div className="flex flex-col gap-4">
      <Button onClick={go} disabled={pending || failed}>
        {t('linkButton')}
      </Button>
      <div aria-live="polite">
        {wait !== null && <Alert tone="error">{rateLimitText(wait)}</Alert>}
        {failed && (
          <Alert tone="error">
            {te('LINK_INVALID')}{' '}
            <Link href="/inloggen" className="underline">
              {t('requestNew')}
            </Link>
          </Alert>
        )}
      </div>
    </div>
  );
}
