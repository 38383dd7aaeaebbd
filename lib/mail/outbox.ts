import 'server-only';
import nodemailer from 'nodemailer';
import type { Tx } from '@/lib/db';
import { prisma } from '@/lib/db';

export type MailInput = { to: string; subject: string; text: string; kind: string; schoolId?: string | null; icsFile?: string | null };

/** Queue a mail inside the caller's transaction: it is sent only if the change commits. */
export async function enqueueMail(tx: Tx, mail: MailInput) {
  return tx.outboxMail.create({ data: { ...mail, schoolId: mail.schoolId ?? null, icsFile: mail.icsFile ?? null } });
}

/** Without SMTP_URL the portal runs in demo mode: mail is printed to the terminal and shown on /demo/mail. */
export function isDemoMail() {
  return !process.env.SMTP_URL;
}

let transport: nodemailer.Transporter | undefined;
function smtp() {
  transport ??= nodemailer.createTransport(process.env.SMTP_URL);
  return transport;
}

type Claimed = { id: string; to: string; subject: string; text: string; icsFile: string | null; template: string | null; params: unknown; attempts: number };

/**
 * Deliver due mail. Rows are claimed with SKIP LOCKED and pushed back with exponential backoff
 * before sending, so two workers never send the same mail and a crash mid-send retries later.
 */
export async function deliverDueMail(batch = 20): Promise<number> {
  const claimed = await prisma.$queryRaw<Claimed[]>`
    UPDATE "OutboxMail" SET attempts = attempts + 1,
      "nextAttemptAt" = now() + make_interval(secs => least(3600, 15 * power(2, attempts)))
    WHERE id IN (
      SELECT id FROM "OutboxMail" WHERE "sentAt" IS NULL AND "nextAttemptAt" <= now() AND attempts < 10
      ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, text, "icsFile", template, params, attempts`;
  for (const mail of claimed) {
    try {
      if (mail.template && !mail.subject) {
        const { renderTemplate } = await import('./templates');
        Object.assign(mail, await renderTemplate(mail.template, mail.params));
        await prisma.outboxMail.update({ where: { id: mail.id }, data: { subject: mail.subject, text: mail.text, icsFile: mail.icsFile } });
      }
      if (isDemoMail()) {
        console.log(`\n[mail] to ${mail.to}: ${mail.subject}\n${mail.text}\n`);
      } else {
        await smtp().sendMail({
          from: process.env.MAIL_FROM ?? 'Ouderportaal <noreply@localhost>',
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          icalEvent: mail.icsFile ? { method: 'PUBLISH', filename: 'gesprek.ics', content: mail.icsFile } : undefined,
        });
      }
      await prisma.outboxMail.update({ where: { id: mail.id }, data: { sentAt: new Date(), lastError: null } });
    } catch (e) {
      await prisma.outboxMail.update({ where: { id: mail.id }, data: { lastError: String(e).slice(0, 500) } });
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
