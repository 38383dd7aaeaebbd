// The edge rules of scripts/server.mjs as pure functions, so they are unit-tested on their own.
import { randomBytes } from 'node:crypto';

/** Set by the server on every request, overwriting whatever the client sent; read by lib/auth. */
export const CLIENT_ADDRESS_HEADER = 'x-ouderportaal-client';

/**
 * The client's address: the socket's peer, or behind `trustedProxies` proxies of our own the
 * right-most X-Forwarded-For hop they did not add. The left-most entries are whatever the client
 * wrote, so they are never believed.
 * @param {string | undefined} peer
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} trustedProxies
 */
export function clientAddress(peer, forwardedFor, trustedProxies, proxyAddresses = []) {
  // A proxy of our own reaches us from this machine, the private network or a listed address; a
  // client that reaches the port directly has its X-Forwarded-For ignored, or it could pick any address.
  const viaProxy = trustedProxies > 0 && isProxyPeer(peer ?? '', proxyAddresses);
  const hops = viaProxy ? [forwardedFor ?? []].flat().join(',').split(',').map((s) => s.trim()).filter(Boolean) : [];
  const chain = [...hops, peer ?? 'unknown'];
  const address = chain[Math.max(0, chain.length - 1 - (viaProxy ? trustedProxies : 0))];
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}

/**
 * @param {string} peer
 * @param {string[]} listed TRUSTED_PROXY_ADDRESSES: exact addresses of proxies outside the private ranges
 */
export function isProxyPeer(peer, listed) {
  const a = peer.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
  if (listed.includes(a) || isLoopback(a)) return true;
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a) || /^f[cd][0-9a-f]{2}:/i.test(a);
}

/** Loopback: the demo mailbox answers only to this machine. */
export function isLoopback(address) {
  return address === '127.0.0.1' || address === '::1' || /^127\./.test(address ?? '');
}

export const BODY_LIMITS = {
  auth: 16 * 1024, // sign-in callbacks: an address, a token, a CSRF token
  api: 64 * 1024, // JSON API: a booking with a few children and a note
  page: 1024 * 1024, // server actions: a talk record with its agreements is the largest form
  import: 5 * 1024 * 1024, // the school's import: two CSV files of at most 2 MB (next.config.ts matches)
  announcement: 26 * 1024 * 1024, // a new announcement: five attachments of at most 5 MB and its text (next.config.ts matches)
};

/**
 * The limit for a request target, by the path Next will route it to: `/x/../api/…` and
 * `/x/%2e%2e/api/…` are the API too, so the target is resolved the way Next resolves it first.
 * @param {string} url
 */
export function bodyLimitFor(url) {
  let path;
  try {
    path = new URL(url, 'http://localhost').pathname;
  } catch {
    return BODY_LIMITS.auth; // unparsable: Next will refuse it; read as little as possible meanwhile
  }
  if (path.startsWith('/api/auth/')) return BODY_LIMITS.auth;
  if (path.startsWith('/api/')) return BODY_LIMITS.api;
  if (path === '/directie/import') return BODY_LIMITS.import;
  if (path === '/mededelingen/nieuw') return BODY_LIMITS.announcement;
  return BODY_LIMITS.page;
}

export function newNonce() {
  return randomBytes(16).toString('base64');
}

/**
 * The headers every response carries. Scripts and styles only from this origin or with this
 * request's nonce (Next puts it on its own scripts); no framing; no plugins; forms post only here.
 * @param {{ nonce: string, https: boolean }} opts
 */
export function securityHeaders({ nonce, https }) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()',
    'cross-origin-opener-policy': 'same-origin',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
