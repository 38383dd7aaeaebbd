import { expect, test } from '@playwright/test';
import { zonedDateKey } from '@/lib/format/time';
import { dayIn, db, LOGINS, schoolDayIn, signInWithPassword } from './support';

test('a teacher sees the round, the information evening turnout and marks a talk as held in the day view', async ({ page }) => {
  const teacher = await db.user.findUniqueOrThrow({ where: { email: LOGINS.teacher } });
  const talk = await db.booking.findFirstOrThrow({
    where: { claims: { some: { slot: { group: { teachers: { some: { userId: teacher.id } } } } } } },
    include: { child: true, claims: { include: { slot: true } } },
  });
  await signInWithPassword(page, LOGINS.teacher);
  await page.getByRole('link', { name: 'Gesprekken', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welbevindengesprekken' })).toBeVisible();
  await expect(page.getByTestId('participation').first()).toHaveText(/\d+ van \d+ gezinnen \(\d+%\)/);

  await page.goto(`/gesprekken/dag?datum=${zonedDateKey(talk.claims[0].slot.startsAt)}`);
  const row = page.getByTestId('day-row').filter({ hasText: talk.child.firstName });
  await row.getByRole('button', { name: 'Gehouden' }).click();
  await expect(row.getByRole('button', { name: 'Gehouden' })).toHaveAttribute('aria-pressed', 'true');
  expect((await db.booking.findUniqueOrThrow({ where: { id: talk.id } })).attendance).toBe('HELD');
});

test('the director opens a new round for two groups; slots appear and progress shows who still has to book', async ({ page }) => {
  await signInWithPassword(page, LOGINS.director);
  await page.goto('/gesprekken');
  await page.getByText('Nieuwe gespreksronde').click();
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Ronde openen' }) });
  await form.getByLabel('Soort gesprek').selectOption({ label: 'Rapportgesprek 1 (10 min)' });
  await form.getByLabel('Naam van de ronde').fill('Rapportgesprekken februari');
  await form.getByLabel('Groep 3A').check();
  await form.getByLabel('Groep 4A').check();
  await form.getByLabel('Datum', { exact: true }).first().fill(await schoolDayIn(28));
  await form.getByLabel('Van', { exact: true }).first().fill('15:00');
  await form.getByLabel('Tot', { exact: true }).first().fill('16:00');
  await form.getByLabel('Wisseltijd (min)').fill('5');
  await form.getByLabel('Inschrijven opent', { exact: true }).fill(`${dayIn(14)}T19:00`);
  await form.getByLabel('Sluitingsdatum', { exact: true }).fill(`${dayIn(25)}T12:00`);
  await form.getByRole('button', { name: 'Ronde openen' }).click();
  await expect(page.getByText('De ronde is aangemaakt met 8 gespreksmomenten.')).toBeVisible(); // 4 per group
  await page.getByRole('link', { name: 'Bekijk de voortgang' }).click();
  await expect(page.getByTestId('progress').first()).toHaveText(/^0 van \d+ kinderen hebben een gesprek$/);
});

test('the round form rejects a deadline before the opening, in Dutch, and creates nothing', async ({ page }) => {
  const before = await db.talkRound.count();
  await signInWithPassword(page, LOGINS.director);
  await page.goto('/gesprekken');
  await page.getByText('Nieuwe gespreksronde').click();
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Ronde openen' }) });
  await form.getByLabel('Groep 3A').check();
  await form.getByLabel('Datum', { exact: true }).first().fill(await schoolDayIn(28));
  await form.getByLabel('Van', { exact: true }).first().fill('15:00');
  await form.getByLabel('Tot', { exact: true }).first().fill('16:00');
  await form.getByLabel('Inschrijven opent', { exact: true }).fill(`${dayIn(25)}T19:00`);
  await form.getByLabel('Sluitingsdatum', { exact: true }).fill(`${dayIn(14)}T12:00`);
  await form.getByRole('button', { name: 'Ronde openen' }).click();
  await expect(page.getByText('De sluitingsdatum moet na de opening liggen.')).toBeVisible();
  expect(await db.talkRound.count()).toBe(before);
});
