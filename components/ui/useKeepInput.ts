'use client';

import { startTransition } from 'react';

/**
 * A form action resets the form after every submit (React 19), so a refused form would come back
 * empty and the user would type it all again. Submitting by hand keeps what they typed; without
 * JavaScript the form still posts to the same action.
 */
export function useKeepInput(formAction: (data: FormData) => void) {
  return (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
}
