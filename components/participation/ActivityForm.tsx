'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { createActivityAction } from '@/lib/participation/actions';
import { MAX_ROLES, ROLE_KINDS } from '@/lib/participation/schemas';

const box = 'size-5 accent-brand-700';
const select = 'min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base';
// The usual excursion: drivers and supervisors; the other rows are there when needed.
const DEFAULT_ROLES = [
  { kind: 'DRIVER', label: 'Chauffeur', places: '3' },
  { kind: 'SUPERVISOR', label: 'Begeleider', places: '4' },
];

/** Ask for help: staff for their groups (the director also the whole school), a class parent for their group. */
export function ActivityForm({ groups, wholeSchool }: { groups: { id: string; name: string }[]; wholeSchool: boolean }) {
  const t = useTranslations('helping');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(createActivityAction, null);
  const err = useFieldError(state);
  const onSubmit = useKeepInput(action);
  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label={t('form.title')} name="title" id="activity-title" maxLength={200} required error={err('title')} />
      <div className="flex flex-col gap-1">
        <label htmlFor="activity-description" className="font-medium">
          {t('form.description')}
        </label>
        <textarea id="activity-description" name="description" rows={4} maxLength={5000} className="rounded-lg border border-stone-500 bg-white px-3 py-2 text-base" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="activity-group" className="font-medium">
          {t('form.audience')}
        </label>
        <select id="activity-group" name="groupId" className={select} defaultValue={groups[0]?.id ?? ''}>
          {wholeSchool && <option value="">{t('form.wholeSchool')}</option>}
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {t('group', { name: g.name })}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('form.startsAt')} name="startsAt" id="activity-starts" type="datetime-local" required error={err('startsAt')} />
        <Field label={t('form.endsAt')} name="endsAt" id="activity-ends" type="datetime-local" required error={err('endsAt')} />
        <Field label={t('form.signupDeadline')} name="signupDeadline" id="activity-deadline" type="datetime-local" required error={err('signupDeadline')} />
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="font-medium">{t('form.allocation')}</legend>
        {(['FIRST_COME', 'FAIR'] as const).map((k) => (
          <label key={k} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="allocation" value={k} defaultChecked={k === 'FIRST_COME'} className={box} />
            {t(`form.${k}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-3" aria-describedby="activity-roles-hint">
        <legend className="font-medium">{t('form.roles')}</legend>
        <p id="activity-roles-hint" className="text-sm text-stone-600">
          {t('form.rolesHint')}
        </p>
        {Array.from({ length: MAX_ROLES }, (_, i) => (
          <fieldset key={i} className="grid gap-2 rounded-lg border border-stone-200 p-3 sm:grid-cols-[10rem_1fr_8rem]">
            <legend className="px-1 text-sm font-semibold">{t('form.roleN', { n: i + 1 })}</legend>
            <div className="flex flex-col gap-1">
              <label htmlFor={`role-${i}-kind`} className="font-medium">
                {t('form.roleKind')}
              </label>
              <select id={`role-${i}-kind`} name={`roles.${i}.kind`} defaultValue={DEFAULT_ROLES[i]?.kind ?? 'HELPER'} className={select}>
                {ROLE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`roleKinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <Field label={t('form.roleLabel')} name={`roles.${i}.label`} id={`role-${i}-label`} maxLength={80} defaultValue={DEFAULT_ROLES[i]?.label} />
            <Field label={t('form.rolePlaces')} name={`roles.${i}.places`} id={`role-${i}-places`} type="number" min={1} max={50} inputMode="numeric" defaultValue={DEFAULT_ROLES[i]?.places} />
          </fieldset>
        ))}
        {err('roles') && <p className="text-sm font-medium text-red-800">{err('roles')}</p>}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {t('form.submit')}
        </Button>
      </div>
      <div aria-live="polite">{state && !state.ok && <Alert tone="error">{te(state.error)}</Alert>}</div>
    </form>
  );
}
