import { getTranslations } from 'next-intl/server';
import { fullName } from '@/lib/format/name';
import { minuteToTime, type HoursRow } from '@/lib/messages/reply-clock';

type Person = { id: string; firstName: string; prefix: string | null; lastName: string; isDefault: boolean; hours: readonly HoursRow[] };

/** When these people can be reached, per weekday ("ma 08:00–15:00, di …"). */
export async function HoursList({ people }: { people: Person[] }) {
  const t = await getTranslations('threads');
  return (
    <ul className="flex flex-col gap-1" data-testid="hours-list">
      {people.map((p) => (
        <li key={p.id}>
          <span className="font-medium">{fullName(p)}</span>:{' '}
          {p.isDefault
            ? t('hoursDefault')
            : p.hours.length
              ? p.hours.map((h) => t('hoursRange', { day: t(`weekdays.${h.weekday}` as never), from: minuteToTime(h.startMinute), to: minuteToTime(h.endMinute) })).join(', ')
              : t('hoursNone')}
        </li>
      ))}
    </ul>
  );
}
