import 'server-only';
import { headers } from 'next/headers';
import { CLIENT_ADDRESS_HEADER, isLoopback } from '@/scripts/edge.mjs';
import { isDemoMail } from './outbox';

/**
 * The demo mailbox shows every sign-in link, so it exists only while the portal serves the demo (no
 * SMTP_URL, unlike any real installation) and only for a browser on this machine: the address is the
 * one scripts/server.mjs took from the socket, not anything the client wrote.
 */
export async function demoMailboxOpen() {
  if (!isDemoMail()) return false;
  const h = await headers();
  // Asked for by a local name too: a web page elsewhere that rebinds its own name to 127.0.0.1 cannot read it.
  const host = (h.get('host') ?? '').replace(/:\d+$/, '');
  return isLoopback(h.get(CLIENT_ADDRESS_HEADER)) && ['localhost', '127.0.0.1', '[::1]'].includes(host);
}
