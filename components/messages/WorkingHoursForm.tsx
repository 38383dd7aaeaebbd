import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/Card';
import type { Actor } from '@/lib/auth/actor';
import { setsWorkingHours } from '@/lib/messages/queries';
import { DEFAULT_HOURS, minuteToTime } from '@/lib/messages/reply-clock';
import { WEEKDAYS } from '@/lib/messages/schemas';
import { ownWorkingHours } from '@/lib/messages/working-hours';
import { WorkingHoursFields } from './WorkingHoursFields';

/** The account page's section where staff set when parents can reach them; nothing for guardians. */
export async function WorkingHoursForm({ actor }: { actor: Actor }) {
  if (!setsWorkingHours(actor)) return null;
  const t = await getTranslations('threads.hours');
  const own = await ownWorkingHours(actor);
  const shown = own.length ? own : DEFAULT_HOURS;
  const days = WEEKDAYS.map((weekday) => {
    const row = shown.find((r) => r.weekday === weekday);
    return { weekday, works: !!row, start: minuteToTime(row?.startMinute ?? DEFAULT_HOURS[0].startMinute), end: minuteToTime(row?.endMinute ?? DEFAULT_HOURS[0].endMinute) };
  });
  return (
    <Card aria-labelledby="working-hours-title">
      <h2 id="working-hours-title" className="mb-2 text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mb-2 text-stone-700">{t('intro')}</p>
      {!own.length && <p className="mb-4 text-stone-700" data-testid="hours-default">{t('default')}</p>}
      <WorkingHoursFields days={days} />
    </Card>
  );
}
