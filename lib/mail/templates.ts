import 'server-only';
import { renderBookingMail } from '@/lib/bookings/mail';

type Rendered = { subject: string; text: string; icsFile: string | null };

/** Mail stored as template + values (see OutboxMail.template), rendered by the outbox worker. */
export async function renderTemplate(template: string, params: unknown): Promise<Rendered> {
  const p = params as Parameters<typeof renderBookingMail>[1] & { startsAt: string; endsAt: string };
  switch (template) {
    case 'booking_confirmed':
      return renderBookingMail('booked', { ...p, startsAt: new Date(p.startsAt), endsAt: new Date(p.endsAt) });
    default:
      throw new Error(`unknown mail template ${template}`);
  }
}
