'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { useFieldError } from '@/components/ui/useFieldError';
import { addHolidayAction, removeHolidayAction, updateHolidayAction } from '@/lib/school-year/actions';

type Holiday = { id: string; name: string; startDate: string; endDate: string };

/** One holiday to change or remove, or (without `holiday`) a new one for the year. */
export function HolidayForm({ schoolYearId, holiday }: { schoolYearId: string; holiday?: Holiday }) {
  const t = useTranslations('schoolYear');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(holiday ? updateHolidayAction : addHolidayAction, null);
  const [removeState, remove, removing] = useActionState(removeHolidayAction, null);
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  const formRef = useRef<HTMLFormElement>(null);
  // A holiday added: the add form is empty again; a refused one keeps what was typed.
  useEffect(() => {
    if (state?.ok && !holiday) formRef.current?.reset();
  }, [state, holiday]);
  const key = holiday?.id ?? 'new';
  const failed = (state && !state.ok && !state.fieldErrors && te(state.error)) || (removeState && !removeState.ok && te(removeState.error));
  return (
    <div className="flex flex-col gap-2">
      <form ref={formRef} action={action} onSubmit={keepInput} className="grid grid-cols-1 items-end gap-3 sm:grid-cols-[2fr_1fr_1fr_auto]" noValidate>
        {holiday ? <input type="hidden" name="holidayId" value={holiday.id} /> : <input type="hidden" name="schoolYearId" value={schoolYearId} />}
        <Field id={`h-${key}-name`} label={t('holidayName')} name="name" defaultValue={holiday?.name} required error={err('name')} />
        <Field id={`h-${key}-start`} label={t('holidayStart')} name="startDate" type="date" defaultValue={holiday?.startDate} required error={err('startDate')} />
        <Field id={`h-${key}-end`} label={t('holidayEnd')} name="endDate" type="date" defaultValue={holiday?.endDate} required error={err('endDate')} />
        <Button type="submit" variant={holiday ? 'secondary' : 'primary'} disabled={pending}>{holiday ? t('save') : t('add')}</Button>
      </form>
      {holiday && (
        <form action={remove}>
          <input type="hidden" name="holidayId" value={holiday.id} />
          <Button type="submit" variant="link" disabled={removing} aria-label={t('removeLabel', { name: holiday.name })}>{t('remove')}</Button>
        </form>
      )}
      <div aria-live="polite" className="text-sm font-medium">
        {state?.ok && <p className="text-green-800">{holiday ? t('saved') : t('added')}</p>}
        {failed && <p role="alert" className="text-red-800">{failed}</p>}
      </div>
    </div>
  );
}
