import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { StatusForm } from '@/components/ui/StatusForm';
import type { Actor } from '@/lib/auth/actor';
import { addChildNoteAction, agreementResponseAction, agreementStatusAction, confirmRecordAction } from '@/lib/records/actions';
import type { childFile, childNotes } from '@/lib/records/service';

type File = Awaited<ReturnType<typeof childFile>>;
const button = 'min-h-11 rounded border border-stone-400 bg-white px-2';

/** The child's timeline of talks and agreements: what parents read and answer, what staff revisit. */
export async function ChildFile({ actor, childId, file, notes }: { actor: Actor; childId: string; file: File; notes: Awaited<ReturnType<typeof childNotes>> }) {
  const t = await getTranslations('records');
  const format = await getFormatter();
  const staff = actor.role !== 'GUARDIAN';
  return (
    <section aria-labelledby="file-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="file-title" className="text-xl font-semibold">{t('title')}</h2>
        <div className="flex flex-wrap gap-2">
          {actor.role === 'DIRECTOR' && <Link href={`/kind/${childId}/audit`} className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-4">{t('auditLink')}</Link>}
          {staff && <Link href={`/kind/${childId}/gesprek`} className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-medium text-white">{t('newRecord')}</Link>}
        </div>
      </div>
      {!staff && (
        <p className="flex flex-wrap gap-3">
          <a href={`/api/children/${childId}/export`} className="text-brand-700 underline">{t('exportJson')}</a>
        </p>
      )}
      {(notes.length > 0 || !staff) && (
        <section aria-labelledby="notes-title" className="rounded-xl border border-stone-200 bg-white p-4">
          <h3 id="notes-title" className="font-semibold">{t('parentNotes')}</h3>
          <ul className="mt-1 flex flex-col gap-1">
            {notes.map((n) => (
              <li key={n.id} data-testid="child-note">
                <span className="text-sm text-stone-600">{format.dateTime(n.createdAt, { dateStyle: 'medium' })} · {t('sharedWith', { roles: n.visibleTo.map((r) => t(`roles.${r}`)).join(', ') || t('roles.none') })}</span>
                <p className="whitespace-pre-line">{n.text}</p>
              </li>
            ))}
          </ul>
          {!staff && (
            <StatusForm action={addChildNoteAction} className="mt-2 flex flex-col gap-2">
              <input type="hidden" name="childId" value={childId} />
              <label className="flex flex-col gap-1"><span className="font-medium">{t('addNote')}</span><textarea name="text" rows={3} className="rounded-lg border border-stone-500 p-2" /></label>
              <fieldset className="flex flex-wrap gap-4">
                <legend className="text-sm">{t('whoMaySee')}</legend>
                <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="visibleTo" value="TEACHER" defaultChecked className="size-5" />{t('roles.TEACHER')}</label>
                <label className="flex min-h-11 items-center gap-2"><input type="checkbox" name="visibleTo" value="DIRECTOR" className="size-5" />{t('roles.DIRECTOR')}</label>
              </fieldset>
              <button className={button}>{t('saveNote')}</button>
            </StatusForm>
          )}
        </section>
      )}
      {file.records.length === 0 && <p>{t('empty')}</p>}
      {file.records.map((r) => (
        <article key={r.id} aria-labelledby={`r-${r.id}`} className="rounded-xl border border-stone-200 bg-white p-4" data-testid="record">
          <h3 id={`r-${r.id}`} className="font-semibold">{r.title} · {format.dateTime(r.heldOn, { dateStyle: 'long', timeZone: 'UTC' })}</h3>
          {!r.publishedAt && <p className="text-sm font-medium text-amber-900">{t('draft')}</p>}
          <dl className="mt-2">
            {Object.entries(r.notes as Record<string, string>).filter(([, v]) => v).map(([topic, text]) => (
              <div key={topic} className="mb-1"><dt className="font-medium">{topic}</dt><dd className="whitespace-pre-line">{text}</dd></div>
            ))}
          </dl>
          {r.agreements.length > 0 && <h4 className="mt-2 font-medium">{t('agreements')}</h4>}
          <ul className="flex flex-col gap-2">
            {r.agreements.map((a) => (
              <li key={a.id} className="rounded-lg bg-stone-100 p-2" data-testid="agreement">
                <p><span className="font-medium">{t(`owners.${a.owner}`)}:</span> {a.what}{a.dueOn && <> · {t('due', { date: format.dateTime(a.dueOn, { dateStyle: 'medium', timeZone: 'UTC' }) })}</>}</p>
                <p className="text-sm">{t('status')}: <span data-testid="agreement-status">{t(`statuses.${a.status}`)}</span></p>
                {a.events.filter((e) => e.kind !== 'created').map((e) => (
                  <p key={e.id} className="text-sm text-stone-700">{t(`events.${e.kind}`)}{e.status ? ` (${t(`statuses.${e.status}`)})` : ''}{e.note ? `: ${e.note}` : ''}</p>
                ))}
                {staff && r.publishedAt && (
                  <StatusForm action={agreementStatusAction} className="mt-1 flex flex-wrap gap-1">
                    <input type="hidden" name="agreementId" value={a.id} />
                    <input type="hidden" name="childId" value={childId} />
                    <label className="sr-only" htmlFor={`st-${a.id}`}>{t('status')}</label>
                    <select id={`st-${a.id}`} name="status" defaultValue={a.status} className={button}>
                      {(['OPEN', 'ACHIEVED', 'ADJUSTED', 'DROPPED'] as const).map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
                    </select>
                    <label className="sr-only" htmlFor={`note-${a.id}`}>{t('note')}</label>
                    <input id={`note-${a.id}`} name="note" placeholder={t('note')} className={`${button} flex-1`} />
                    <button className={button}>{t('saveStatus')}</button>
                  </StatusForm>
                )}
                {!staff && (
                  <StatusForm action={agreementResponseAction} className="mt-1 flex flex-wrap gap-1">
                    <input type="hidden" name="agreementId" value={a.id} />
                    <input type="hidden" name="childId" value={childId} />
                    <label className="sr-only" htmlFor={`pn-${a.id}`}>{t('note')}</label>
                    <input id={`pn-${a.id}`} name="note" placeholder={t('note')} className={`${button} flex-1`} />
                    <button name="kind" value="parent_done" className={button}>{t('done')}</button>
                    <button name="kind" value="parent_help" className={button}>{t('help')}</button>
                  </StatusForm>
                )}
              </li>
            ))}
          </ul>
          {!staff && (r.parentConfirmedAt ? (
            <p className="mt-2 text-sm">{t('confirmed')}{r.parentResponse ? `: ${r.parentResponse}` : ''}</p>
          ) : (
            <StatusForm action={confirmRecordAction} className="mt-2 flex flex-wrap gap-1">
              <input type="hidden" name="recordId" value={r.id} />
              <input type="hidden" name="childId" value={childId} />
              <label className="sr-only" htmlFor={`resp-${r.id}`}>{t('response')}</label>
              <input id={`resp-${r.id}`} name="response" placeholder={t('response')} className={`${button} flex-1`} />
              <button className={button}>{t('confirm')}</button>
            </StatusForm>
          ))}
          {staff && r.parentConfirmedAt && <p className="mt-2 text-sm">{t('parentConfirmed')}{r.parentResponse ? `: ${r.parentResponse}` : ''}</p>}
        </article>
      ))}
    </section>
  );
}
