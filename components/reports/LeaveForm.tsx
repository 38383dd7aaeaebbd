'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import { Choice, Field, TextArea } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { requestLeaveAction } from '@/lib/reports/actions';
import { LEAVE_REASONS } from '@/lib/reports/schemas';
import { FormStatus } from './FormStatus';

/** Ask leave for one or more children; the answer counts the school days and says what the law says about them. */
export function LeaveForm({ kids, today }: { kids: { id: string; name: string }[]; today: string }) {
  const t = useTranslations('reports');
  const [state, action, pending] = useActionState(requestLeaveAction, null);
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const done = state?.ok ? state.data : undefined;
  return (
    <form ref={formRef} action={action} onSubmit={keepInput} noValidate className="flex flex-col gap-4">
      <Choice type="checkbox" legend={t('leave.children')} name="childIds" options={kids.map((k) => ({ value: k.id, label: k.name }))} defaultValue={kids.length === 1 ? kids[0].id : undefined} error={err('childIds')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('leave.from')} name="fromDate" type="date" min={today} required error={err('fromDate')} />
        <Field label={t('leave.to')} name="toDate" type="date" min={today} required error={err('toDate')} />
      </div>
      <Choice legend={t('leave.reason')} name="reason" options={LEAVE_REASONS.map((r) => ({ value: r, label: t(`leaveReason.${r}`) }))} error={err('reason')} />
      <TextArea label={t('leave.explanation')} name="explanation" hint={t('leave.explanationHint')} maxLength={2000} required error={err('explanation')} />
      <Button type="submit" disabled={pending} className="self-start">{t('leave.submit')}</Button>
      <FormStatus
        state={state}
        shownFields={['childIds', 'fromDate', 'toDate', 'reason', 'explanation']}
        success={done && (
          <>
            <p>{t('leave.sent', { days: done.schoolDays })}</p>
            {done.warnings.length > 0 && <ul className="mt-1 list-inside list-disc">{done.warnings.map((w) => <li key={w}>{t(`leave.warning.${w}`)}</li>)}</ul>}
            <Link href="/melden" className="underline">{t('hub.back')}</Link>
          </>
        )}
      />
    </form>
  );
}
