'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { editQuestionsAction } from '@/lib/surveys/actions';
import { questionTypes } from '@/lib/surveys/question-types';

type Q = { key: number; section: string; type: (typeof questionTypes)[number]; text: string; required: boolean; options: string };

/** The survey builder: sections, question types, required or not; one row per question. */
type Initial = { section: string; type: Q['type']; text: string; required: boolean; options: string[] };

export function QuestionEditor({ surveyId, initial }: { surveyId: string; initial: Initial[] }) {
  const t = useTranslations('builder');
  const te = useTranslations('errors');
  const [questions, setQuestions] = useState<Q[]>(initial.map((q, key) => ({ ...q, key, options: q.options.join('\n') })));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const update = (key: number, patch: Partial<Q>) => setQuestions((all) => all.map((q) => (q.key === key ? { ...q, ...patch } : q)));
  const input = 'min-h-11 rounded-lg border border-stone-500 bg-white px-2';

  function save() {
    start(async () => {
      const res = await editQuestionsAction({
        surveyId,
        questions: questions.map((q) => ({ section: q.section, type: q.type, text: q.text, required: q.required, options: q.options.split('\n').map((o) => o.trim()).filter(Boolean) })),
      });
      setStatus(res.ok ? { ok: true, text: t('saved') } : { ok: false, text: te(res.error) });
    });
  }

  return (
    <div className="flex flex-col gap-3">
      {questions.map((q, i) => (
        <fieldset key={q.key} className="grid gap-2 rounded-xl border border-stone-200 p-3 sm:grid-cols-[1fr_10rem]">
          <legend className="px-1 font-medium">{t('questionN', { n: i + 1 })}</legend>
          <label className="flex flex-col gap-1 text-sm">{t('section')}<input className={input} value={q.section} onChange={(e) => update(q.key, { section: e.target.value })} /></label>
          <label className="flex flex-col gap-1 text-sm">
            {t('type')}
            <select className={input} value={q.type} onChange={(e) => update(q.key, { type: e.target.value as Q['type'] })}>
              {questionTypes.map((ty) => <option key={ty} value={ty}>{t(`types.${ty}`)}</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm sm:col-span-2">{t('text')}<input className={input} value={q.text} onChange={(e) => update(q.key, { text: e.target.value })} /></label>
          {(q.type === 'SINGLE' || q.type === 'MULTI') && (
            <label className="flex flex-col gap-1 text-sm sm:col-span-2">{t('options')}<textarea rows={3} className="rounded-lg border border-stone-500 p-2" value={q.options} onChange={(e) => update(q.key, { options: e.target.value })} /></label>
          )}
          <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
            <label className="flex min-h-11 items-center gap-2 text-sm"><input type="checkbox" className="size-5" checked={q.required} onChange={(e) => update(q.key, { required: e.target.checked })} />{t('required')}</label>
            <Button type="button" variant="link" onClick={() => setQuestions((all) => all.filter((x) => x.key !== q.key))}>{t('remove')}</Button>
          </div>
        </fieldset>
      ))}
      <Button type="button" variant="secondary" onClick={() => setQuestions((all) => [...all, { key: Date.now(), section: all.at(-1)?.section ?? '', type: 'LIKERT', text: '', required: true, options: '' }])}>{t('add')}</Button>
      <Button type="button" onClick={save} disabled={pending}>{t('save')}</Button>
      <div aria-live="polite">{status && <Alert tone={status.ok ? 'success' : 'error'}>{status.text}</Alert>}</div>
    </div>
  );
}
