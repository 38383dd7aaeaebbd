'use client';

import { useRouter } from 'next/navigation';
import { adoptUserLocaleAction } from '@/lib/auth/actions';

/** After a successful signIn(): take over the account's language, then go to the role's home. */
export function useFinishSignIn() {
  const router = useRouter();
  return async () => {
    await adoptUserLocaleAction();
    router.replace('/');
    router.refresh();
  };
}
