'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { savePreferencesAction } from '@/lib/bookings/guardian-actions';

type Block = { id: string; startsAt: Date; endsAt: Date };

/** Fair opening: tick every moment the family can make; all children of the round are planned together. */
export function PreferenceForm({ roundId, childIds, blocks, chosen, closesAt }: { roundId: string; childIds: string[]; blocks: Block[]; chosen: string[]; closesAt: Date }) {
  const t = useTranslations('fair');
  const te = useTranslations('errors');
  const format = useFormatter();
  const [state, action, pending] = useActionState(savePreferencesAction, null);
  const blockError = state && !state.ok ? state.fieldErrors?.blockIds?.[0] : undefined;
  return (
    <form action={action} className="flex flex-col gap-3 rounded-xl border-2 border-brand-700 bg-brand-50 p-4">
      <input type="hidden" name="roundId" value={roundId} />
      {childIds.map((id) => <input key={id} type="hidden" name="childIds" value={id} />)}
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <p>{t('intro', { when: format.dateTime(closesAt, { dateStyle: 'full', timeStyle: 'short' }) })}</p>
      <fieldset aria-describedby={blockError ? 'blocks-error' : undefined}>
        <legend className="mb-1 font-medium">{t('whenCanYou')}</legend>
        {blockError && <p id="blocks-error" className="text-sm font-medium text-red-800">{te(blockError)}</p>}
        {blocks.map((b) => (
          <label key={b.id} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="blockIds" value={b.id} defaultChecked={chosen.includes(b.id)} className="size-5" />
            {format.dateTime(b.startsAt, { weekday: 'long', day: 'numeric', month: 'long' })}, {format.dateTime(b.startsAt, { hour: '2-digit', minute: '2-digit' })}–{format.dateTime(b.endsAt, { hour: '2-digit', minute: '2-digit' })}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>{t('save')}</Button>
      <div aria-live="polite">
        {state?.ok && <Alert tone="success">{t('saved')}</Alert>}
        {state && !state.ok && !blockError && <Alert tone="error">{te(state.error)}</Alert>}
      </div>
    </form>
  );
}
