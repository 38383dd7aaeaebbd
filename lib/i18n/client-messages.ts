import type { AbstractIntlMessages } from 'next-intl';

// Every page carries the messages its client components may need in its payload. The whole catalogue
// (~75 kB per language and growing with each feature) went to the browser on every page, about half of
// a page's weight on a phone; server components translate on the server and need none of it. These
// are the namespaces client components read (useTranslations); client-messages.test.ts fails when a
// client component reads one that is not listed.
export const CLIENT_NAMESPACES = [
  'account', 'afterRound', 'announcements', 'booking', 'builder', 'charter', 'common', 'communication', 'cycle', 'errors', 'events',
  'fair', 'feedback', 'helping', 'import', 'meetings', 'prepare', 'reach', 'records', 'reports', 'rhythm', 'rounds', 'schoolYear',
  'setup', 'signIn', 'surveys', 'team', 'threads', 'unavailable', 'wishes',
] as const;

/** The part of the catalogue the browser needs. */
export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
}
