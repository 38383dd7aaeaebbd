'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import { Choice, Field, TextArea } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { reportAbsenceAction } from '@/lib/reports/actions';
import { ABSENCE_REASONS, DAY_PARTS } from '@/lib/reports/schemas';
import { FormStatus } from './FormStatus';

/** Report a child sick or absent: who, why, from when, which part of the day, back when. */
export function AbsenceForm({ kids, today }: { kids: { id: string; name: string }[]; today: string }) {
  const t = useTranslations('reports');
  const [state, action, pending] = useActionState(reportAbsenceAction, null);
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const sent = state?.ok ? (state.data?.late ? t('absence.sentLate', { time: state.data.startsAt }) : t('absence.sent')) : undefined;
  return (
    <form ref={formRef} action={action} onSubmit={keepInput} noValidate className="flex flex-col gap-4">
      <Choice legend={t('absence.child')} name="childId" options={kids.map((k) => ({ value: k.id, label: k.name }))} defaultValue={kids.length === 1 ? kids[0].id : undefined} error={err('childId')} />
      <Choice legend={t('absence.reason')} name="reason" options={ABSENCE_REASONS.map((r) => ({ value: r, label: t(`absenceReason.${r}`) }))} defaultValue="SICK" error={err('reason')} />
      <TextArea label={t('absence.note')} name="note" hint={t('absence.noteHint')} maxLength={1000} error={err('note')} />
      <Field label={t('absence.from')} name="fromDate" type="date" defaultValue={today} min={today} required error={err('fromDate')} />
      <Choice legend={t('absence.dayPart')} name="dayPart" options={DAY_PARTS.map((d) => ({ value: d, label: t(`dayPart.${d}`) }))} defaultValue="WHOLE_DAY" error={err('dayPart')} />
      <Field label={t('absence.expectedBack')} name="expectedBack" type="date" min={today} error={err('expectedBack')} />
      <Button type="submit" disabled={pending} className="self-start">{t('absence.submit')}</Button>
      <FormStatus state={state} shownFields={['childId', 'reason', 'note', 'fromDate', 'dayPart', 'expectedBack']} success={sent && <>{sent} <Link href="/melden" className="underline">{t('hub.back')}</Link></>} />
    </form>
  );
}
