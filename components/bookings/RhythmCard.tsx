import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/Card';
import { StatusForm } from '@/components/ui/StatusForm';
import type { Actor } from '@/lib/auth/actor';
import { fullName } from '@/lib/format/name';
import { zonedDateKey } from '@/lib/format/time';
import { roundRhythms } from '@/lib/bookings/rhythm';
import { setRhythmAction } from '@/lib/bookings/staff-actions';

/** "My rhythm": per schedule the actor plans in the round, its breaks and a form to set its own. */
export async function RhythmCard({ actor, roundId }: { actor: Actor; roundId: string }) {
  const schedules = await roundRhythms(actor, roundId);
  if (schedules.length === 0) return null;
  const t = await getTranslations('rhythm');
  const tr = await getTranslations('rounds');
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { hour: '2-digit', minute: '2-digit' });
  return (
    <Card aria-labelledby="rhythm-title">
      <h2 id="rhythm-title" className="text-lg font-semibold">{t('title')}</h2>
      <p className="mb-3 text-stone-700">{t('intro')}</p>
      {schedules.map((s) => {
        const label = s.teacher ? t('scheduleOf', { group: s.groupName, teacher: fullName(s.teacher) }) : t('schedule', { group: s.groupName });
        return (
          <section key={`${s.groupId}:${s.teacherKey}`} className="mb-4" aria-label={label}>
            <h3 className="font-medium">{label}</h3>
            <p data-testid="rhythm-now">
              {t('current', { rule: s.breakAfterTalks > 0 ? t('rule', { minutes: s.breakMinutes, count: s.breakAfterTalks }) : t('noRule') })}
              {s.breaks.map((b) => `; ${t('fixedBreak', { from: time(b.startsAt), to: time(b.endsAt) })}`).join('')}
            </p>
            <StatusForm action={setRhythmAction} className="mt-2 flex flex-wrap items-end gap-2" success={t('saved')}>
              <input type="hidden" name="roundId" value={roundId} />
              <input type="hidden" name="groupId" value={s.groupId} />
              <input type="hidden" name="teacherKey" value={s.teacherKey} />
              <label className="flex flex-col text-sm">
                {t('breakAfterTalks')}
                <input type="number" name="breakAfterTalks" min={0} max={40} defaultValue={s.breakAfterTalks} inputMode="numeric" className="min-h-11 w-24 rounded border border-stone-400 bg-white px-2" />
              </label>
              <label className="flex flex-col text-sm">
                {t('breakMinutes')}
                <input type="number" name="breakMinutes" min={0} max={90} defaultValue={s.breakMinutes} inputMode="numeric" className="min-h-11 w-24 rounded border border-stone-400 bg-white px-2" />
              </label>
              <label className="flex flex-col text-sm">
                {t('fixedBreakDate')}
                <input type="date" name="breakDate" defaultValue={s.firstDay ? zonedDateKey(s.firstDay) : ''} className="min-h-11 rounded border border-stone-400 bg-white px-2" />
              </label>
              <label className="flex flex-col text-sm">{tr('from')}<input type="time" name="breakFrom" className="min-h-11 rounded border border-stone-400 bg-white px-2" /></label>
              <label className="flex flex-col text-sm">{tr('to')}<input type="time" name="breakTo" className="min-h-11 rounded border border-stone-400 bg-white px-2" /></label>
              <button className="min-h-11 rounded-lg border border-stone-400 bg-white px-3">{t('save')}</button>
            </StatusForm>
          </section>
        );
      })}
    </Card>
  );
}
