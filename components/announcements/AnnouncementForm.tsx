'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { postAnnouncementAction } from '@/lib/announcements/actions';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@/lib/announcements/files';

const box = 'size-5 accent-brand-700';

/** Staff post an announcement: to the whole school (the director) or to groups they teach. */
export function AnnouncementForm({ groups, wholeSchool }: { groups: { id: string; name: string }[]; wholeSchool: boolean }) {
  const t = useTranslations('announcements');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(postAnnouncementAction, null);
  const err = useFieldError(state);
  const onSubmit = useKeepInput(action);
  const [audience, setAudience] = useState<'school' | 'groups'>(wholeSchool ? 'school' : 'groups');
  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label={t('form.title')} name="title" id="announcement-title" maxLength={200} required error={err('title')} />
      <fieldset className="flex flex-col gap-1">
        <legend className="font-medium">{t('form.kind')}</legend>
        {(['NOTICE', 'NEWSLETTER'] as const).map((k) => (
          <label key={k} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="kind" value={k} defaultChecked={k === 'NOTICE'} className={box} />
            {t(`kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-1" aria-describedby={err('groupIds') ? 'announcement-groups-error' : undefined}>
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
          <p id="announcement-groups-error" className="text-sm font-medium text-red-800">
            {err('groupIds')}
          </p>
        )}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="announcement-body" className="font-medium">
          {t('form.body')}
        </label>
        <p id="announcement-body-hint" className="text-sm text-stone-600">
          {t('form.bodyHint')}
        </p>
        <textarea
          id="announcement-body"
          name="body"
          rows={10}
          maxLength={20000}
          required
          aria-invalid={err('body') ? true : undefined}
          aria-describedby={['announcement-body-hint', err('body') && 'announcement-body-error'].filter(Boolean).join(' ')}
          className="rounded-lg border border-stone-500 bg-white px-3 py-2 text-base aria-[invalid]:border-red-700"
        />
        {err('body') && (
          <p id="announcement-body-error" className="text-sm font-medium text-red-800">
            {err('body')}
          </p>
        )}
      </div>
      <Field
        label={t('form.attachments')}
        name="attachments"
        id="announcement-attachments"
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        hint={t('form.attachmentsHint', { max: MAX_ATTACHMENTS, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}
        error={err('attachments')}
      />
      <div className="flex flex-col gap-1">
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="confirmRead" className={box} aria-describedby="announcement-confirm-hint" />
          {t('form.confirmRead')}
        </label>
        <p id="announcement-confirm-hint" className="ml-7 text-sm text-stone-600">
          {t('form.confirmReadHint')}
        </p>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="urgent" className={box} aria-describedby="announcement-urgent-hint" />
          {t('form.urgent')}
        </label>
        <p id="announcement-urgent-hint" className="ml-7 text-sm text-stone-600">
          {t('form.urgentHint')}
        </p>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t('form.submit')}
        </Button>
      </div>
      <div aria-live="polite">{state && !state.ok && <Alert tone="error">{te(state.error)}</Alert>}</div>
    </form>
  );
}
