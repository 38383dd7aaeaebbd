'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FormError } from '@/components/messages/FormError';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field, TextArea } from '@/components/ui/Field';
import { useFieldError } from '@/components/ui/useFieldError';
import { useKeepInput } from '@/components/ui/useKeepInput';
import { sendReachMessageAction } from '@/lib/reach/actions';

export type FamilyRow = { householdId: string; children: string; guardians: string; languages: string; signals: string[]; notReachedAtAll: boolean };

/**
 * The filtered families with a checkbox each (and one for all of them), and the personal message
 * to the chosen ones. Signals are words, not only colours; "not reached at all" is also marked in text.
 */
export function ReachFamiliesForm({ families }: { families: FamilyRow[] }) {
  const t = useTranslations('reach');
  const [state, action, pending] = useActionState(sendReachMessageAction, null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const err = useFieldError(state);
  const keepInput = useKeepInput(action);
  const sent = state?.ok ? (state.data?.threadIds.length ?? 0) : null;
  // After a send the selection starts over (the same families are not written to twice by accident).
  const [handled, setHandled] = useState(state);
  const [round, setRound] = useState(0);
  if (state !== handled) {
    setHandled(state);
    if (state?.ok) {
      setChosen(new Set());
      setRound((r) => r + 1); // and empty subject and text (new inputs)
    }
  }
  const allChosen = families.length > 0 && families.every((f) => chosen.has(f.householdId));
  const toggle = (id: string, on: boolean) => setChosen((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; });
  const familiesError = err('householdIds');
  return (
    <form action={action} onSubmit={keepInput} className="flex flex-col gap-4" noValidate>
      {families.length === 0 ? (
        <p>{t('noFamilies')}</p>
      ) : (
        <fieldset className="flex flex-col gap-2" aria-describedby={familiesError ? 'families-error' : undefined}>
          <legend className="sr-only">{t('familiesTitle')}</legend>
          <label className="flex min-h-11 items-center gap-3 font-medium">
            <input type="checkbox" className="size-5 accent-brand-700" checked={allChosen} onChange={(e) => setChosen(e.target.checked ? new Set(families.map((f) => f.householdId)) : new Set())} />
            {t('selectAll', { count: families.length })}
          </label>
          <p aria-live="polite" className="text-sm text-stone-700">{t('selected', { count: chosen.size })}</p>
          {familiesError && <p id="families-error" className="text-sm font-medium text-red-800">{familiesError}</p>}
          <ul className="flex flex-col gap-2">
            {families.map((f) => (
              <li key={f.householdId} className="flex gap-3 rounded-lg border border-stone-200 p-3">
                <input
                  type="checkbox"
                  name="householdIds"
                  value={f.householdId}
                  id={`fam-${f.householdId}`}
                  checked={chosen.has(f.householdId)}
                  onChange={(e) => toggle(f.householdId, e.target.checked)}
                  aria-label={t('selectFamily', { children: f.children })}
                  className="mt-1 size-5 shrink-0 accent-brand-700"
                />
                <div className="flex min-w-0 flex-col gap-1">
                  <label htmlFor={`fam-${f.householdId}`} className="font-semibold">{t('familyOf', { children: f.children })}</label>
                  <p className="text-sm text-stone-700">{t('guardians', { names: f.guardians })} · {t('language', { languages: f.languages })}</p>
                  {f.signals.length === 0 ? (
                    <p className="text-sm text-stone-700">{t('reachedEverywhere')}</p>
                  ) : (
                    <ul className="flex flex-wrap gap-1" aria-label={t('filterSignal')}>
                      {f.notReachedAtAll && <li className="rounded bg-red-100 px-2 py-0.5 text-sm font-semibold text-red-900">{t('signals.notReachedAtAll')}</li>}
                      {f.signals.map((s) => (
                        <li key={s} className="rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-950">{s}</li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <section aria-labelledby="message-title" className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="message-title" className="text-lg font-semibold">{t('messageTitle')}</h2>
        <p className="text-sm text-stone-700">{t('messageHint')}</p>
        {sent !== null && <Alert tone="success">{t('sent', { count: sent })}</Alert>}
        <Field key={`s${round}`} label={t('subject')} name="subject" required maxLength={200} error={err('subject')} />
        <TextArea key={`b${round}`} label={t('body')} name="body" required maxLength={5000} error={err('body')} />
        {state && !state.ok && !state.fieldErrors && <FormError state={state} />}
        <div>
          <Button type="submit" disabled={pending}>{t('send')}</Button>
        </div>
      </section>
    </form>
  );
}
