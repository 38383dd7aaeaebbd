'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { createEventAction } from '@/lib/events/actions';

export function EventForm({ stages, groups }: { stages: { id: string; name: string }[]; groups: { id: string; name: string }[] }) {
  const t = useTranslations('events');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(createEventAction, null);
  const err = useFieldError(state);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="stageId" value={stages[0]?.id ?? ''} />
      <div className="flex flex-col gap-1">
        <label htmlFor="event-group" className="font-medium">{t('group')}</label>
        <select id="event-group" name="groupId" className="min-h-11 rounded-lg border border-stone-500 bg-white px-3">
          {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label={t('date')} name="date" id="event-date" type="date" error={err('date')} />
        <Field label={t('from')} name="from" id="event-from" type="time" defaultValue="19:30" error={err('from')} />
        <Field label={t('to')} name="to" id="event-to" type="time" defaultValue="20:15" error={err('to')} />
      </div>
      <Field label={t('location')} name="location" id="event-location" error={err('location')} />
      <Button type="submit" disabled={pending}>{t('create')}</Button>
      <div aria-live="polite">
        {state?.ok && <Alert tone="success">{t('created')}</Alert>}
        {state && !state.ok && <Alert tone="error">{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
