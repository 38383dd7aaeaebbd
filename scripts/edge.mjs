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
export function clientAddress(peer, forwardedFor, trustedProxies) {
  const hops = trustedProxies > 0 ? [forwardedFor ?? []].flat().join(',').split(',').map((s) => s.trim()).filter(Boolean) : [];
  const chain = [...hops, peer ?? 'unknown'];
  const address = chain[Math.max(0, chain.length - 1 - trustedProxies)];
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}

/** Loopback: the demo mailbox answers only to this machine. */
export function isLoopback(address) {
  return address === '127.0.0.1' || address === '::1' || /^127\./.test(address ?? '');
}

export const BODY_LIMITS = {
  auth: 16 * 1024, // sign-in callbacks: an address, a token, a CSRF token
  api: 64 * 1024, // JSON API: a booking with a few children and a note
  page: 5 * 1024 * 1024, // server actions: the largest is the school's import, two CSV files of at most 2 MB (next.config.ts matches)
};

/** @param {string} url */
export function bodyLimitFor(url) {
  if (url.startsWith('/api/auth/')) return BODY_LIMITS.auth;
  if (url.startsWith('/api/')) return BODY_LIMITS.api;
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
