'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { replyAction } from '@/lib/messages/actions';
import { FormError } from './FormError';
import { TextArea } from '@/components/ui/Field';

export function ReplyForm({ threadId }: { threadId: string }) {
  const t = useTranslations('threads');
  const [state, action, pending] = useActionState(replyAction, null);
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  const ref = useRef<HTMLFormElement>(null);
  // Sent: the box is empty again; refused: what was typed stays.
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} action={action} onSubmit={keepInput} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="threadId" value={threadId} />
      <TextArea label={t('yourMessage')} name="body" id="reply-body" required maxLength={5000} error={err('body')} />
      {state && !state.ok && !state.fieldErrors && <FormError state={state} />}
      {state?.ok && (
        <p role="status" className="text-sm font-medium text-green-800">
          {t('sent')}
        </p>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          {t('send')}
        </Button>
      </div>
    </form>
  );
}
