'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field, TextArea } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { startConversationAction } from '@/lib/messages/actions';
import { FormError } from './FormError';

type Household = { id: string; names: string };

/**
 * Staff write to a child's guardians. With two households the sender must choose one or both (no
 * default), so the other household is never included without a visible choice.
 */
export function StartConversationForm({ childId, households }: { childId: string; households: Household[] }) {
  const t = useTranslations('threads');
  const [state, action, pending] = useActionState(startConversationAction, null);
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  const hhError = err('households');
  return (
    <form action={action} onSubmit={keepInput} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="childId" value={childId} />
      {households.length > 1 && (
        <fieldset className="flex flex-col gap-2" aria-describedby={['households-hint', hhError && 'households-error'].filter(Boolean).join(' ')}>
          <legend className="mb-1 font-medium">{t('householdsLegend')}</legend>
          <p id="households-hint" className="text-sm text-stone-600">
            {t('householdsHint')}
          </p>
          {households.map((h) => (
            <label key={h.id} className="flex min-h-11 items-center gap-3">
              <input type="radio" name="households" value={h.id} className="size-5" />
              {t('household', { names: h.names })}
            </label>
          ))}
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" name="households" value="all" className="size-5" />
            {t('allHouseholds', { names: households.map((h) => h.names).join(' / ') })}
          </label>
          {hhError && (
            <p id="households-error" className="text-sm font-medium text-red-800">
              {hhError}
            </p>
          )}
        </fieldset>
      )}
      <Field label={t('subject')} name="subject" required maxLength={200} error={err('subject')} />
      <TextArea label={t('yourMessage')} name="body" required maxLength={5000} error={err('body')} />
      {state && !state.ok && !state.fieldErrors && <FormError state={state} />}
      <div>
        <Button type="submit" disabled={pending}>
          {t('send')}
        </Button>
      </div>
    </form>
  );
}
