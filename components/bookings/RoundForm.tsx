'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { createRoundAction } from '@/lib/bookings/staff-actions';

type Options = { stages: { id: string; name: string; durationMinutes: number }[]; groups: { id: string; name: string; duo: boolean }[] };

export function RoundForm({ options }: { options: Options }) {
  const t = useTranslations('rounds');
  const tr = useTranslations('rhythm');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(createRoundAction, null);
  const err = useFieldError(state);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <div className="flex flex-col gap-1">
        <label htmlFor="stageId" className="font-medium">{t('stage')}</label>
        <select id="stageId" name="stageId" className="min-h-11 rounded-lg border border-stone-500 bg-white px-3">
          {options.stages.map((s) => (
            <option key={s.id} value={s.id}>{s.name} ({t('minutes', { minutes: s.durationMinutes })})</option>
          ))}
        </select>
      </div>
      <Field label={t('name')} name="name" defaultValue={options.stages[0]?.name} error={err('name')} />
      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">{t('groups')}</legend>
        {err('groupIds') && <p className="text-sm font-medium text-red-800">{err('groupIds')}</p>}
        {options.groups.map((g) => (
          <div key={g.id} className="flex flex-wrap items-center gap-3 rounded-lg bg-stone-100 p-2">
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="groupIds" value={g.id} className="size-5" defaultChecked={options.groups.length === 1} />
              {t('group', { name: g.name })}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <span>{t('location')}</span>
              <input name={`location:${g.id}`} className="min-h-11 rounded border border-stone-500 bg-white px-2" placeholder={t('locationPlaceholder')} />
            </label>
            {g.duo && (
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" name="splitDuo" value={g.id} className="size-5" />
                {t('splitDuo')}
              </label>
            )}
          </div>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">{t('blocks')}</legend>
        <p className="text-sm text-stone-600">{t('blocksHint')}</p>
        {err('blocks') && <p className="text-sm font-medium text-red-800">{err('blocks')}</p>}
        {[0, 1, 2].map((i) => (
          <div key={i} className="grid grid-cols-3 gap-2">
            <label className="flex flex-col text-sm">{t('date')}<input type="date" name="blockDate" className="min-h-11 rounded border border-stone-500 bg-white px-2" /></label>
            <label className="flex flex-col text-sm">{t('from')}<input type="time" name="blockFrom" className="min-h-11 rounded border border-stone-500 bg-white px-2" /></label>
            <label className="flex flex-col text-sm">{t('to')}<input type="time" name="blockTo" className="min-h-11 rounded border border-stone-500 bg-white px-2" /></label>
          </div>
        ))}
      </fieldset>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label={t('slotMinutes')} name="slotMinutes" type="number" inputMode="numeric" defaultValue={options.stages[0]?.durationMinutes ?? 10} error={err('slotMinutes')} />
        <Field label={t('gapMinutes')} name="gapMinutes" type="number" inputMode="numeric" defaultValue={5} error={err('gapMinutes')} />
        <Field label={t('walkingMinutes')} name="walkingMinutes" type="number" inputMode="numeric" defaultValue={2} error={err('walkingMinutes')} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">{tr('breaks')}</legend>
        <p className="text-sm text-stone-600">{tr('breaksHint')}</p>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label={tr('breakAfterTalks')} name="breakAfterTalks" type="number" inputMode="numeric" defaultValue={0} error={err('breakAfterTalks')} />
          <Field label={tr('breakMinutes')} name="breakMinutes" type="number" inputMode="numeric" defaultValue={0} error={err('breakMinutes')} />
        </div>
        {err('breaks') && <p className="text-sm font-medium text-red-800">{err('breaks')}</p>}
        <div className="grid grid-cols-3 gap-2">
          <label className="flex flex-col text-sm">{tr('fixedBreakDate')}<input type="date" name="breakDate" className="min-h-11 rounded border border-stone-500 bg-white px-2" /></label>
          <label className="flex flex-col text-sm">{t('from')}<input type="time" name="breakFrom" className="min-h-11 rounded border border-stone-500 bg-white px-2" /></label>
          <label className="flex flex-col text-sm">{t('to')}<input type="time" name="breakTo" className="min-h-11 rounded border border-stone-500 bg-white px-2" /></label>
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">{t('mode')}</legend>
        <label className="flex min-h-11 items-start gap-2"><input type="radio" name="mode" value="FIRST_COME" defaultChecked className="mt-1 size-5" /><span>{t('modeFirstCome')}</span></label>
        <label className="flex min-h-11 items-start gap-2"><input type="radio" name="mode" value="FAIR" className="mt-1 size-5" /><span>{t('modeFair')}</span></label>
      </fieldset>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label={t('opensAt')} name="opensAt" type="datetime-local" error={err('opensAt')} />
        <Field label={t('preferencesCloseAt')} hint={t('preferencesCloseAtHint')} name="preferencesCloseAt" type="datetime-local" error={err('preferencesCloseAt')} />
        <Field label={t('deadline')} name="deadline" type="datetime-local" error={err('deadline')} />
      </div>
      <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="separateTalksAllowed" className="size-5" />{t('separateTalks')}</label>
      <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="inviteInformationOnly" className="size-5" />{t('inviteInformationOnly')}</label>
      <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="interpreterDoubleSlot" className="size-5" defaultChecked />{t('interpreterDoubleSlot')}</label>
      <Button type="submit" disabled={pending}>{t('create')}</Button>
      <div aria-live="polite">
        {state?.ok && state.data && (
          <Alert tone="success">
            {t('created', { count: state.data.slotCount })}{' '}
            <Link className="underline" href={`/gesprekken/${state.data.roundId}`}>{t('open')}</Link>
          </Alert>
        )}
        {state && !state.ok && <Alert tone="error">{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
