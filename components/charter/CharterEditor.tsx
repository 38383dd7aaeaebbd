'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { saveCharterAction } from '@/lib/charter/actions';

type Section = { title: string; parentsMayExpect: string[]; schoolMayExpect: string[] };

/** The draft as plain text fields: one expectation per line, a section per criterion. */
export function CharterEditor({ title, intro, sections: initial }: { title: string; intro: string; sections: Section[] }) {
  const t = useTranslations('charter');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(saveCharterAction, null);
  const [sections, setSections] = useState(initial.map((s, i) => ({ key: i, ...s })));
  const area = 'min-h-32 rounded-lg border border-stone-500 bg-white p-2';
  return (
    <form action={action} className="flex flex-col gap-4">
      <Field label={t('titleLabel')} name="title" id="charter-title" defaultValue={title} />
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t('introLabel')}</span>
        <textarea name="intro" defaultValue={intro} rows={3} className={area} />
      </label>
      <p className="text-sm text-stone-700">{t('editorHint')}</p>
      {sections.map((s, i) => (
        <fieldset key={s.key} className="flex flex-col gap-2 rounded-xl border border-stone-200 p-3">
          <legend className="px-1 font-medium">{t('sectionN', { n: i + 1 })}</legend>
          <Field label={t('sectionTitle')} name="sectionTitle" id={`st-${s.key}`} defaultValue={s.title} />
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="flex flex-col gap-1">
              <span className="font-medium">{t('parentsMayExpect')}</span>
              <textarea name="parents" defaultValue={s.parentsMayExpect.join('\n')} className={area} />
            </label>
            <label className="flex flex-col gap-1">
              <span className="font-medium">{t('schoolMayExpect')}</span>
              <textarea name="school" defaultValue={s.schoolMayExpect.join('\n')} className={area} />
            </label>
          </div>
          <Button type="button" variant="link" onClick={() => setSections((all) => all.filter((x) => x.key !== s.key))}>{t('removeSection')}</Button>
        </fieldset>
      ))}
      <Button type="button" variant="secondary" onClick={() => setSections((all) => [...all, { key: Date.now(), title: '', parentsMayExpect: [], schoolMayExpect: [] }])}>
        {t('addSection')}
      </Button>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>{t('saveDraft')}</Button>
        <Button type="submit" name="intent" value="publish" disabled={pending}>{t('publish')}</Button>
      </div>
      <div aria-live="polite">
        {state?.ok && <Alert tone="success">{t('saved')}</Alert>}
        {state && !state.ok && <Alert tone="error">{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
