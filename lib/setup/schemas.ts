import { z } from 'zod';

// Messages are keys under "setup.errors" in messages/*.json. One schema for the setup page and
// `npm run school -- create`, so a school is valid or not in one place.

export const HOLIDAY_REGIONS = ['noord', 'midden', 'zuid'] as const;

// Dutch surname particles (tussenvoegsels), lower-case, which go between first and last name.
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', "'t", 'ten', 'ter', 'te', 'op', 'in', "'s", 'la', 'le', 'du', 'da', 'di', 'von', 'zu', 'el', 'al', 'bin', 'ben']);

/** "Anna van der Berg" → Anna / van der / Berg. Null when there is no last name. */
export function splitName(full: string): { firstName: string; prefix: string | null; lastName: string } | null {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return null;
  const [firstName, ...rest] = words;
  let i = 0;
  while (i < rest.length - 1 && PARTICLES.has(rest[i].toLowerCase())) i++;
  return { firstName, prefix: i ? rest.slice(0, i).join(' ') : null, lastName: rest.slice(i).join(' ') };
}

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('nl-NL', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
};

const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');

export const schoolSetupSchema = z.object({
  boardName: text(200),
  name: text(200),
  // DUO's BRIN code: two digits and two letters or digits ("12AB"); spaces and case do not matter.
  brin: z
    .string()
    .transform((s) => s.replace(/\s+/g, '').toUpperCase())
    .pipe(z.string().min(1, 'required').regex(/^[0-9]{2}[A-Z0-9]{2}$/, 'invalidBrin')),
  city: text(100),
  timeZone: z
    .string()
    .trim()
    .transform((s) => s || 'Europe/Amsterdam')
    .pipe(z.string().max(64, 'invalidTimeZone').refine(isTimeZone, 'invalidTimeZone')),
  holidayRegion: z.enum(HOLIDAY_REGIONS, 'invalidRegion'),
  directorName: text(200).refine((s) => splitName(s) !== null, 'nameIncomplete'),
  directorEmail: z.string().trim().toLowerCase().min(1, 'required').max(254, 'invalidEmail').email('invalidEmail'),
});
export type SchoolSetupInput = z.input<typeof schoolSetupSchema>;
export type SchoolSetup = z.output<typeof schoolSetupSchema>;

export const setupTokenSchema = z.string().min(20).max(100);
