'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { saveTalentsAction } from '@/lib/participation/actions';
import { HELP_KINDS } from '@/lib/participation/schemas';

const box = 'size-5 accent-brand-700';

/** A guardian's talents: what they would help with and, in their words, what they are good at. */
export function TalentForm({ helpWith, talents }: { helpWith: string[]; talents: string }) {
  const t = useTranslations('helping');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(saveTalentsAction, null);
  const err = useFieldError(state);
  const onSubmit = useKeepInput(action);
  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <fieldset className="flex flex-col gap-1">
        <legend className="font-medium">{t('talents.helpWith')}</legend>
        {HELP_KINDS.map((k) => (
          <label key={k} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="helpWith" value={k} defaultChecked={helpWith.includes(k)} className={box} />
            {t(`kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="talents-text" className="font-medium">
          {t('talents.text')}
        </label>
        <p id="talents-text-hint" className="text-sm text-stone-600">
          {t('talents.textHint')}
        </p>
        <textarea
          id="talents-text"
          name="talents"
          rows={4}
          maxLength={1000}
          defaultValue={talents}
          aria-invalid={err('talents') ? true : undefined}
          aria-describedby={['talents-text-hint', err('talents') && 'talents-text-error'].filter(Boolean).join(' ')}
          className="rounded-lg border border-stone-500 bg-white px-3 py-2 text-base aria-[invalid]:border-red-700"
        />
        {err('talents') && (
          <p id="talents-text-error" className="text-sm font-medium text-red-800">
            {err('talents')}
          </p>
        )}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t('talents.save')}
        </Button>
      </div>
      <div aria-live="polite">
        {state?.ok && <Alert tone="success">{t('talents.saved')}</Alert>}
        {state && !state.ok && <Alert tone="error">{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
