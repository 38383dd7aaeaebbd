'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function SignOutButton() {
  const t = useTranslations('common');
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/inloggen' })}
      className="min-h-11 rounded-md px-2 text-sm underline underline-offset-2 hover:text-brand-900"
    >
      {t('signOut')}
    </button>
  );
}
