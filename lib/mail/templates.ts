import 'server-only';
import { renderTalkMail, type TalkMail } from './talk';

type Rendered = { subject: string; text: string; icsFile: string | null };

/** Mail stored as template + values (see OutboxMail.template), rendered by the outbox worker. */
export async function renderTemplate(template: string, params: unknown): Promise<Rendered> {
  const p = params as TalkMail & { startsAt: string; endsAt: string; previousStartsAt?: string };
  const talk = { ...p, startsAt: new Date(p.startsAt), endsAt: new Date(p.endsAt), previousStartsAt: p.previousStartsAt ? new Date(p.previousStartsAt) : undefined };
  switch (template) {
    case 'booking_confirmed':
      return renderTalkMail('booked', talk);
    case 'booking_moved':
      return renderTalkMail('moved', talk);
    default:
      throw new Error(`unknown mail template ${template}`);
  }
}
