// The client's address comes from the server in front of Next (scripts/server.mjs), which sets
// CLIENT_ADDRESS_HEADER on every request and overwrites whatever the client sent. The rule that
// computes it (socket peer, or the right-most X-Forwarded-For hop our trusted proxies did not add)
// lives in scripts/edge.mjs, plain JavaScript the server runs without a TypeScript loader; it is
// re-exported here so the app and the server cannot disagree on the header or the rule.
import { CLIENT_ADDRESS_HEADER } from '@/scripts/edge.mjs';

export { CLIENT_ADDRESS_HEADER };
export { clientAddress } from '@/scripts/edge.mjs';

/**
 * The unit the per-address sign-in budget is kept for. IPv4: the address (a school building or a
 * carrier's NAT is one address, hence the generous budget). IPv6: the /64, since one subscriber or
 * phone is handed a whole /64 and could otherwise take a fresh address for every attempt.
 */
export function throttleAddress(address: string): string {
  const a = address.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!a.includes(':')) return a || 'unknown';
  const mapped = a.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return mapped[1];
  const [head, tail] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  // An embedded IPv4 tail (64:ff9b::192.0.2.1) stands for two groups.
  const width = (parts: string[]) => parts.length + (parts.at(-1)?.includes('.') ? 1 : 0);
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - width(left) - width(right))).fill('0'), ...right];
  if (groups.length < 4 || groups.slice(0, 4).some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return a;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

type HeaderBag = { get(name: string): string | null } | Record<string, string | string[] | undefined> | undefined;

/** The client's address as the server in front of Next saw it; 'unknown' when Next runs on its own. */
export function clientKeyOf(headers: HeaderBag): string {
  if (!headers) return 'unknown';
  const raw = typeof headers.get === 'function' ? (headers as { get(n: string): string | null }).get(CLIENT_ADDRESS_HEADER) : (headers as Record<string, unknown>)[CLIENT_ADDRESS_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (typeof value === 'string' && value.trim()) || 'unknown';
}
