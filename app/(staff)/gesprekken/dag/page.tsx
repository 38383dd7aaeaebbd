import { addDays } from 'date-fns';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Fragment } from 'react';
import { z } from 'zod';
import { AppShell } from '@/components/layout/AppShell';
import { PrintButton } from '@/components/ui/PrintButton';
import { StatusForm } from '@/components/ui/StatusForm';
import { ROLES } from '@/lib/access/roles';
import { requireRole } from '@/lib/auth/actor';
import { teacherDay } from '@/lib/bookings/queries';
import { pausesBefore } from '@/lib/bookings/rhythm';
import { unbookedFor } from '@/lib/bookings/staff';
import { dayDisruptions } from '@/lib/bookings/disruption';
import { cancelTeacherDayAction, moveBlockAction } from '@/lib/bookings/disruption-actions';
import { addSlotAction, attendanceAction, blockSlotAction, bookOnBehalfAction, staffCancelAction } from '@/lib/bookings/staff-actions';
import { fullName, namesList } from '@/lib/format/name';
import { zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { momentsBetween } from '@/lib/records/moments';
import { PreparationView } from '@/components/records/PreparationView';
import { parentNotesFor, preparationsFor } from '@/lib/records/preparation';

const dateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export async function generateMetadata() {
  return { title: (await getTranslations('day'))('title') };
}

/** The teacher's talks of one day in order; prints as one A4 (header and buttons hidden). */
export default async function DayPage({ searchParams }: { searchParams: Promise<{ datum?: string }> }) {
  const actor = await requireRole(...ROLES.staff);
  const { datum } = await searchParams;
  const date = dateParam.safeParse(datum).success ? datum! : zonedDateKey(new Date());
  const start = zonedToUtc(`${date}T00:00`);
  const end = zonedToUtc(`${zonedDateKey(addDays(start, 1.5))}T00:00`);
  const slots = await teacherDay(actor, start, end);
  const pairs = [...new Map(slots.map((s) => [`${s.round.id}:${s.group.id}`, { roundId: s.round.id, groupId: s.group.id, label: `${s.round.name} · ${s.group.name}` }])).values()];
  const talks = slots.flatMap((s) => (s.claim ? [{ roundId: s.round.id, childId: s.claim.booking.child.id }] : []));
  const bookingIds = slots.flatMap((s) => (s.claim ? [s.claim.booking.id] : []));
  const [unbooked, preparations, moments, notes, disruptions] = await Promise.all([unbookedFor(actor, pairs), preparationsFor(actor, talks), momentsBetween(actor, start, end), parentNotesFor(actor, bookingIds), dayDisruptions(actor, date)]);
  const noteOf = new Map(notes.map((n) => [n.bookingId, n.note]));
  // The breaks of each schedule (a rhythm break, a coffee break, between two blocks) as their own rows.
  const pauses = pausesBefore(slots);
  const tr = await getTranslations('rhythm');
  const tp = await getTranslations('prepare');
  const tm = await getTranslations('moments');
  const t = await getTranslations('day');
  const tc = await getTranslations('common');
  const td = await getTranslations('disruption');
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { hour: '2-digit', minute: '2-digit' });
  const nav = (days: number) => `/gesprekken/dag?datum=${zonedDateKey(addDays(zonedToUtc(`${date}T12:00`), days))}`;
  return (
    <AppShell actor={actor} path={`/gesprekken/dag?datum=${date}`}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('heading', { date: format.dateTime(start, { dateStyle: 'full' }) })}</h1>
        <div className="flex gap-2 print:hidden">
          <Link href={nav(-1)} className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-3">{t('previous')}</Link>
          <Link href={nav(1)} className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 bg-white px-3">{t('next')}</Link>
          <PrintButton label={t('print')} />
        </div>
      </div>
      {disruptions.cancellations.length > 0 && (
        <ul className="flex flex-col gap-1 rounded-lg border border-amber-400 bg-amber-50 p-3" data-testid="day-cancellations">
          {disruptions.cancellations.map((c) => (
            <li key={c.id}>
              {td('record', { round: c.round.name, group: c.group, teacher: c.teacher, by: c.by, reason: c.reason })}{' '}
              <strong>{td('counts', { talks: c.talks, families: c.families, waitlisted: c.waitlisted })}</strong>
            </li>
          ))}
        </ul>
      )}
      {slots.length === 0 && <p>{t('empty')}</p>}
      {slots.length > 0 && (
        // On a phone the five columns are wider than the screen: the table scrolls sideways instead of the page.
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-left text-sm sm:text-base">
            <thead>
              <tr className="border-b-2 border-stone-400">
                <th scope="col" className="py-2 pr-2">{t('time')}</th>
                <th scope="col" className="py-2 pr-2">{t('child')}</th>
                <th scope="col" className="py-2 pr-2">{t('coming')}</th>
                <th scope="col" className="py-2 pr-2">{t('notes')}</th>
                <th scope="col" className="py-2 print:hidden">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {slots.map((s) => {
                const b = s.claim?.booking;
                const pause = pauses.get(s.id);
                return (
                  <Fragment key={s.id}>
                  {pause && (
                    <tr className="border-b border-stone-200 bg-stone-50" data-testid="day-pause">
                      <td className="py-2 pr-2 whitespace-nowrap">{time(pause.startsAt)}–{time(pause.endsAt)}</td>
                      <td colSpan={4} className="py-2 pr-2 font-medium text-stone-700">{tr('pause')}</td>
                    </tr>
                  )}
                  <tr className="border-b border-stone-200 align-top" data-testid="day-row">
                    <td className="py-2 pr-2 whitespace-nowrap">
                      {time(s.startsAt)}–{time(s.endsAt)}
                      <span className="block text-xs text-stone-600">{tc('group')} {s.group.name}{s.location ? ` · ${s.location}` : ''}</span>
                    </td>
                    <td className="py-2 pr-2">{b ? fullName(b.child) : s.blocked ? <em>{t('blocked')}</em> : <span className="text-stone-500">{t('free')}</span>}</td>
                    <td className="py-2 pr-2">{b ? namesList(s.coming) : ''}</td>
                    <td className="py-2 pr-2">
                      {b?.needsInterpreter && <span className="block font-medium">{t('interpreter', { language: b.language ?? '–' })}</span>}
                      {b && noteOf.get(b.id)}
                      {b && preparations.filter((p) => p.roundId === s.round.id && p.childId === b.child.id).map((p) => (
                        <details key={p.id} className="mt-1" data-testid="day-preparation">
                          <summary className="min-h-11 cursor-pointer font-medium text-brand-700">{tp('dayView')}</summary>
                          <PreparationView answers={p.answers} childAnswers={p.childAnswers} />
                        </details>
                      ))}
                      {b && b.attendance !== 'EXPECTED' && <span className="block text-stone-600">{t(`attendance.${b.attendance}`)}</span>}
                    </td>
                    <td className="py-2 print:hidden">
                      {b ? (
                        <div className="flex flex-wrap gap-1">
                          <StatusForm action={attendanceAction} className="flex flex-wrap gap-1">
                            <input type="hidden" name="bookingId" value={b.id} />
                            <button name="attendance" value="HELD" aria-pressed={b.attendance === 'HELD'} className="min-h-11 rounded border border-stone-400 px-2 aria-pressed:bg-green-100">{t('held')}</button>
                            <button name="attendance" value="NO_SHOW" aria-pressed={b.attendance === 'NO_SHOW'} className="min-h-11 rounded border border-stone-400 px-2 aria-pressed:bg-red-100">{t('noShow')}</button>
                          </StatusForm>
                          <Link href={`/kind/${b.child.id}/gesprek?ronde=${s.round.id}`} className="inline-flex min-h-11 items-center rounded border border-stone-400 px-2">{t('record')}</Link>
                          <StatusForm action={staffCancelAction}>
                            <input type="hidden" name="bookingId" value={b.id} />
                            <button className="min-h-11 rounded border border-stone-400 px-2">{t('cancel')}</button>
                          </StatusForm>
                        </div>
                      ) : (
                        <div className="flex flex-wrap gap-1">
                          <StatusForm action={blockSlotAction}>
                            <input type="hidden" name="slotId" value={s.id} />
                            <input type="hidden" name="blocked" value={String(!s.blocked)} />
                            <button className="min-h-11 rounded border border-stone-400 px-2">{s.blocked ? t('unblock') : t('block')}</button>
                          </StatusForm>
                          {!s.blocked && (unbooked.find((u) => u.roundId === s.round.id && u.groupId === s.group.id)?.children.length ?? 0) > 0 && (
                            <StatusForm action={bookOnBehalfAction} className="flex gap-1">
                              <input type="hidden" name="roundId" value={s.round.id} />
                              <input type="hidden" name="slotId" value={s.id} />
                              <label className="sr-only" htmlFor={`child-${s.id}`}>{t('bookFor')}</label>
                              <select id={`child-${s.id}`} name="childId" className="min-h-11 max-w-40 rounded border border-stone-400 bg-white px-1">
                                {unbooked.find((u) => u.roundId === s.round.id && u.groupId === s.group.id)!.children.map((c) => (
                                  <option key={c.id} value={c.id}>{fullName(c)}</option>
                                ))}
                              </select>
                              <button className="min-h-11 rounded border border-stone-400 px-2">{t('bookFor')}</button>
                            </StatusForm>
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {moments.length > 0 && (
        <section aria-labelledby="moments-title">
          <h2 id="moments-title" className="text-lg font-semibold">{tm('dayTitle')}</h2>
          <ul className="flex flex-col gap-1" data-testid="day-moments">
            {moments.map((m) => (
              <li key={m.id}>
                {time(m.startsAt)}–{time(m.endsAt)} · <Link href={`/kind/${m.child.id}`} className="text-brand-700 underline">{fullName(m.child)}</Link> · {m.purpose}{m.location ? ` · ${m.location}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(disruptions.groups.length > 0 || disruptions.blocks.length > 0) && (
        <section aria-labelledby="disruption-title" className="flex flex-col gap-3 print:hidden">
          <h2 id="disruption-title" className="text-lg font-semibold">{td('title')}</h2>
          {disruptions.groups.length > 0 && (
            <StatusForm action={cancelTeacherDayAction} className="flex flex-wrap items-end gap-2" success={td('cancelledDone')}>
              <h3 className="w-full font-semibold">{td('cancelDay')}</h3>
              <p className="w-full text-sm text-stone-700">{td('cancelDayHelp')}</p>
              <input type="hidden" name="date" value={date} />
              <label className="flex flex-col text-sm">
                {td('teacher')}
                <select name="groupTeacher" className="min-h-11 rounded border border-stone-400 bg-white px-2">
                  {disruptions.groups.flatMap((g) => g.teachers.map((teacher) => (
                    <option key={`${g.id}:${teacher.id}`} value={`${g.id}:${teacher.id}`}>{tc('group')} {g.name} · {teacher.name}</option>
                  )))}
                </select>
              </label>
              <label className="flex grow flex-col text-sm">
                {td('reason')}
                <input name="reason" required minLength={3} maxLength={300} placeholder={td('reasonPlaceholder')} className="min-h-11 rounded border border-stone-400 bg-white px-2" />
              </label>
              <button className="min-h-11 rounded-lg border border-red-700 bg-white px-3 text-red-800">{td('cancelSubmit')}</button>
            </StatusForm>
          )}
          {disruptions.blocks.length > 0 && (
            <StatusForm action={moveBlockAction} className="flex flex-wrap items-end gap-2" success={td('movedDone')}>
              <h3 className="w-full font-semibold">{td('moveBlock')}</h3>
              <p className="w-full text-sm text-stone-700">{td('moveBlockHelp')}</p>
              <label className="flex flex-col text-sm">
                {td('block')}
                <select name="blockId" className="min-h-11 rounded border border-stone-400 bg-white px-2">
                  {disruptions.blocks.map((b) => <option key={b.id} value={b.id}>{b.round.name} · {time(b.startsAt)}–{time(b.endsAt)}</option>)}
                </select>
              </label>
              <label className="flex flex-col text-sm">
                {td('newDate')}
                <input type="date" name="date" required className="min-h-11 rounded border border-stone-400 bg-white px-2" />
              </label>
              <label className="flex flex-col text-sm">
                {td('newTime')}
                <input type="time" name="time" className="min-h-11 rounded border border-stone-400 bg-white px-2" />
              </label>
              <button className="min-h-11 rounded-lg border border-stone-400 bg-white px-3">{td('moveSubmit')}</button>
            </StatusForm>
          )}
        </section>
      )}
      {pairs.length > 0 && (
        <StatusForm action={addSlotAction} className="flex flex-wrap items-end gap-2 print:hidden">
          <h2 id="add-slot" className="w-full font-semibold">{t('addSlot')}</h2>
          <input type="hidden" name="date" value={date} />
          <label className="flex flex-col text-sm">
            {t('roundAndGroup')}
            <select name="roundGroup" className="min-h-11 rounded border border-stone-400 bg-white px-2">
              {pairs.map((p) => <option key={`${p.roundId}:${p.groupId}`} value={`${p.roundId}:${p.groupId}`}>{p.label}</option>)}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t('time')}
            <input type="time" name="time" required className="min-h-11 rounded border border-stone-400 bg-white px-2" />
          </label>
          <button className="min-h-11 rounded-lg border border-stone-400 bg-white px-3">{t('add')}</button>
        </StatusForm>
      )}
    </AppShell>
  );
}
