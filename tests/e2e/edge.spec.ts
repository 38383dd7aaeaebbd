import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { expect, request, test } from '@playwright/test';
import { baseDatabaseUrl, withDatabase } from '../../scripts/embedded-pg';
import { E2E_AUTH_SECRET, E2E_BASE_URL, E2E_PORT } from './env';
import { LOGINS, signInWithPassword } from './support';

test('every response carries the security headers, and pages run under the policy without a violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/content security policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto('/inloggen');
  const h = res!.headers();
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('same-origin');
  expect(h['permissions-policy']).toContain('camera=()');
  expect(h['strict-transport-security']).toBeUndefined(); // plain http here; HSTS only over https
  const csp = h['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const nonce = csp.match(/'nonce-([^']+)'/)![1];
  // Next put this request's nonce on its own scripts; a second request gets another one.
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  const second = await page.request.get('/inloggen');
  expect(second.headers()['content-security-policy']).not.toContain(nonce);
  expect((await page.request.get('/api/health')).headers()['x-content-type-options']).toBe('nosniff');

  // Hydrated pages work under the policy: signing in is a client-side form, the survey results draw bars.
  await signInWithPassword(page, LOGINS.director, undefined, { fresh: true });
  await page.goto('/directie/enquetes');
  await page.goto('/directie');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test('the browser finds a favicon', async ({ request }) => {
  const res = await request.get('/favicon.ico');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/image\//);
});

/**
 * Sends only the headers of a request that declares `length` bytes of body and returns the status the
 * server answers with, without ever sending the body: an answer proves it was not read.
 */
function declareBody(path: string, length: number, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(`${E2E_BASE_URL}${path}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'content-length': String(length), ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

test('an oversized body is refused with 413 before it is read, and the server stays healthy', async () => {
  expect(await declareBody('/api/bookings', 200 * 1024)).toBe(413);
  expect(await declareBody('/api/auth/callback/email-link', 20 * 1024)).toBe(413);
  expect(await declareBody('/x/../api/auth/callback/password', 20 * 1024)).toBe(413);
  expect(await declareBody('/inloggen', 2 * 1024 * 1024, { 'next-action': 'x' })).toBe(413);
  expect(await declareBody('/directie/import', 6 * 1024 * 1024, { 'next-action': 'x', expect: '100-continue' })).toBe(413);
  const api = await request.newContext({ baseURL: E2E_BASE_URL });
  const refused = await api.post('/api/bookings', { headers: { 'content-type': 'application/json' }, data: 'x'.repeat(70 * 1024) });
  expect([refused.status(), await refused.json()]).toEqual([413, { error: 'PAYLOAD_TOO_LARGE' }]);
  // Under the limit the same routes answer as usual, and the process is still there.
  expect((await api.post('/api/bookings', { data: {} })).status()).toBe(401);
  expect((await api.get('/api/health')).status()).toBe(200);
  await api.dispose();
});

test('the demo mailbox is for this machine only: a forged address header changes nothing, and the demo does not listen outside', async () => {
  const api = await request.newContext({ baseURL: E2E_BASE_URL });
  // Whatever the client claims, the server decides the address from the socket (here: loopback).
  const forged = await api.get('/demo/mail', { headers: { 'x-ouderportaal-client': '203.0.113.9', 'x-forwarded-for': '203.0.113.9' } });
  expect(forged.status()).toBe(200);
  await api.dispose();
  // The demo server listens on loopback only, so another machine cannot reach it (nor its mailbox).
  const outside = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4');
  test.skip(!outside, 'this machine has no non-loopback address to try');
  const refused = await fetch(`http://${outside!.address}:${E2E_PORT}/demo/mail`).then(
    () => 'answered',
    () => 'refused',
  );
  expect(refused).toBe('refused');
});

test('a demo told to listen everywhere still shows its mailbox only to this machine', async () => {
  const outside = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4');
  test.skip(!outside, 'this machine has no non-loopback address to try');
  test.setTimeout(60_000);
  const port = E2E_PORT + 7;
  const server = spawn(process.execPath, ['scripts/server.mjs'], {
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), HOST: '0.0.0.0', WEB_CONCURRENCY: '1', SMTP_URL: '', MAIL_WORKER: 'off',
      DATABASE_URL: withDatabase(baseDatabaseUrl(), 'ouderportaal_e2e'), NEXTAUTH_SECRET: E2E_AUTH_SECRET, NEXTAUTH_URL: `http://localhost:${port}` },
  });
  try {
    await expect.poll(() => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0), { timeout: 40_000 }).toBe(200);
    expect((await fetch(`http://${outside!.address}:${port}/demo/mail`)).status).toBe(404);
    expect((await fetch(`http://${outside!.address}:${port}/demo/mail`, { headers: { 'x-forwarded-for': '127.0.0.1', 'x-ouderportaal-client': '127.0.0.1' } })).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/demo/mail`)).status).toBe(200);
  } finally {
    server.kill('SIGTERM');
  }
});
