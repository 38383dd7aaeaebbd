// Next.js calls register() once per server start: the outbox worker lives in the server process.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.DATABASE_URL && process.env.MAIL_WORKER !== 'off') {
    const { startMailWorker } = await import('@/lib/mail/outbox');
    startMailWorker();
  }
}
