import { idSchema } from '@/lib/access/ids';
import { SIGNALS, type ReachFilter } from '@/lib/reach/families';

export type ReachSearch = { signaal?: string | string[]; groep?: string | string[]; taal?: string | string[] };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** ?signaal=…&groep=…&taal=… → the filter; anything unknown is ignored (no filter), never an error page. */
export function parseReachFilter(sp: ReachSearch): ReachFilter {
  const signal = one(sp.signaal);
  const group = idSchema.safeParse(one(sp.groep));
  const lang = one(sp.taal);
  return {
    signal: signal === 'notReachedAtAll' || (SIGNALS as readonly string[]).includes(signal ?? '') ? (signal as ReachFilter['signal']) : undefined,
    groupId: group.success ? group.data : undefined,
    language: lang && /^[a-z]{2,3}$/.test(lang) ? lang : undefined,
  };
}

export function reachQuery(f: ReachFilter) {
  const q = new URLSearchParams();
  if (f.signal) q.set('signaal', f.signal);
  if (f.groupId) q.set('groep', f.groupId);
  if (f.language) q.set('taal', f.language);
  return q.toString();
}

/** "nl" → "Nederlands", "en" → "English": each language by its own name, as a language picker does. */
export function languageName(code: string) {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name ? name.charAt(0).toUpperCase() + name.slice(1) : code;
  } catch {
    return code;
  }
}
