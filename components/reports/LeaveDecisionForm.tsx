'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { decideLeaveAction } from '@/lib/reports/actions';
import { FormStatus } from './FormStatus';
import { TextArea } from '@/components/ui/Field';

/** Grant or refuse one request; refusing needs the reason, which the parent receives by mail. */
export function LeaveDecisionForm({ requestId }: { requestId: string }) {
  const t = useTranslations('reports.director');
  const [state, action, pending] = useActionState(decideLeaveAction, null);
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  return (
    <form action={action} onSubmit={keepInput} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="requestId" value={requestId} />
      <TextArea id={`note-${requestId}`} label={t('decisionNote')} name="decisionNote" maxLength={1000} rows={2} error={err('decisionNote')} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="decision" value="GRANTED" disabled={pending}>{t('grant')}</Button>
        <Button type="submit" name="decision" value="REFUSED" variant="secondary" disabled={pending}>{t('refuse')}</Button>
      </div>
      <FormStatus state={state} shownFields={['decisionNote']} />
    </form>
  );
}
