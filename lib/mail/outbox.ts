import 'server-only';
import nodemailer from 'nodemailer';
import { icsMethodOf } from '@/lib/calendar/ics';
import type { Tx } from '@/lib/db';
import { prisma } from '@/lib/db';

/** `notBefore`: hold the mail until then (a teacher's message waits for their working hours). */
export type MailInput = { to: string; subject: string; text: string; kind: string; schoolId?: string | null; icsFile?: string | null; notBefore?: Date };

/** Queue a mail inside the caller's transaction: it is sent only if the change commits. */
export async function enqueueMail(tx: Tx, { notBefore, ...mail }: MailInput) {
  return tx.outboxMail.create({ data: { ...mail, schoolId: mail.schoolId ?? null, icsFile: mail.icsFile ?? null, ...(notBefore ? { nextAttemptAt: notBefore } : {}) } });
}

/** Without SMTP_URL the portal runs in demo mode: mail is printed to the terminal and shown on /demo/mail. */
export function isDemoMail() {
  return !process.env.SMTP_URL;
}

// One transport per SMTP_URL (read at send time). It holds no open connection (not pooled): every
// send dials afresh, so a server that was down and came back is simply reached on the next attempt.
let transport: { url: string; t: nodemailer.Transporter } | undefined;
function smtp(url: string) {
  if (transport?.url !== url) transport = { url, t: nodemailer.createTransport(url) };
  return transport.t;
}

/**
 * Retry schedule: 15 s after the first attempt, doubling up to an hour, then hourly. The 9th attempt
 * comes 64 min after the first, so an hour's outage costs 8 attempts; the 56th comes about 48 hours
 * after the first. A mail that fails that often is given up on and shown to the director
 * (see lib/mail/queries.ts), never left waiting unseen.
 */
export const MAX_ATTEMPTS = 56;
const FIRST_DELAY_SECONDS = 15;
const MAX_DELAY_SECONDS = 3600;

/**
 * 5xx to RCPT TO (no such address) or DATA (message refused) will not change by retrying. Other
 * errors (connection refused, 4xx, a 5xx to AUTH or MAIL FROM, which is our configuration, not
 * this mail) are retried.
 */
function isPermanent(e: unknown) {
  const err = e as { responseCode?: number; command?: string };
  return (err?.responseCode ?? 0) >= 500 && (err.command === 'RCPT TO' || err.command === 'DATA');
}

type Claimed = { id: string; to: string; subject: string; text: string; icsFile: string | null; template: string | null; params: unknown; attempts: number; kind: string };

/**
 * Deliver due mail. Rows are claimed with SKIP LOCKED and pushed back with exponential backoff
 * before sending, so two workers never send the same mail and a crash mid-send retries later.
 * A failed attempt gives up (failedAt) when the server refused the mail for good or after
 * MAX_ATTEMPTS; there is no attempts bound in the claim, so a crash during the last attempt
 * still ends in sent or failed.
 */
export async function deliverDueMail(batch = 20): Promise<number> {
  const claimed = await prisma.$queryRaw<Claimed[]>`
    UPDATE "OutboxMail" SET attempts = attempts + 1,
      "nextAttemptAt" = now() + make_interval(secs => least(${MAX_DELAY_SECONDS}, ${FIRST_DELAY_SECONDS} * power(2, attempts)))
    WHERE id IN (
      SELECT id FROM "OutboxMail" WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= now()
      ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, text, "icsFile", template, params, attempts, kind`;
  for (const mail of claimed) {
    try {
      if (mail.template && !mail.subject) {
        const { renderTemplate } = await import('./templates');
        Object.assign(mail, await renderTemplate(mail.template, mail.params));
        await prisma.outboxMail.update({ where: { id: mail.id }, data: { subject: mail.subject, text: mail.text, icsFile: mail.icsFile } });
      }
      const smtpUrl = process.env.SMTP_URL;
      if (!smtpUrl) {
        console.log(`\n[mail] to ${mail.to}: ${mail.subject}\n${mail.text}\n`);
      } else {
        await smtp(smtpUrl).sendMail({
          from: process.env.MAIL_FROM ?? 'Ouderportaal <noreply@localhost>',
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          // The Content-Type's method must match the file's METHOD (REQUEST, CANCEL) or calendars ignore it.
          icalEvent: mail.icsFile ? { method: icsMethodOf(mail.icsFile), filename: 'gesprek.ics', content: mail.icsFile } : undefined,
        });
      }
      await prisma.outboxMail.update({ where: { id: mail.id }, data: { sentAt: new Date(), lastError: null } });
    } catch (e) {
      const giveUp = isPermanent(e) || mail.attempts >= MAX_ATTEMPTS;
      const lastError = String(e).slice(0, 500);
      await prisma.outboxMail.update({ where: { id: mail.id }, data: { lastError, failedAt: giveUp ? new Date() : null } });
      if (giveUp) console.error(`[mail] undeliverable after ${mail.attempts} attempt(s): ${mail.kind} ${mail.id}: ${lastError}`);
    }
  }
  return claimed.length;
}

let running: Promise<unknown> | undefined;
/** Fire-and-forget nudge after a commit, so a sign-in link does not wait for the next poll. */
export function kickMailDelivery() {
  if (process.env.MAIL_WORKER === 'off') return; // tests and the seed deliver (or not) explicitly
  running ??= deliverDueMail()
    .catch((e) => console.error('[mail]', e))
    .finally(() => (running = undefined));
}

export function startMailWorker(intervalMs = 5000) {
  const timer = setInterval(kickMailDelivery, intervalMs);
  timer.unref();
  kickMailDelivery();
}

/** Run `job` every `intervalMs` in the server process, never two at once, errors logged. */
export function every(intervalMs: number, job: () => Promise<unknown>) {
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    job()
      .catch((e) => console.error('[job]', e))
      .finally(() => (busy = false));
  };
  setInterval(tick, intervalMs).unref();
  tick();
}
