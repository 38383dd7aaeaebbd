// A reply time as people say it: minutes under an hour, hours under two days (a next-working-day
// promise is about a day), days beyond that; one decimal below ten. `t` is the "communication"
// translator, which formats the number in the reader's locale.

type T = (key: 'duration.minutes' | 'duration.hours' | 'duration.days', values: { n: number }) => string;

const rounded = (x: number) => (x < 10 ? Math.round(x * 10) / 10 : Math.round(x));

export function durationText(ms: number, t: T) {
  const hours = ms / 3_600_000;
  if (hours < 1) return t('duration.minutes', { n: Math.max(0, Math.round(ms / 60_000)) });
  if (hours < 48) return t('duration.hours', { n: rounded(hours) });
  return t('duration.days', { n: rounded(hours / 24) });
}
