// The mail server goes away and comes back: against a real SMTP server (smtp-server) on a local port.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { deliverDueMail, enqueueMail, MAX_ATTEMPTS } from '@/lib/mail/outbox';
import { retryMail, undeliverableCount, undeliverableMail } from '@/lib/mail/undeliverable';
import { createSchool, createUser } from './support/factories';

type Received = { to: string[]; subject: string };
const received: Received[] = [];
let server: SMTPServer | undefined;
let port = 0;
const savedSmtpUrl = process.env.SMTP_URL;

function smtpError(message: string, responseCode: number) {
  return Object.assign(new Error(message), { responseCode });
}

/** A plain SMTP server on 127.0.0.1: no TLS, no login. `bounce-…` addresses are refused for good, `later-…` for now. */
async function startSmtp(onPort = 0) {
  server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 1000,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (address.address.startsWith('bounce-')) return callback(smtpError('No such user here', 550));
      if (address.address.startsWith('later-')) return callback(smtpError('Mailbox busy, try again later', 451));
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: raw.match(/^Subject: (.*)$/m)?.[1] ?? '' });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server!.once('error', reject);
    server!.listen(onPort, '127.0.0.1', () => resolve());
  });
  port = (server.server.address() as AddressInfo).port;
}

async function stopSmtp() {
  await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = undefined;
}

/** Test time travel: the row is due now, as if its backoff had passed. */
const makeDue = (id: string) => prisma.outboxMail.update({ where: { id }, data: { nextAttemptAt: new Date() } });
const row = (id: string) => prisma.outboxMail.findUniqueOrThrow({ where: { id } });
const directorOf = async (schoolId: string): Promise<Actor> => (await createUser(schoolId, 'DIRECTOR')).actor;

async function queue(schoolId: string | null, to: string, subject: string, kind = 'survey_invitation') {
  return prisma.$transaction((tx) => enqueueMail(tx, { to, schoolId, kind, subject, text: 'Beste ouder, ...' }));
}

beforeAll(async () => {
  await startSmtp();
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  // Every count below is of this file's own mail (its schools, its address): other files' queued mail is theirs.
});

// Each test starts with the server up (a failed test may have left it down).
beforeEach(async () => {
  if (!server) await startSmtp(port);
  received.length = 0;
});

afterAll(async () => {
  if (server) await stopSmtp();
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
});

