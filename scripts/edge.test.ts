import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, bodyLimitFor, clientAddress, isLoopback, securityHeaders } from './edge.mjs';

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.7', '1.2.3.4', 0)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:203.0.113.7', undefined, 0)).toBe('203.0.113.7');
  });

  it('behind one proxy is the right-most hop, not the forged left-most one', () => {
    // The client wrote "6.6.6.6"; our proxy appended the address it saw.
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.20', 1)).toBe('198.51.100.20');
  });

  it('behind two proxies skips the hop the second one added', () => {
    expect(clientAddress('10.0.0.3', '6.6.6.6, 198.51.100.20, 10.0.0.2', 2)).toBe('198.51.100.20');
    expect(clientAddress('10.0.0.3', ['6.6.6.6', '198.51.100.20, 10.0.0.2'], 2)).toBe('198.51.100.20');
  });

  it('ignores X-Forwarded-For from a client that reaches the port directly, even with proxies configured', () => {
    expect(clientAddress('203.0.113.7', '6.6.6.6', 1)).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7', '6.6.6.6', 1, ['203.0.113.7'])).toBe('6.6.6.6');
    expect(clientAddress('fd00::5', '6.6.6.6', 1)).toBe('6.6.6.6');
    expect(clientAddress('172.32.0.1', '6.6.6.6', 1)).toBe('172.32.0.1');
  });

  it('with more trusted proxies than hops takes the left-most there is', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.20', 3)).toBe('198.51.100.20');
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
  });
});

describe('edge', () => {
  it('knows loopback', () => {
    expect([isLoopback('127.0.0.1'), isLoopback('::1'), isLoopback('10.0.0.1'), isLoopback('unknown')]).toEqual([true, true, false, false]);
  });

  it('bounds sign-in callbacks tighter than the API, and the API tighter than server actions', () => {
    expect(bodyLimitFor('/api/auth/callback/email-link')).toBe(BODY_LIMITS.auth);
    expect(bodyLimitFor('/api/bookings')).toBe(BODY_LIMITS.api);
    expect(bodyLimitFor('/kind/abc/gesprek')).toBe(BODY_LIMITS.page);
    expect(bodyLimitFor('/directie/import')).toBe(BODY_LIMITS.import);
    expect(bodyLimitFor('/mededelingen/nieuw')).toBe(BODY_LIMITS.announcement);
    expect(bodyLimitFor('/mededelingen/nieuw/../x')).toBe(BODY_LIMITS.page);
    expect(BODY_LIMITS).toEqual({ auth: 16384, api: 65536, page: 1048576, import: 5242880, announcement: 27262976 });
  });

  it('resolves the target as Next will route it, so dot segments and absolute forms do not widen the limit', () => {
    expect(bodyLimitFor('/x/../api/auth/callback/password')).toBe(BODY_LIMITS.auth);
    expect(bodyLimitFor('/x/%2e%2e/api/bookings')).toBe(BODY_LIMITS.api);
    expect(bodyLimitFor('http://evil.example/api/bookings')).toBe(BODY_LIMITS.api);
    expect(bodyLimitFor('/directie/import/../../api/bookings')).toBe(BODY_LIMITS.api);
  });

  it('sends HSTS and upgrade-insecure-requests only over https', () => {
    const plain = securityHeaders({ nonce: 'abc', https: false });
    const secure = securityHeaders({ nonce: 'abc', https: true });
    expect(plain['strict-transport-security']).toBeUndefined();
    expect(secure['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(plain['content-security-policy']).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(plain['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(secure['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
