'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { saveWorkingHoursAction } from '@/lib/messages/actions';
import { FormError } from './FormError';

type Day = { weekday: number; works: boolean; start: string; end: string };

export function WorkingHoursFields({ days }: { days: Day[] }) {
  const t = useTranslations('threads.hours');
  const td = useTranslations('threads.weekdaysLong');
  const [state, action, pending] = useActionState(saveWorkingHoursAction, null);
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  return (
    <form action={action} onSubmit={keepInput} className="flex flex-col gap-4" noValidate>
      {days.map((d) => {
        const day = td(String(d.weekday) as never);
        return (
          <fieldset key={d.weekday} className="grid grid-cols-2 items-end gap-3 border-b border-stone-200 pb-3 sm:grid-cols-[1fr_8rem_8rem]">
            <legend className="sr-only">{day}</legend>
            <label className="col-span-2 flex min-h-11 items-center gap-3 sm:col-span-1">
              <input type="checkbox" name={`works${d.weekday}`} defaultChecked={d.works} className="size-5" />
              {t('works', { day })}
            </label>
            <Field id={`wh-start-${d.weekday}`} label={t('from', { day })} name={`start${d.weekday}`} type="time" defaultValue={d.start} error={err(`start${d.weekday}`)} />
            <Field id={`wh-end-${d.weekday}`} label={t('to', { day })} name={`end${d.weekday}`} type="time" defaultValue={d.end} error={err(`end${d.weekday}`)} />
          </fieldset>
        );
      })}
      {err('works1') && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {err('works1')}
        </p>
      )}
      {state && !state.ok && !state.fieldErrors && <FormError state={state} />}
      {state?.ok && (
        <p role="status" className="text-sm font-medium text-green-800">
          {t('saved')}
        </p>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
