'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { StatusForm } from '@/components/ui/StatusForm';
import { useFieldError } from '@/components/ui/useFieldError';
import { signUpAction, withdrawAction } from '@/lib/participation/actions';
import { MAX_SEATS } from '@/lib/participation/schemas';

/** Sign up for one role; a driver says how many children they can take. */
export function SignUpForm({ roleId, label, driver }: { roleId: string; label: string; driver: boolean }) {
  const t = useTranslations('helping');
  const te = useTranslations('errors');
  const [state, action, pending] = useActionState(signUpAction, null);
  const err = useFieldError(state);
  const other = state && !state.ok && !state.fieldErrors?.seats ? (err('roleId') ?? te(state.error)) : null;
  return (
    <form action={action} className="flex flex-col items-start gap-2" noValidate>
      <input type="hidden" name="roleId" value={roleId} />
      {driver && <Field label={t('seats')} name="seats" id={`seats-${roleId}`} type="number" inputMode="numeric" min={1} max={MAX_SEATS} required error={err('seats')} />}
      <Button type="submit" disabled={pending} aria-label={`${t('signUp')}: ${label}`}>
        {t('signUp')}
      </Button>
      <p aria-live="polite" className="text-sm font-medium">
        {other && (
          <span role="alert" className="text-red-800">
            {other}
          </span>
        )}
      </p>
    </form>
  );
}

export function WithdrawButton({ roleId, label }: { roleId: string; label: string }) {
  const t = useTranslations('helping');
  return (
    <StatusForm action={withdrawAction} className="flex flex-col items-start gap-2">
      <input type="hidden" name="roleId" value={roleId} />
      <Button type="submit" variant="secondary" aria-label={`${t('withdraw')}: ${label}`}>
        {t('withdraw')}
      </Button>
    </StatusForm>
  );
}
