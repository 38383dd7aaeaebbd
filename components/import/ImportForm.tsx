'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { type ImportState, importAction } from '@/lib/import/actions';

const ENTITIES = ['groups', 'children', 'guardians', 'guardianships', 'staff', 'teacherAssignments'] as const;

export function ImportForm({ years, currentYearId }: { years: { id: string; name: string }[]; currentYearId: string }) {
  const t = useTranslations('import');
  const [state, action, pending] = useActionState<ImportState, FormData>(importAction, null);
  const plan = state && 'plan' in state ? state.plan : undefined;
  const files = state && 'files' in state ? state.files : undefined;
  const ending = !!plan && plan.losing.length + plan.leaving.length + plan.unassigned.length > 0;
  const canConfirm = state?.ok && state.stage === 'preview' && plan && plan.rejected.length === 0;

  return (
    <div className="flex flex-col gap-6">
      <form action={action} className="flex flex-col gap-4" encType="multipart/form-data">
        {years.length > 1 && (
          <div className="flex flex-col gap-1">
            <label htmlFor="year" className="font-medium">{t('yearLabel')}</label>
            <p id="year-hint" className="text-sm text-stone-600">{t('yearHint')}</p>
            <select id="year" name="year" defaultValue={currentYearId} aria-describedby="year-hint" className="min-h-11 rounded-lg border border-stone-500 bg-white p-2">
              {years.map((y) => <option key={y.id} value={y.id}>{y.name}</option>)}
            </select>
          </div>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor="pupils" className="font-medium">{t('pupilsFile')}</label>
          <p id="pupils-hint" className="text-sm text-stone-600">{t('pupilsHint')} <a className="underline" href="/templates/leerlingen.csv" download>{t('template')}</a></p>
          <input id="pupils" name="pupils" type="file" accept=".csv,text/csv" aria-describedby="pupils-hint" className="min-h-11 rounded-lg border border-stone-500 bg-white p-2" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="staff" className="font-medium">{t('staffFile')}</label>
          <p id="staff-hint" className="text-sm text-stone-600">{t('staffHint')} <a className="underline" href="/templates/personeel.csv" download>{t('template')}</a></p>
          <input id="staff" name="staff" type="file" accept=".csv,text/csv" aria-describedby="staff-hint" className="min-h-11 rounded-lg border border-stone-500 bg-white p-2" />
        </div>
        <fieldset className="flex flex-col gap-1">
          <legend className="font-medium">{t('modeLegend')}</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="mode" value="add" defaultChecked aria-describedby="mode-add-hint" className="size-5" />
            {t('modeAdd')}
          </label>
          <p id="mode-add-hint" className="ml-7 text-sm text-stone-600">{t('modeAddHint')}</p>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="mode" value="sync" aria-describedby="mode-sync-hint" className="size-5" />
            {t('modeSync')}
          </label>
          <p id="mode-sync-hint" className="ml-7 text-sm text-stone-600">{t('modeSyncHint')}</p>
        </fieldset>
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>{t('preview')}</Button>
      </form>

      <div aria-live="polite" className="flex flex-col gap-4">
        {state && !state.ok && <Alert tone="error">{t(`errors.${state.error}` as never)}</Alert>}
        {state?.ok && state.stage === 'done' && <Alert tone="success">{t('done')}</Alert>}
        {plan && (
          <section aria-labelledby="preview-title" className="flex flex-col gap-4">
            <h2 id="preview-title" className="text-xl font-semibold">{state?.ok && state.stage === 'done' ? t('resultTitle') : t('previewTitle')}</h2>
            <table className="w-full text-left">
              <caption className="sr-only">{t('countsCaption')}</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2">{t('entity')}</th>
                  <th scope="col" className="py-2 text-right">{t('create')}</th>
                  <th scope="col" className="py-2 text-right">{t('update')}</th>
                  <th scope="col" className="py-2 text-right">{t('unchanged')}</th>
                </tr>
              </thead>
              <tbody>
                {ENTITIES.map((e) => (
                  <tr key={e} className="border-b border-stone-100" data-testid={`count-${e}`}>
                    <th scope="row" className="py-2 font-medium">{t(`entities.${e}`)}</th>
                    <td className="py-2 text-right">{plan.counts[e].create}</td>
                    <td className="py-2 text-right">{plan.counts[e].update}</td>
                    <td className="py-2 text-right">{plan.counts[e].unchanged}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {files?.mode !== 'sync' && !ending && <p className="text-sm text-stone-700">{t('nothingDeleted')}</p>}
            {files?.mode === 'sync' && !ending && <p className="text-sm text-stone-700">{t('nobodyLoses')}</p>}
            {plan.rollover && (
              <div data-testid="rollover" className="flex flex-col gap-3">
                <h3 className="font-semibold">{t('rolloverTitle', { from: plan.rollover.from, to: plan.rollover.to })}</h3>
                <p className="text-sm text-stone-700">{t('rolloverCarries', { from: plan.rollover.from })}</p>
                <RolloverList testId="moves-up" title={t('movesUpTitle', { count: plan.rollover.movesUp.length })} items={plan.rollover.movesUp.map((m) => t('transitionRow', m))} />
                <RolloverList testId="stays-back" title={t('staysBackTitle', { count: plan.rollover.staysBack.length })} items={plan.rollover.staysBack.map((m) => t('transitionRow', m))} />
                <RolloverList testId="new-pupils" title={t('newPupilsTitle', { count: plan.rollover.newPupils.length })} items={plan.rollover.newPupils} />
                <RolloverList testId="leaving" title={t('rolloverLeavingTitle', { count: plan.leaving.length, date: plan.rollover.leavesOn.toISOString().slice(0, 10).split('-').reverse().join('-') })} items={plan.leaving} />
              </div>
            )}
            {plan.losing.length > 0 && (
              <div data-testid="losing-access">
                <h3 className="font-semibold text-red-900">{t('losingTitle', { count: plan.losing.length })}</h3>
                <ul className="mt-1 list-inside list-disc">
                  {plan.losing.map((l, i) => <li key={i}>{t('losingRow', l)}</li>)}
                </ul>
              </div>
            )}
            {plan.leaving.length > 0 && !plan.rollover && (
              <div>
                <h3 className="font-semibold">{t('leavingTitle', { count: plan.leaving.length })}</h3>
                <ul className="mt-1 list-inside list-disc">
                  {plan.leaving.map((c, i) => <li key={i}>{c}</li>)}
                </ul>
              </div>
            )}
            {plan.unassigned.length > 0 && (
              <div>
                <h3 className="font-semibold">{t('unassignedTitle', { count: plan.unassigned.length })}</h3>
                <ul className="mt-1 list-inside list-disc">
                  {plan.unassigned.map((u, i) => <li key={i}>{t('unassignedRow', u)}</li>)}
                </ul>
              </div>
            )}
            {plan.rejected.length > 0 && (
              <div>
                <h3 className="font-semibold text-red-900">{t('rejectedTitle', { count: plan.rejected.length })}</h3>
                <table className="mt-2 w-full text-left">
                  <thead>
                    <tr className="border-b border-stone-300">
                      <th scope="col" className="py-2">{t('file')}</th>
                      <th scope="col" className="py-2">{t('row')}</th>
                      <th scope="col" className="py-2">{t('reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.rejected.map((r, i) => (
                      <tr key={i} className="border-b border-stone-100" data-testid="rejected-row">
                        <td className="py-2">{t(`files.${r.file}`)}</td>
                        <td className="py-2">{r.row}</td>
                        <td className="py-2">{t(`reasons.${r.reason}` as never)}{r.field ? ` (${r.field})` : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {plan.changes.length > 0 && (
              <details>
                <summary className="min-h-11 cursor-pointer font-medium">{t('changesTitle', { count: plan.changes.length })}</summary>
                <ul className="mt-2 list-inside list-disc text-sm">
                  {plan.changes.map((c, i) => (
                    <li key={i}>{t(`entities.${c.entity}` as never)}: {c.label}{c.fields.length ? ` (${c.fields.join(', ')})` : c.entity === 'accessEnded' ? '' : ` (${t('new')})`}</li>
                  ))}
                </ul>
              </details>
            )}
            {canConfirm && files && (
              <form action={action}>
                <textarea name="pupilsText" defaultValue={files.pupils} hidden readOnly />
                <textarea name="staffText" defaultValue={files.staff} hidden readOnly />
                <input type="hidden" name="mode" value={files.mode} />
                <input type="hidden" name="year" value={files.year} />
                <Button type="submit" name="intent" value="confirm" disabled={pending}>{t('confirm')}</Button>
              </form>
            )}
          </section>
        )}
      </div>
    </div>
  );
}

/** One part of the rollover preview: a count as its heading, the names folded away when there are many. */
function RolloverList({ testId, title, items }: { testId: string; title: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <details data-testid={testId} open={items.length <= 10}>
      <summary className="min-h-11 cursor-pointer font-medium">{title}</summary>
      <ul className="mt-1 list-inside list-disc text-sm">
        {items.map((item, i) => <li key={i}>{item}</li>)}
      </ul>
    </details>
  );
}
