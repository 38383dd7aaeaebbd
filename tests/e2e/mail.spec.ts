import { expect, test } from '@playwright/test';
import { db, LOGINS, signInWithPassword } from './support';

test('mail the outbox gave up on is shown to the director, who sends it again', async ({ page }) => {
  const school = await db.school.findFirstOrThrow({ where: { name: { contains: 'Distelvlinder' } } });
  const mail = await db.outboxMail.create({
    data: { schoolId: school.id, to: 'oud.adres@voorbeeld.nl', subject: 'Bevestiging: gesprek over Daan', text: 'Tot dan.', kind: 'booking_confirmed', attempts: 56, failedAt: new Date(), lastError: '550 5.1.1 mailbox unavailable' },
  });
  try {
    await signInWithPassword(page, LOGINS.director);
    await page.goto('/directie');
    await page.getByRole('link', { name: 'Bekijk niet afgeleverde e-mail' }).click();
    const list = page.getByTestId('mail-failures');
    await expect(list).toContainText('oud.adres@voorbeeld.nl');
    await expect(list).toContainText('550 5.1.1 mailbox unavailable');
    await list.getByRole('button', { name: /Opnieuw versturen: Bevestiging: gesprek over Daan/ }).click();
    // It leaves the list and the outbox worker sends it (in the demo: prints it and marks it sent).
    await expect(page.getByText('oud.adres@voorbeeld.nl')).toHaveCount(0);
    await expect.poll(async () => (await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).sentAt !== null, { timeout: 15_000 }).toBe(true);
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).failedAt).toBeNull();
  } finally {
    await db.outboxMail.delete({ where: { id: mail.id } }).catch(() => {});
  }
});
