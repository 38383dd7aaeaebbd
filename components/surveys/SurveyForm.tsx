'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { saveSurveyDraftAction, submitSurveyAction } from '@/lib/surveys/actions';
import type { Answer } from '@/lib/surveys/schemas';

type Question = { id: string; section: string; type: 'LIKERT' | 'YES_NO' | 'SINGLE' | 'MULTI' | 'OPEN'; text: string; required: boolean; options: string[] };

/** Answers save as you go (debounced), so a closed tab or lost connection loses nothing. */
export function SurveyForm({ surveyId, questions, draft }: { surveyId: string; questions: Question[]; draft: Record<string, Answer> }) {
  const t = useTranslations('surveys');
  const te = useTranslations('errors');
  const [answers, setAnswers] = useState<Record<string, Answer>>(draft);
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [missing, setMissing] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setSaved('saving');
    const timer = setTimeout(async () => {
      const res = await saveSurveyDraftAction({ surveyId, answers });
      setSaved(res.ok ? 'saved' : 'idle');
    }, 800);
    return () => clearTimeout(timer);
  }, [answers, surveyId]);

  const set = (id: string, a: Answer) => setAnswers((all) => ({ ...all, [id]: a }));
  const sections = [...new Set(questions.map((q) => q.section))];

  function submit() {
    start(async () => {
      const res = await submitSurveyAction({ surveyId, answers });
      if (res.ok) return setDone(true);
      setMissing(Object.keys(res.fieldErrors ?? {}));
      setError(res.fieldErrors ? t('missing') : te(res.error));
    });
  }

  if (done) return <Alert tone="success">{t('thanks')}</Alert>;
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-stone-600" aria-live="polite">{saved === 'saving' ? t('saving') : saved === 'saved' ? t('saved') : ''}</p>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`sec-${section}`} className="rounded-xl border border-stone-200 bg-white p-4">
          <h2 id={`sec-${section}`} className="mb-3 text-lg font-semibold">{section}</h2>
          <div className="flex flex-col gap-5">
            {questions.filter((q) => q.section === section).map((q) => {
              const a = answers[q.id] ?? {};
              const invalid = missing.includes(q.id);
              return (
                <fieldset key={q.id} aria-invalid={invalid || undefined} className={invalid ? 'rounded-lg border-2 border-red-700 p-2' : ''}>
                  <legend className="mb-2 font-medium">{q.text}{q.required && <span aria-hidden> *</span>}{q.required && <span className="sr-only"> ({t('required')})</span>}</legend>
                  {q.type === 'LIKERT' && (
                    <div className="grid grid-cols-5 gap-1">
                      {[1, 2, 3, 4, 5].map((v) => (
                        <label key={v} className="flex min-h-11 flex-col items-center justify-center rounded-lg border border-stone-400 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:text-white">
                          <input type="radio" name={q.id} value={v} checked={a.likert === v} onChange={() => set(q.id, { likert: v })} className="sr-only" />
                          <span className="text-base font-semibold">{v}</span>
                          <span className="text-xs">{t(`likert.${v}`)}</span>
                        </label>
                      ))}
                    </div>
                  )}
                  {q.type === 'YES_NO' && (
                    <div className="flex gap-2">
                      {[true, false].map((v) => (
                        <label key={String(v)} className="flex min-h-11 min-w-20 items-center justify-center rounded-lg border border-stone-400 px-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:text-white">
                          <input type="radio" name={q.id} checked={a.yes === v} onChange={() => set(q.id, { yes: v })} className="sr-only" />
                          {v ? t('yes') : t('no')}
                        </label>
                      ))}
                    </div>
                  )}
                  {(q.type === 'SINGLE' || q.type === 'MULTI') &&
                    q.options.map((o) => (
                      <label key={o} className="flex min-h-11 items-center gap-2">
                        <input
                          type={q.type === 'SINGLE' ? 'radio' : 'checkbox'}
                          name={q.id}
                          className="size-5"
                          checked={a.choices?.includes(o) ?? false}
                          onChange={(ev) =>
                            set(q.id, { choices: q.type === 'SINGLE' ? [o] : ev.target.checked ? [...(a.choices ?? []), o] : (a.choices ?? []).filter((c) => c !== o) })
                          }
                        />
                        {o}
                      </label>
                    ))}
                  {q.type === 'OPEN' && (
                    <textarea aria-label={q.text} value={a.text ?? ''} maxLength={4000} rows={3} onChange={(ev) => set(q.id, { text: ev.target.value })} className="w-full rounded-lg border border-stone-500 p-2" />
                  )}
                </fieldset>
              );
            })}
          </div>
        </section>
      ))}
      <div aria-live="polite">{error && <Alert tone="error">{error}</Alert>}</div>
      <Button onClick={submit} disabled={pending}>{t('submit')}</Button>
    </div>
  );
}