describe('mail server outage', () => {
  it('mail queued while the server is down for an hour waits, and goes out once when it is back', async () => {
    const { school } = await createSchool();
    await stopSmtp();
    const mail = await queue(school.id, 'ouder-outage@example.test', 'Uitnodiging enquete');

    // An hour of outage, attempt after attempt on the real schedule (each due time brought forward).
    let elapsed = 0;
    for (;;) {
      expect(await deliverDueMail(100, { schoolId: school.id })).toBe(1);
      const r = await row(mail.id);
      expect(r.sentAt).toBeNull();
      expect(r.failedAt).toBeNull();
      expect(r.lastError).toMatch(/ECONNREFUSED/);
      elapsed += Math.round((r.nextAttemptAt.getTime() - Date.now()) / 1000);
      if (elapsed > 3600) break;
      await makeDue(mail.id);
    }
    expect((await row(mail.id)).attempts).toBe(8);
    expect(received).toEqual([]);

    await startSmtp(port); // back, on the same address
    expect(await deliverDueMail(100, { schoolId: school.id })).toBe(0); // not yet due: the next attempt comes a few minutes after the hour
    await makeDue(mail.id);
    expect(await deliverDueMail(100, { schoolId: school.id })).toBe(1);
    expect(received).toEqual([{ to: ['ouder-outage@example.test'], subject: 'Uitnodiging enquete' }]);
    const sent = await row(mail.id);
    expect(sent.sentAt).not.toBeNull();
    expect(sent.lastError).toBeNull();
    expect(sent.attempts).toBe(9);

    await makeDue(mail.id);
    expect(await deliverDueMail(100, { schoolId: school.id })).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('retries for about two days (doubling from 15 s to hourly), then gives up and shows it to that school’s director', async () => {
    const { school } = await createSchool();
    const { school: other } = await createSchool();
    const director = await directorOf(school.id);
    const otherDirector = await directorOf(other.id);
    await stopSmtp();
    const mail = await queue(school.id, 'ouder-limit@example.test', 'Herinnering gesprek', 'talk_reminder');

    let elapsed = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await makeDue(mail.id);
      expect(await deliverDueMail(100, { schoolId: school.id })).toBe(1);
      const r = await row(mail.id);
      expect(r.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(r.failedAt).toBeNull();
        const expected = Math.min(3600, 15 * 2 ** (attempt - 1));
        const delay = (r.nextAttemptAt.getTime() - Date.now()) / 1000;
        expect(delay).toBeGreaterThan(expected - 3);
        expect(delay).toBeLessThanOrEqual(expected);
        elapsed += expected;
      } else {
        expect(r.failedAt).not.toBeNull();
        expect(r.lastError).toMatch(/ECONNREFUSED/);
      }
    }
    // The last attempt came 48 hours and 17 minutes after the first.
    expect(elapsed).toBe(3825 + 47 * 3600);

    // Given up: no more attempts, not even when due.
    await makeDue(mail.id);
    expect(await deliverDueMail(100, { schoolId: school.id })).toBe(0);
    expect((await row(mail.id)).attempts).toBe(MAX_ATTEMPTS);

    const listed = await undeliverableMail(director);
    expect(listed.map((m) => [m.to, m.subject, m.kind, m.attempts, m.retryable])).toEqual([['ouder-limit@example.test', 'Herinnering gesprek', 'talk_reminder', MAX_ATTEMPTS, true]]);
    expect(listed[0].lastError).toMatch(/ECONNREFUSED/);
    expect(await undeliverableCount(director)).toBe(1);
    expect(await undeliverableMail(otherDirector)).toEqual([]);
    expect(await undeliverableCount(otherDirector)).toBe(0);

    // Another school's director cannot retry it; this school's director can, and it goes out once.
    await expect(retryMail(otherDirector, mail.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await row(mail.id)).failedAt).not.toBeNull();
    await startSmtp(port);
    await retryMail(director, mail.id);
    await expect(retryMail(director, mail.id)).rejects.toMatchObject({ code: 'NOT_FOUND' }); // no longer undeliverable
    expect(await deliverDueMail(100, { schoolId: school.id })).toBe(1);
    expect(received).toEqual([{ to: ['ouder-limit@example.test'], subject: 'Herinnering gesprek' }]);
    expect(await undeliverableMail(director)).toEqual([]);
    expect(await deliverDueMail(100, { schoolId: school.id })).toBe(0);
    expect(received).toHaveLength(1);
  });
});

describe('refused by the mail server', () => {
  it('an address the server refuses for good (5xx) is undeliverable at once, not retried', async () => {
    const { school } = await createSchool();
    const director = await directorOf(school.id);
    const mail = await queue(school.id, 'bounce-ouder@example.test', 'Uitnodiging');
    expect(await deliverDueMail(100, { schoolId: school.id })).toBe(1);
    const r = await row(mail.id);
    expect(r.sentAt).toBeNull();
    expect(r.failedAt).not.toBeNull();
    expect(r.attempts).toBe(1);
    expect(r.lastError).toMatch(/550 No such user here/);

    await makeDue(mail.id);
    expect(await deliverDueMail(100, { schoolId: school.id })).toBe(0);
    expect((await row(mail.id)).attempts).toBe(1);
    expect((await undeliverableMail(director)).map((m) => m.to)).toEqual(['bounce-ouder@example.test']);
    expect(received).toEqual([]);
  });

  it('a temporary refusal (4xx) is retried later', async () => {
    const { school } = await createSchool();
    const director = await directorOf(school.id);
    const mail = await queue(school.id, 'later-ouder@example.test', 'Uitnodiging');
    expect(await deliverDueMail(100, { schoolId: school.id })).toBe(1);
    const r = await row(mail.id);
    expect(r.failedAt).toBeNull();
    expect(r.lastError).toMatch(/451/);
    await makeDue(mail.id);
    expect(await deliverDueMail(100, { schoolId: school.id })).toBe(1);
    expect((await row(mail.id)).attempts).toBe(2);
    expect(await undeliverableMail(director)).toEqual([]);
    await prisma.outboxMail.delete({ where: { id: mail.id } }); // would otherwise keep retrying in later runs of deliverDueMail
  });

  it('a bounced sign-in link is shown to the directors of the person’s schools, without retry', async () => {
    const { school } = await createSchool();
    const { school: other } = await createSchool();
    const director = await directorOf(school.id);
    const otherDirector = await directorOf(other.id);
    const { user } = await createUser(school.id, 'GUARDIAN', { email: `bounce-${Date.now()}@example.test` });
    const mail = await queue(null, user.email, 'Uw inloglink', 'sign_in_link');
    expect(await deliverDueMail(100, { to: user.email })).toBe(1);
    expect((await row(mail.id)).failedAt).not.toBeNull();

    expect((await undeliverableMail(director)).map((m) => [m.to, m.kind, m.retryable])).toEqual([[user.email, 'sign_in_link', false]]);
    expect(await undeliverableCount(director)).toBe(1);
    expect(await undeliverableMail(otherDirector)).toEqual([]);
    await expect(retryMail(director, mail.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
