'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { addStageAction, removeStageAction, updateStageAction } from '@/lib/cycle/actions';
import type { ActionResult } from '@/lib/errors';

export type StageValues = {
  id?: string;
  name: string;
  period: string;
  fromWeek: number | null;
  toWeek: number | null;
  durationMinutes: number;
  isGroupEvent: boolean;
  childPresentFromGrade: number | null;
  mandatoryGrades: number[];
  optionalGrades: number[];
  agendaTopics: string[];
  parentPreparation: boolean;
  childQuestions: string[];
};

const GRADES = [1, 2, 3, 4, 5, 6, 7, 8];
const input = 'min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base aria-[invalid]:border-red-700';

/** Messages are keys under "cycle.errors"; an unknown key falls back to the error code's message. */
function useCycleError(state: ActionResult | null) {
  const te = useTranslations('cycle.errors');
  const say = (key: string) => (te.has(key as never) ? te(key as never) : te('UNEXPECTED'));
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return {
    field: (name: string) => (fieldErrors[name]?.[0] ? say(fieldErrors[name][0]) : undefined),
    general: state && !state.ok ? say(Object.keys(fieldErrors).length ? 'INVALID_INPUT' : state.error) : undefined,
  };
}

/** One stage of the cycle: edit it, or (without id) add the school's own. */
export function StageForm({ stage, idPrefix }: { stage: StageValues; idPrefix: string }) {
  const t = useTranslations('cycle');
  const [state, formAction, pending] = useActionState(stage.id ? updateStageAction : addStageAction, null);
  const errors = useCycleError(state);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state && !state.ok) alertRef.current?.focus();
    // The add form starts empty again for the next stage; an edit form shows what was saved.
    if (state?.ok && !stage.id) formRef.current?.reset();
  }, [state, stage.id]);
  const onSubmit = useKeepInput(formAction);
  const id = (name: string) => `${idPrefix}-${name}`;
  const described = (name: string, hint = false) => [hint && `${id(name)}-hint`, errors.field(name) && `${id(name)}-error`].filter(Boolean).join(' ') || undefined;
  const fieldError = (name: string) =>
    errors.field(name) && (
      <p id={`${id(name)}-error`} className="text-sm font-medium text-red-800">
        {errors.field(name)}
      </p>
    );
  const gradeBoxes = (name: 'mandatoryGrades' | 'optionalGrades') => (
    <fieldset className="flex flex-col gap-1" aria-describedby={described(name)}>
      <legend className="font-medium">{t(name)}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {GRADES.map((g) => (
          <label key={g} className="inline-flex min-h-11 items-center gap-2">
            <input type="checkbox" name={name} value={g} defaultChecked={stage[name].includes(g)} className="size-5" />
            {t('grade', { grade: g })}
          </label>
        ))}
      </div>
      {fieldError(name)}
    </fieldset>
  );

  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      {stage.id && <input type="hidden" name="stageId" value={stage.id} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={id('name')} className="font-medium">{t('name')}</label>
          <input id={id('name')} name="name" required maxLength={100} defaultValue={stage.name} aria-invalid={errors.field('name') ? true : undefined} aria-describedby={described('name')} className={input} />
          {fieldError('name')}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={id('period')} className="font-medium">{t('period')}</label>
          <input id={id('period')} name="period" maxLength={100} defaultValue={stage.period} aria-invalid={errors.field('period') ? true : undefined} aria-describedby={described('period')} className={input} />
          {fieldError('period')}
        </div>
        {(['fromWeek', 'toWeek'] as const).map((name) => (
          <div key={name} className="flex flex-col gap-1">
            <label htmlFor={id(name)} className="font-medium">{t(name)}</label>
            <p id={`${id(name)}-hint`} className="text-sm text-stone-600">{t('weeksHint')}</p>
            <input id={id(name)} name={name} type="number" inputMode="numeric" min={1} max={53} defaultValue={stage[name] ?? ''} aria-invalid={errors.field(name) ? true : undefined} aria-describedby={described(name, true)} className={input} />
            {fieldError(name)}
          </div>
        ))}
        <div className="flex flex-col gap-1">
          <label htmlFor={id('durationMinutes')} className="font-medium">{t('durationMinutes')}</label>
          <input id={id('durationMinutes')} name="durationMinutes" type="number" inputMode="numeric" min={1} max={120} required defaultValue={stage.durationMinutes} aria-invalid={errors.field('durationMinutes') ? true : undefined} aria-describedby={described('durationMinutes')} className={input} />
          {fieldError('durationMinutes')}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={id('childPresentFromGrade')} className="font-medium">{t('childPresentFromGrade')}</label>
          <select id={id('childPresentFromGrade')} name="childPresentFromGrade" defaultValue={stage.childPresentFromGrade ?? ''} aria-invalid={errors.field('childPresentFromGrade') ? true : undefined} aria-describedby={described('childPresentFromGrade')} className={input}>
            <option value="">{t('childNever')}</option>
            {GRADES.map((g) => (
              <option key={g} value={g}>{t('grade', { grade: g })}</option>
            ))}
          </select>
          {fieldError('childPresentFromGrade')}
        </div>
      </div>
      {gradeBoxes('mandatoryGrades')}
      {gradeBoxes('optionalGrades')}
      <div className="flex flex-col gap-1">
        <label htmlFor={id('agendaTopics')} className="font-medium">{t('agendaTopics')}</label>
        <p id={`${id('agendaTopics')}-hint`} className="text-sm text-stone-600">{t('agendaHint')}</p>
        <textarea id={id('agendaTopics')} name="agendaTopics" rows={Math.max(3, stage.agendaTopics.length + 1)} defaultValue={stage.agendaTopics.join('\n')} aria-invalid={errors.field('agendaTopics') ? true : undefined} aria-describedby={described('agendaTopics', true)} className={`${input} min-h-24`} />
        {fieldError('agendaTopics')}
      </div>
      <label className="inline-flex min-h-11 items-center gap-2">
        <input type="checkbox" name="parentPreparation" defaultChecked={stage.parentPreparation} className="size-5" />
        {t('parentPreparation')}
      </label>
      <div className="flex flex-col gap-1">
        <label htmlFor={id('childQuestions')} className="font-medium">{t('childQuestions')}</label>
        <p id={`${id('childQuestions')}-hint`} className="text-sm text-stone-600">{t('childQuestionsHint')}</p>
        <textarea id={id('childQuestions')} name="childQuestions" rows={Math.max(3, stage.childQuestions.length + 1)} defaultValue={stage.childQuestions.join('\n')} aria-invalid={errors.field('childQuestions') ? true : undefined} aria-describedby={described('childQuestions', true)} className={`${input} min-h-24`} />
        {fieldError('childQuestions')}
      </div>
      <label className="inline-flex min-h-11 items-center gap-2">
        <input type="checkbox" name="isGroupEvent" defaultChecked={stage.isGroupEvent} aria-invalid={errors.field('isGroupEvent') ? true : undefined} aria-describedby={described('isGroupEvent')} className="size-5" />
        {t('isGroupEvent')}
      </label>
      {fieldError('isGroupEvent')}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{stage.id ? t('save') : t('add')}</Button>
        {state?.ok && <p role="status" className="text-sm font-medium text-green-800">{stage.id ? t('saved') : t('added')}</p>}
        {errors.general && (
          <p ref={alertRef} tabIndex={-1} role="alert" className="text-sm font-medium text-red-800">
            {errors.general}
          </p>
        )}
      </div>
    </form>
  );
}

/** Removing is offered for every stage; the service refuses one with rounds or meetings and says so. */
export function RemoveStageForm({ stageId }: { stageId: string }) {
  const t = useTranslations('cycle');
  const [state, formAction, pending] = useActionState(removeStageAction, null);
  const errors = useCycleError(state);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="stageId" value={stageId} />
      <Button type="submit" variant="secondary" disabled={pending}>{t('remove')}</Button>
      {(errors.field('stage') ?? errors.general) && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {errors.field('stage') ?? errors.general}
        </p>
      )}
    </form>
  );
}
