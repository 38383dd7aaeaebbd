'use client';

import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { bookAction, cancelAction, moveAction } from '@/lib/bookings/actions';
import { HOLD_MINUTES } from '@/lib/bookings/schemas';
import { zonedDateKey } from '@/lib/format/time';
import { holdSlotAction, joinWaitlistAction, leaveWaitlistAction } from '@/lib/bookings/guardian-actions';

type Slot = { id: string; startsAt: Date; endsAt: Date; location: string | null };
type ChildEntry = {
  id: string;
  name: string;
  group: string;
  canBook: boolean;
  canPrepare: boolean;
  waiting: boolean;
  /** The other household booked its own talk: shown as a fact, never with its time or a way to change it. */
  otherHousehold?: boolean;
  booking: { id: string; startsAt: Date; endsAt: Date; location: string | null } | null;
  slots: Slot[];
};
type PlanItem = { childId: string; slot: Slot };
type Status = { tone: 'success' | 'error'; text: string; alternatives?: { childId: string; slots: Slot[] }[] } | null;


export function BookingPanel({ roundId, open, entries, plans }: { roundId: string; open: boolean; entries: ChildEntry[]; plans: PlanItem[][] }) {
  const t = useTranslations('booking');
  const tp = useTranslations('prepare');
  const te = useTranslations('errors');
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<Status>(null);
  const [chosen, setChosen] = useState<Record<string, Slot | undefined>>({});
  const [moving, setMoving] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [interpreter, setInterpreter] = useState(false);
  const [language, setLanguage] = useState('');
  const [planIndex, setPlanIndex] = useState(0);

  const time = (d: Date) => format.dateTime(d, { hour: '2-digit', minute: '2-digit' });
  const day = (d: Date) => format.dateTime(d, { weekday: 'long', day: 'numeric', month: 'long' });
  const nameOf = (childId: string) => entries.find((e) => e.id === childId)?.name ?? '';

  function book(items: { childId: string; slotId: string }[]) {
    startTransition(async () => {
      const res = await bookAction({ roundId, items, note: note || undefined, needsInterpreter: interpreter, language: language || undefined });
      if (res.ok) {
        setStatus({ tone: 'success', text: t('booked') });
        setChosen({});
        router.refresh();
      } else {
        setStatus({ tone: 'error', text: te(res.error), alternatives: res.alternatives?.filter((a) => a.slots.length) });
        router.refresh();
      }
    });
  }

  function move(bookingId: string, slot: Slot) {
    startTransition(async () => {
      const res = await moveAction({ bookingId, slotId: slot.id });
      setStatus(res.ok ? { tone: 'success', text: t('moved') } : { tone: 'error', text: te(res.error) });
      setMoving(null);
      router.refresh();
    });
  }

  function choose(childId: string, slot: Slot) {
    // Keep the slot for this parent while they confirm; if someone else is confirming it, say so.
    setChosen((c) => ({ ...c, [childId]: slot }));
    startTransition(async () => {
      const res = await holdSlotAction({ slotId: slot.id });
      if (!res.ok) {
        setChosen((c) => ({ ...c, [childId]: undefined }));
        setStatus({ tone: 'error', text: te(res.error) });
        router.refresh();
      } else setStatus(null);
    });
  }

  function waitlist(childId: string, join: boolean) {
    startTransition(async () => {
      const res = await (join ? joinWaitlistAction : leaveWaitlistAction)({ roundId, childId });
      setStatus(res.ok ? { tone: 'success', text: t(join ? 'waitlistJoined' : 'waitlistLeft') } : { tone: 'error', text: te(res.error) });
      router.refresh();
    });
  }

  function cancel(bookingId: string) {
    if (!window.confirm(t('cancelConfirm'))) return;
    startTransition(async () => {
      const res = await cancelAction({ bookingId });
      setStatus(res.ok ? { tone: 'success', text: t('cancelled') } : { tone: 'error', text: te(res.error) });
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <div aria-live="polite" aria-atomic="true">
        {status && (
          <Alert tone={status.tone}>
            <p>{status.text}</p>
            {status.alternatives?.map((a) => (
              <div key={a.childId} className="mt-2">
                <p className="font-medium">{t('alternativesFor', { name: nameOf(a.childId) })}</p>
                <div className="mt-1 flex flex-wrap gap-2">
                  {a.slots.map((s) => (
                    <Button key={s.id} variant="secondary" onClick={() => choose(a.childId, s)}>
                      {day(s.startsAt)} {time(s.startsAt)}
                    </Button>
                  ))}
                </div>
              </div>
            ))}
          </Alert>
        )}
      </div>

      {open && plans.length > 0 && (
        <section aria-labelledby="plans-title" className="rounded-xl border-2 border-brand-700 bg-brand-50 p-4">
          <h2 id="plans-title" className="text-lg font-semibold">
            {t('siblingsTitle')}
          </h2>
          <p className="mb-3 text-stone-700">{t('siblingsIntro')}</p>
          <fieldset className="flex flex-col gap-2">
            <legend className="sr-only">{t('siblingsTitle')}</legend>
            {plans.map((plan, i) => (
              <label key={i} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg bg-white p-3">
                <input type="radio" name="plan" className="mt-1 size-5" checked={planIndex === i} onChange={() => setPlanIndex(i)} />
                <span>
                  <span className="font-medium">{day(plan[0].slot.startsAt)}</span>
                  {plan.map((p) => (
                    <span key={p.childId} className="block">
                      {time(p.slot.startsAt)}–{time(p.slot.endsAt)} {nameOf(p.childId)}
                      {p.slot.location && <span className="text-stone-600"> · {p.slot.location}</span>}
                    </span>
                  ))}
                </span>
              </label>
            ))}
          </fieldset>
          <Button className="mt-3 w-full sm:w-auto" disabled={pending} onClick={() => book(plans[planIndex].map((p) => ({ childId: p.childId, slotId: p.slot.id })))}>
            {t('bookAll')}
          </Button>
        </section>
      )}

      {entries.map((e) => {
        const days = [...new Set(e.slots.map((s) => zonedDateKey(s.startsAt)))];
        const pick = chosen[e.id];
        const picking = open && e.canBook && (!e.booking || moving === e.booking.id);
        return (
          <section key={e.id} aria-labelledby={`c-${e.id}`} className="rounded-xl border border-stone-200 bg-white p-4">
            <h2 id={`c-${e.id}`} className="text-lg font-semibold">
              {e.name} <span className="font-normal text-stone-600">· {t('group', { group: e.group })}</span>
            </h2>
            {e.booking && (
              <div className="mt-2" data-testid="booking">
                <p>
                  <span className="font-medium">{t('yourTalk')}</span> {day(e.booking.startsAt)}, {time(e.booking.startsAt)}–{time(e.booking.endsAt)}
                  {e.booking.location && <> · {e.booking.location}</>}
                </p>
                {e.canPrepare && (
                  <Link href={`/kind/${e.id}/voorbereiden/${roundId}`} className="mt-1 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
                    {tp('link')}
                  </Link>
                )}
                {open && e.canBook && (
                  <div className="mt-2 flex flex-wrap gap-2">
                    <Button variant="secondary" onClick={() => setMoving(moving === e.booking!.id ? null : e.booking!.id)} aria-expanded={moving === e.booking.id}>
                      {t('move')}
                    </Button>
                    <Button variant="secondary" onClick={() => cancel(e.booking!.id)} disabled={pending}>
                      {t('cancel')}
                    </Button>
                  </div>
                )}
              </div>
            )}
            {e.otherHousehold && <p className="mt-2 text-stone-700" data-testid="other-household-talk">{t('otherHousehold')}</p>}
            {!e.canBook && !e.booking && <p className="mt-2 text-stone-700">{t('informationOnly')}</p>}
            {picking && e.slots.length === 0 && !e.booking && (
              <div className="mt-2 flex flex-col gap-2">
                <p>{e.waiting ? t('onWaitlist') : t('full')}</p>
                <Button variant="secondary" disabled={pending} onClick={() => waitlist(e.id, !e.waiting)}>
                  {e.waiting ? t('leaveWaitlist') : t('joinWaitlist')}
                </Button>
              </div>
            )}
            {picking &&
              days.map((d) => {
                const slots = e.slots.filter((s) => zonedDateKey(s.startsAt) === d);
                return (
                  <fieldset key={d} className="mt-3">
                    <legend className="mb-1 font-medium">{day(slots[0].startsAt)}</legend>
                    <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
                      {slots.map((s) => (
                        <button
                          key={s.id}
                          type="button"
                          aria-pressed={pick?.id === s.id}
                          onClick={() => (e.booking ? move(e.booking.id, s) : choose(e.id, s))}
                          className="min-h-11 rounded-lg border border-stone-400 bg-white px-2 text-base aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white"
                        >
                          {time(s.startsAt)}
                        </button>
                      ))}
                    </div>
                  </fieldset>
                );
              })}
            {pick && !e.booking && (
              <div className="mt-4 flex flex-col gap-3 rounded-lg bg-stone-100 p-3">
                <label className="flex flex-col gap-1">
                  <span className="font-medium">{t('noteLabel')}</span>
                  <textarea value={note} onChange={(ev) => setNote(ev.target.value)} maxLength={500} rows={2} className="rounded-lg border border-stone-500 bg-white p-2" />
                </label>
                <label className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" className="size-5" checked={interpreter} onChange={(ev) => setInterpreter(ev.target.checked)} />
                  {t('interpreter')}
                </label>
                {interpreter && (
                  <label className="flex flex-col gap-1">
                    <span className="font-medium">{t('language')}</span>
                    <input value={language} onChange={(ev) => setLanguage(ev.target.value)} maxLength={60} className="min-h-11 rounded-lg border border-stone-500 bg-white px-3" />
                  </label>
                )}
                <p className="text-sm text-stone-700">{t('held', { minutes: HOLD_MINUTES })}</p>
                <Button disabled={pending} onClick={() => book([{ childId: e.id, slotId: pick.id }])}>
                  {t('confirm', { time: `${day(pick.startsAt)} ${time(pick.startsAt)}` })}
                </Button>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
