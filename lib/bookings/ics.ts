import { createEvent } from 'ics';

export type CalendarTalk = { uid: string; title: string; description: string; location: string | null; startsAt: Date; endsAt: Date };

const parts = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [number, number, number, number, number];

/** One talk as an .ics file (RFC 5545, times in UTC so every calendar shows local time right). */
export function talkToIcs(talk: CalendarTalk): string {
  const { error, value } = createEvent({
    uid: talk.uid,
    title: talk.title,
    description: talk.description,
    location: talk.location ?? undefined,
    start: parts(talk.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: parts(talk.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    productId: 'ouderportaal',
  });
  if (error || !value) throw error ?? new Error('ics');
  return value;
}
