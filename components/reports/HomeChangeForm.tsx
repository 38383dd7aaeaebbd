'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { reportHomeChangeAction } from '@/lib/reports/actions';
import { HOME_CHANGE_KINDS } from '@/lib/reports/schemas';
import { FormStatus } from './FormStatus';
import { Choice, TextArea } from '@/components/ui/Field';

/** A new address, phone number or situation at home, for the administration and (if chosen) the child's file. */
export function HomeChangeForm({ kids }: { kids: { id: string; name: string }[] }) {
  const t = useTranslations('reports');
  const [state, action, pending] = useActionState(reportHomeChangeAction, null);
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={action} onSubmit={keepInput} noValidate className="flex flex-col gap-4">
      <Choice legend={t('change.kind')} name="kind" options={HOME_CHANGE_KINDS.map((k) => ({ value: k, label: t(`changeKind.${k}`) }))} error={err('kind')} />
      <Choice legend={t('change.child')} name="childId" options={[{ value: '', label: t('change.wholeFamily') }, ...kids.map((k) => ({ value: k.id, label: k.name }))]} defaultValue="" error={err('childId')} />
      <TextArea label={t('change.text')} name="text" hint={t('change.textHint')} maxLength={2000} required rows={4} error={err('text')} />
      <div className="flex flex-col gap-1">
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="addToFile" aria-describedby="add-to-file-hint" className="size-5 accent-brand-700" />
          {t('change.addToFile')}
        </label>
        <p id="add-to-file-hint" className="text-sm text-stone-600">{t('change.addToFileHint')}</p>
      </div>
      <Button type="submit" disabled={pending} className="self-start">{t('change.submit')}</Button>
      <FormStatus state={state} shownFields={['kind', 'childId', 'text']} success={state?.ok && <>{t('change.sent')} <Link href="/melden" className="underline">{t('hub.back')}</Link></>} />
    </form>
  );
}
