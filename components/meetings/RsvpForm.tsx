'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { useFieldError } from '@/components/ui/useFieldError';
import { rsvpAction } from '@/lib/meetings/actions';
import { MAX_PEOPLE, RSVP_ANSWERS } from '@/lib/meetings/schemas';

const box = 'size-5 accent-brand-700';

/** A household's answer: yes / no / maybe and how many people; changeable until the start. */
export function RsvpForm({ meetingId, answer }: { meetingId: string; answer: { answer: 'YES' | 'NO' | 'MAYBE'; people: number } | null }) {
  const t = useTranslations('meetings');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(rsvpAction, null);
  const err = useFieldError(state);
  const id = `rsvp-${meetingId}`;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="meetingId" value={meetingId} />
      <fieldset className="flex flex-col gap-1" aria-describedby={`${id}-household`}>
        <legend className="font-medium">{t('rsvp.legend')}</legend>
        <p id={`${id}-household`} className="text-sm text-stone-600">
          {t('rsvp.household')}
        </p>
        <div className="flex flex-wrap gap-x-6">
          {RSVP_ANSWERS.map((a) => (
            <label key={a} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="answer" value={a} defaultChecked={answer?.answer === a} className={box} />
              {t(`rsvp.${a}`)}
            </label>
          ))}
        </div>
        {err('answer') && <p className="text-sm font-medium text-red-800">{err('answer')}</p>}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-people`} className="font-medium">
          {t('rsvp.people')}
        </label>
        <p id={`${id}-people-hint`} className="text-sm text-stone-600">
          {t('rsvp.peopleHint')}
        </p>
        <input
          id={`${id}-people`}
          name="people"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_PEOPLE}
          defaultValue={answer && answer.people > 0 ? answer.people : 1}
          aria-invalid={err('people') ? true : undefined}
          aria-describedby={[`${id}-people-hint`, err('people') && `${id}-people-error`].filter(Boolean).join(' ')}
          className="min-h-11 w-24 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base aria-[invalid]:border-red-700"
        />
        {err('people') && (
          <p id={`${id}-people-error`} className="text-sm font-medium text-red-800">
            {err('people')}
          </p>
        )}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t('rsvp.submit')}
        </Button>
      </div>
      <div aria-live="polite">
        {state?.ok && <Alert tone="success">{t('rsvp.saved')}</Alert>}
        {state && !state.ok && <Alert tone="error">{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
