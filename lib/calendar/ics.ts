import { createEvent, type EventAttributes } from 'ics';

export type CalendarTalk = { uid: string; title: string; description?: string; location: string | null; startsAt: Date; endsAt: Date };

const parts = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [number, number, number, number, number];

/** A talk as an ics event (RFC 5545, times in UTC so every calendar shows local time right); the mail attachment and the feed share it. */
export function talkEvent(talk: CalendarTalk): EventAttributes {
  return {
    uid: talk.uid,
    title: talk.title,
    ...(talk.description !== undefined ? { description: talk.description } : {}),
    location: talk.location ?? undefined,
    start: parts(talk.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: parts(talk.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
  };
}

/** One talk as an .ics file. */
export function talkToIcs(talk: CalendarTalk): string {
  const { error, value } = createEvent({ ...talkEvent(talk), productId: 'ouderportaal' });
  if (error || !value) throw error ?? new Error('ics');
  return value;
}
