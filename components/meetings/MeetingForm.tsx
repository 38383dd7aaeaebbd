'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { createMeetingAction } from '@/lib/meetings/actions';
import { MEETING_KINDS } from '@/lib/meetings/schemas';

const box = 'size-5 accent-brand-700';

/** Staff create a meeting for groups they teach (the director also for the whole school). */
export function MeetingForm({ groups, wholeSchool }: { groups: { id: string; name: string }[]; wholeSchool: boolean }) {
  const t = useTranslations('meetings');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(createMeetingAction, null);
  const err = useFieldError(state);
  const onSubmit = useKeepInput(action);
  const [audience, setAudience] = useState<'school' | 'groups'>('groups');
  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label={t('form.title')} name="title" id="meeting-title" maxLength={200} required error={err('title')} />
      <div className="flex flex-col gap-1">
        <label htmlFor="meeting-kind" className="font-medium">
          {t('form.kind')}
        </label>
        <select id="meeting-kind" name="kind" defaultValue="THEME_EVENING" className="min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base">
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="meeting-description" className="font-medium">
          {t('form.description')}
        </label>
        <textarea id="meeting-description" name="description" rows={4} maxLength={5000} aria-invalid={err('description') ? true : undefined} className="rounded-lg border border-stone-500 bg-white px-3 py-2 text-base" />
      </div>
      <Field label={t('form.location')} name="location" id="meeting-location" maxLength={200} error={err('location')} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('form.date')} name="date" id="meeting-date" type="date" required error={err('date')} />
        <Field label={t('form.from')} name="from" id="meeting-from" type="time" required error={err('from')} />
        <Field label={t('form.to')} name="to" id="meeting-to" type="time" required error={err('to')} />
      </div>
      <fieldset className="flex flex-col gap-1" aria-describedby={err('groupIds') ? 'meeting-groups-error' : undefined}>
        <legend className="font-medium">{t('form.audience')}</legend>
        {wholeSchool && (
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="audience" value="school" checked={audience === 'school'} onChange={() => setAudience('school')} className={box} />
            {t('form.wholeSchool')}
          </label>
        )}
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="audience" value="groups" checked={audience === 'groups'} onChange={() => setAudience('groups')} className={box} />
          {t('form.chosenGroups')}
        </label>
        {audience === 'groups' && (
          <ul className="ml-7 grid grid-cols-2 gap-x-4 sm:grid-cols-4">
            {groups.map((g) => (
              <li key={g.id}>
                <label className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="groupIds" value={g.id} className={box} />
                  {t('form.group', { name: g.name })}
                </label>
              </li>
            ))}
          </ul>
        )}
        {err('groupIds') && (
          <p id="meeting-groups-error" className="text-sm font-medium text-red-800">
            {err('groupIds')}
          </p>
        )}
      </fieldset>
      <Field label={t('form.target')} name="targetPercent" id="meeting-target" type="number" inputMode="numeric" min={1} max={100} defaultValue={80} hint={t('form.targetHint')} error={err('targetPercent')} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('form.submit')}
        </Button>
      </div>
      <div aria-live="polite">{state && !state.ok && <Alert tone="error">{te(state.error)}</Alert>}</div>
    </form>
  );
}
