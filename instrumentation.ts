// Next.js calls register() once per server start: the outbox worker and the periodic jobs (reminders, fair allocation, deleting files past retention, closing surveys) live in
// the server process (claims in the database keep several server processes from doubling work).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.DATABASE_URL && process.env.MAIL_WORKER !== 'off') {
    const { startMailWorker, every } = await import('@/lib/mail/outbox');
    const { sendDueReminders } = await import('@/lib/bookings/reminders');
    const { allocateDueRounds } = await import('@/lib/bookings/fair');
    const { deleteExpiredFiles } = await import('@/lib/records/retention');
    const { closeDueSurveys } = await import('@/lib/surveys/service');
    startMailWorker();
    every(10 * 60_000, () => sendDueReminders());
    every(60_000, () => allocateDueRounds());
    every(6 * 3600_000, () => deleteExpiredFiles());
    every(3600_000, async () => (await import('@/lib/auth/prune')).pruneAuthRows());
    every(5 * 60_000, () => closeDueSurveys());
    // After a talk round: the two questions to the families who had a talk (lib/surveys/after-round.ts).
    every(15 * 60_000, async () => (await import('@/lib/surveys/after-round')).inviteAfterRound());
    // The daily digests go out after the digest moment (lib/notify/digest.ts); a run sends each item once.
    every(15 * 60_000, async () => (await import('@/lib/notify/digest')).sendDigests());
    // Taking part: activities' fair allocation after the deadline and the day-before reminders.
    every(5 * 60_000, async () => (await import('@/lib/participation/activities')).runActivityJobs());
    every(15 * 60_000, async () => (await import('@/lib/meetings/service')).remindMeetings());
  }
}
