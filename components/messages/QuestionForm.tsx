'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field, TextArea } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { askQuestionAction } from '@/lib/messages/actions';
import { FormError } from './FormError';

type Choice = { value: string; label: string };

/** A guardian's new question: about which child (to the group's teachers) or a school matter (to the director). */
export function QuestionForm({ choices, preset }: { choices: Choice[]; preset?: string }) {
  const t = useTranslations('threads');
  const [state, action, pending] = useActionState(askQuestionAction, null);
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  const aboutError = err('about');
  return (
    <form action={action} onSubmit={keepInput} className="flex flex-col gap-4" noValidate>
      <fieldset className="flex flex-col gap-2" aria-describedby={aboutError ? 'about-error' : undefined}>
        <legend className="mb-1 font-medium">{t('aboutLegend')}</legend>
        {choices.map((c, i) => (
          <label key={c.value} className="flex min-h-11 items-center gap-3">
            <input type="radio" name="about" value={c.value} defaultChecked={preset ? preset === c.value : i === 0} className="size-5" />
            {c.label}
          </label>
        ))}
        {aboutError && (
          <p id="about-error" className="text-sm font-medium text-red-800">
            {aboutError}
          </p>
        )}
      </fieldset>
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
