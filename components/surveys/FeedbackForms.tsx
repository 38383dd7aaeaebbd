'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { addActionAction, evaluateActionAction, publishSummaryAction, remindSurveyAction } from '@/lib/surveys/actions';
import type { ActionResult } from '@/lib/errors';

function Status({ state, ok }: { state: ActionResult<unknown> | null; ok: string }) {
  const te = useTranslations('errors');
  return <div aria-live="polite">{state?.ok ? <Alert tone="success">{ok}</Alert> : state ? <Alert tone="error">{te(state.error)}</Alert> : null}</div>;
}

const area = 'w-full rounded-lg border border-stone-500 p-2';

export function RemindSurveyForm({ surveyId, open }: { surveyId: string; open: number }) {
  const t = useTranslations('feedback');
  const [state, action, pending] = useActionState(remindSurveyAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="surveyId" value={surveyId} />
      <Button variant="secondary" disabled={pending || open === 0}>{t('remind', { count: open })}</Button>
      <Status state={state} ok={t('reminded', { count: state?.ok ? (state.data?.sent ?? 0) : 0 })} />
    </form>
  );
}

export function AddActionForm({ surveyId, questions }: { surveyId: string; questions: { id: string; text: string }[] }) {
  const t = useTranslations('feedback');
  const [state, action, pending] = useActionState(addActionAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="surveyId" value={surveyId} />
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t('question')}</span>
        <select name="questionId" className="min-h-11 rounded-lg border border-stone-500 bg-white px-2">
          <option value="">{t('general')}</option>
          {questions.map((q) => <option key={q.id} value={q.id}>{q.text}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1"><span className="font-medium">{t('heard')}</span><textarea name="heard" rows={2} className={area} /></label>
      <label className="flex flex-col gap-1"><span className="font-medium">{t('willDo')}</span><textarea name="action" rows={2} className={area} /></label>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('owner')} name="owner" id="action-owner" />
        <Field label={t('startsOn')} name="startsOn" id="action-start" type="date" />
        <Field label={t('dueOn')} name="dueOn" id="action-due" type="date" />
      </div>
      <Button type="submit" disabled={pending}>{t('addAction')}</Button>
      <Status state={state} ok={t('added')} />
    </form>
  );
}

export function EvaluateForm({ surveyId, actionId }: { surveyId: string; actionId: string }) {
  const t = useTranslations('feedback');
  const [state, action, pending] = useActionState(evaluateActionAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="surveyId" value={surveyId} />
      <input type="hidden" name="actionId" value={actionId} />
      {(['goal', 'results', 'bottlenecks', 'nextSteps'] as const).map((k) => (
        <label key={k} className="flex flex-col gap-1"><span className="font-medium">{t(`eval.${k}`)}</span><textarea name={k} rows={2} className={area} /></label>
      ))}
      <Button type="submit" variant="secondary" disabled={pending}>{t('saveEvaluation')}</Button>
      <Status state={state} ok={t('evaluated')} />
    </form>
  );
}

export function SummaryForm({ surveyId, summary }: { surveyId: string; summary: string }) {
  const t = useTranslations('feedback');
  const [state, action, pending] = useActionState(publishSummaryAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="surveyId" value={surveyId} />
      <label className="flex flex-col gap-1"><span className="font-medium">{t('summaryLabel')}</span><textarea name="summary" rows={4} defaultValue={summary} className={area} /></label>
      <Button type="submit" disabled={pending}>{t('publishSummary')}</Button>
      <Status state={state} ok={t('published')} />
    </form>
  );
}
