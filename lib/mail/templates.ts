import 'server-only';
import { renderTalkMail, type TalkMail } from './talk';

type Rendered = { subject: string; text: string; icsFile: string | null };

/** Mail stored as template + values (see OutboxMail.template), rendered by the outbox worker. */
export async function renderTemplate(template: string, params: unknown): Promise<Rendered> {
  const p = params as TalkMail & { startsAt: string; endsAt: string };
  switch (template) {
    case 'booking_confirmed':
      return renderTalkMail('booked', { ...p, startsAt: new Date(p.startsAt), endsAt: new Date(p.endsAt) });
    default:
      throw new Error(`unknown mail template ${template}`);
  }
}
