import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Disclosure } from '@/components/ui/Disclosure';
import { StatusForm } from '@/components/ui/StatusForm';
import type { FileAbilities } from '@/lib/access/child-file';
import { addChildNoteAction, agreementResponseAction, agreementStatusAction, confirmRecordAction, createMomentAction, deleteMomentAction } from '@/lib/records/actions';
import type { TimelineEntry } from '@/lib/records/timeline';
import { GuidancePlanCard, NewGuidancePlanForm } from './GuidancePlans';
import { PreparationView } from './PreparationView';

type RecordEntry = Extract<TimelineEntry, { type: 'record' }>['record'];
type AgreementEntry = RecordEntry['agreements'][number];
const button = 'min-h-11 rounded border border-stone-400 bg-white px-2';
const input = 'min-h-11 rounded-lg border border-stone-500 bg-white px-2';

/** One agreement with its history; staff revisit it (status + note), a guardian with authority answers it (done / help needed). */
export async function AgreementItem({ agreement: a, childId, staff, published, respond = false }: { agreement: AgreementEntry; childId: string; staff: boolean; published: boolean; respond?: boolean }) {
  const t = await getTranslations('records');
  const format = await getFormatter();
  return (
    <li className="rounded-lg bg-stone-100 p-2" data-testid="agreement">
      <p><span className="font-medium">{t(`owners.${a.owner}`)}:</span> {a.what}{a.dueOn && <> · {t('due', { date: format.dateTime(a.dueOn, { dateStyle: 'medium', timeZone: 'UTC' }) })}</>}</p>
      {a.sharing && <p className="text-sm text-stone-700">{t('sharing')} {a.sharing}</p>}
      <p className="text-sm">{t('status')}: <span data-testid="agreement-status">{t(`statuses.${a.status}`)}</span></p>
      {a.events.filter((e) => e.kind !== 'created').map((e) => (
        <p key={e.id} className="text-sm text-stone-700">{t(`events.${e.kind}`)}{e.status ? ` (${t(`statuses.${e.status}`)})` : ''}{e.note ? `: ${e.note}` : ''}</p>
      ))}
      {staff && published && (
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
      {!staff && respond && (
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
  );
}

async function RecordCard({ record: r, childId, staff, answer }: { record: RecordEntry; childId: string; staff: boolean; answer: boolean }) {
  const t = await getTranslations('records');
  return (
    <div data-testid="record">
      <h3 className="font-semibold">{r.title}</h3>
      {!r.publishedAt && <p className="text-sm font-medium text-amber-900">{t('draft')}</p>}
      <dl className="mt-1">
        {Object.entries(r.notes as Record<string, string>).filter(([, v]) => v).map(([topic, text]) => (
          <div key={topic} className="mb-1"><dt className="font-medium">{topic}</dt><dd className="whitespace-pre-line">{text}</dd></div>
        ))}
      </dl>
      {r.agreements.length > 0 && <h4 className="mt-2 font-medium">{t('agreements')}</h4>}
      <ul className="flex flex-col gap-2">
        {r.agreements.map((a) => <AgreementItem key={a.id} agreement={a} childId={childId} staff={staff} published={!!r.publishedAt} respond={answer} />)}
      </ul>
      {/* Confirming and answering is the family's one voice: a guardian with authority gives it, one with information only reads it. */}
      {!staff && !answer && (
        <>
          {r.parentConfirmedAt && <p className="mt-2 text-sm">{t('parentConfirmed')}{r.parentResponse ? `: ${r.parentResponse}` : ''}</p>}
          <p className="mt-2 text-sm text-stone-700" data-testid="authority-only">{t('authorityOnly')}</p>
        </>
      )}
      {!staff && answer && (r.parentConfirmedAt ? (
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
    </div>
  );
}

async function NoteForm({ childId, twoHouseholds }: { childId: string; twoHouseholds: boolean }) {
  const t = await getTranslations('records');
  return (
    <Disclosure summary={t('addNoteShort')}>
      <StatusForm action={addChildNoteAction} className="mt-2 flex flex-col gap-2">
        <input type="hidden" name="childId" value={childId} />
        <label className="flex flex-col gap-1"><span className="font-medium">{t('addNote')}</span><textarea name="text" rows={3} className="rounded-lg border border-stone-500 p-2" /></label>
        <fieldset className="flex flex-wrap gap-4">
          <legend className="text-sm">{t('whoMaySee')}</legend>
          {(['TEACHER', 'SUPERVISOR', 'DIRECTOR'] as const).map((audience) => (
            <label key={audience} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="visibleTo" value={audience} defaultChecked={audience === 'TEACHER'} className="size-5" />
              {t(`roles.${audience}`)}
            </label>
          ))}
          {/* Separated parents: the own household always reads it, the other household only when ticked. */}
          {twoHouseholds && (
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="sharedWithOtherHousehold" value="true" className="size-5" />
              {t('alsoOtherHousehold')}
            </label>
          )}
          <p className="w-full text-sm text-stone-700">{t('ownHouseholdSees')}</p>
        </fieldset>
        <button className={`${button} self-start`}>{t('saveNote')}</button>
      </StatusForm>
    </Disclosure>
  );
}

async function MomentForm({ childId }: { childId: string }) {
  const t = await getTranslations('moments');
  return (
    <Disclosure summary={t('new')}>
      <p className="text-sm text-stone-700">{t('intro')}</p>
      <StatusForm action={createMomentAction} className="mt-2 grid gap-2 sm:grid-cols-2">
        <input type="hidden" name="childId" value={childId} />
        <label className="flex flex-col text-sm sm:col-span-2">{t('purpose')}<input name="purpose" required maxLength={200} className={input} /></label>
        <label className="flex flex-col text-sm">{t('date')}<input type="date" name="date" required className={input} /></label>
        <label className="flex flex-col text-sm">{t('time')}<input type="time" name="time" required className={input} /></label>
        <label className="flex flex-col text-sm">{t('minutes')}<input type="number" name="minutes" min={5} max={240} defaultValue={15} required className={input} /></label>
        <label className="flex flex-col text-sm">{t('location')}<input name="location" maxLength={200} className={input} /></label>
        <button className="min-h-11 rounded-lg bg-brand-700 px-3 font-medium text-white sm:col-span-2">{t('add')}</button>
      </StatusForm>
    </Disclosure>
  );
}

/** The child's file as one timeline, newest first: what parents read and answer, what staff revisit. */
export async function ChildFile({ may, childId, childName, entries, twoHouseholds }: { may: FileAbilities; childId: string; childName: string; entries: TimelineEntry[]; twoHouseholds: boolean }) {
  const t = await getTranslations('timeline');
  const tr = await getTranslations('records');
  const tm = await getTranslations('moments');
  const format = await getFormatter();
  const staff = may.staff;
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'UTC' });
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <section aria-labelledby="file-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="file-title" className="text-xl font-semibold">{t('title', { name: childName })}</h2>
        <div className="flex flex-wrap gap-2">
          {may.auditLog && <Link href={`/kind/${childId}/audit`} className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-4">{tr('auditLink')}</Link>}
          {may.writeRecord && <Link href={`/kind/${childId}/gesprek`} className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-medium text-white">{tr('newRecord')}</Link>}
        </div>
      </div>
      <p className="text-stone-700">{t('intro', { name: childName })}</p>
      {may.guardian && may.export && (
        <p className="flex flex-wrap gap-x-4">
          <a href={`/api/children/${childId}/export?format=pdf`} className="inline-flex min-h-11 items-center text-brand-700 underline">{t('exportPdf')}</a>
          <a href={`/api/children/${childId}/export`} className="inline-flex min-h-11 items-center text-brand-700 underline">{t('exportJson')}</a>
        </p>
      )}
      {may.guardian && !may.export && <p className="text-sm text-stone-700" data-testid="export-authority-only">{t('exportAuthorityOnly')}</p>}
      <div className="grid gap-2 sm:grid-cols-2">
        {may.writeNote && <NoteForm childId={childId} twoHouseholds={twoHouseholds} />}
        {may.writePlan && <NewGuidancePlanForm childId={childId} />}
        {may.writeMoment && <MomentForm childId={childId} />}
      </div>
      {entries.length === 0 && <p>{t('empty')}</p>}
      <ol className="flex flex-col gap-3" aria-label={t('title', { name: childName })}>
        {entries.map((e) => (
            <li key={`${e.type}-${e.id}`} className="rounded-xl border border-stone-200 bg-white p-4" data-testid={`timeline-${e.type}`}>
              <p className="text-sm text-stone-700">
                <span className="font-semibold text-stone-900">{t(`types.${e.type}`)}</span> · {e.type === 'record' || e.type === 'guidance' ? day(e.at) : moment(e.at)}
              </p>
              {e.type === 'record' && <RecordCard record={e.record} childId={childId} staff={staff} answer={may.confirmRecord && may.respondToAgreement} />}
              {e.type === 'note' && (
                <div data-testid="child-note">
                  <p className="whitespace-pre-line">{e.note.text}</p>
                  <p className="text-sm text-stone-700">
                    {tr('sharedWith', { roles: e.note.visibleTo.map((r) => tr(`roles.${r}`)).join(', ') || tr('roles.none') })}
                    {e.note.sharedWithOtherHousehold && <> · {tr('alsoSharedWithOtherHousehold')}</>}
                  </p>
                </div>
              )}
              {e.type === 'guidance' && <GuidancePlanCard plan={e.plan} childId={childId} staff={staff} />}
              {e.type === 'preparation' && (
                <>
                  <p className="font-medium">{t('preparedFor', { round: e.preparation.round.name })}</p>
                  <PreparationView answers={e.preparation.answers} childAnswers={e.preparation.childAnswers} />
                </>
              )}
              {e.type === 'moment' && (
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p>
                    <span className="font-medium">{e.moment.purpose}</span>
                    {' · '}{tm('when', { when: moment(e.moment.startsAt), minutes: Math.round((+e.moment.endsAt - +e.moment.startsAt) / 60_000) })}
                    {e.moment.location && <> · {t('location', { location: e.moment.location })}</>}
                  </p>
                  {may.writeMoment && (
                    <StatusForm action={deleteMomentAction}>
                      <input type="hidden" name="momentId" value={e.moment.id} />
                      <input type="hidden" name="childId" value={childId} />
                      <button className={button}>{tm('remove')}</button>
                    </StatusForm>
                  )}
                </div>
              )}
              {e.type === 'talk' && (
                <p>
                  {t('talk', { round: e.talk.round, attendance: t(`talkAttendance.${e.talk.attendance}`) })}
                  {e.talk.location && <> · {t('location', { location: e.talk.location })}</>}
                </p>
              )}
              {e.type === 'meeting' && <p>{t('meeting', { name: e.meeting.name, group: e.meeting.group, presence: e.meeting.present ? t('present') : t('absent') })}</p>}
            </li>
        ))}
      </ol>
    </section>
  );
}
