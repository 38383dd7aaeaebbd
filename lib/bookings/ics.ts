// Moved to lib/calendar/ics.ts (the mail attachment and the feeds share it, and lib/mail must not
// depend on lib/bookings); re-exported so existing imports keep working.
export { type CalendarTalk, talkEvent, talkToIcs } from '@/lib/calendar/ics';
