'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { escalateAction } from '@/lib/messages/actions';
import { FormError } from './FormError';
import { TextArea } from '@/components/ui/Field';

/** The parent takes a complaint to the next step: the director (saying why), then the formal procedure. */
export function EscalateForm({ threadId, step }: { threadId: string; step: 'TEACHER' | 'DIRECTOR' }) {
  const t = useTranslations('threads.complaint');
  const [state, action, pending] = useActionState(escalateAction, null);
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  return (
    <form action={action} onSubmit={keepInput} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="threadId" value={threadId} />
      <p>{step === 'TEACHER' ? t('escalateDirectorIntro') : t('escalateFormalIntro')}</p>
      {step === 'TEACHER' && <TextArea label={t('whyDirector')} name="body" id="escalate-body" required maxLength={5000} error={err('body')} />}
      {state && !state.ok && !state.fieldErrors && <FormError state={state} />}
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {step === 'TEACHER' ? t('toDirectorButton') : t('toFormalButton')}
        </Button>
      </div>
    </form>
  );
}
