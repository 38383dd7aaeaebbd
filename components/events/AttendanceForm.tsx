'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { attendanceSheetAction } from '@/lib/events/actions';

export function AttendanceForm({ eventId, pupils }: { eventId: string; pupils: { id: string; name: string; present: boolean | null }[] }) {
  const t = useTranslations('events');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(attendanceSheetAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="eventId" value={eventId} />
      <fieldset>
        <legend className="mb-2 font-medium">{t('whoWasThere')}</legend>
        <ul className="grid gap-1 sm:grid-cols-2">
          {pupils.map((c) => (
            <li key={c.id}>
              <label className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="present" value={c.id} defaultChecked={c.present === true} className="size-5" />
                {c.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Button type="submit" disabled={pending}>{t('save')}</Button>
      <div aria-live="polite">
        {state?.ok && <Alert tone="success">{t('saved')}</Alert>}
        {state && !state.ok && <Alert tone="error">{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
