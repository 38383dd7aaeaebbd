import { expect, test } from '@playwright/test';
import { db, LOGINS, signInWithLink, signInWithPassword } from './support';

test('the director publishes a new charter version and a parent acknowledges it', async ({ page, browser }) => {
  await signInWithPassword(page, LOGINS.director);
  await page.getByRole('link', { name: 'Afspraken', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wederzijdse verwachtingen beheren');
  await expect(page.getByTestId('ack-row').first()).toHaveText(/\d+ van \d+ ouders/);
  await page.getByLabel('Titel', { exact: true }).fill('Afspraken ouders en school 2027');
  await page.getByRole('button', { name: 'Publiceren als nieuwe versie' }).click();
  await expect(page.getByText('Opgeslagen.')).toBeVisible();
  const school = await db.school.findUniqueOrThrow({ where: { slug: 'distelvlinder' } });
  const v2 = await db.charterVersion.findFirstOrThrow({ where: { schoolId: school.id, number: 2 } });
  expect(v2.publishedAt).not.toBeNull();

  const parent = await browser.newPage();
  await signInWithLink(parent, 'ouder2@distelvlinder.demo');
  await expect(parent.getByRole('region', { name: 'Wilt u de afspraken lezen?' })).toBeVisible();
  await parent.getByRole('link', { name: 'Afspraken lezen' }).click();
  await expect(parent.getByRole('heading', { level: 1 })).toHaveText('Afspraken ouders en school 2027');
  await expect(parent.getByRole('heading', { name: '1. Visie op ouderbetrokkenheid moet zichtbaar zijn' })).toBeVisible();
  await parent.getByRole('button', { name: 'Ik heb dit gelezen en ga akkoord' }).click();
  await expect(parent).toHaveURL(/\/ouder$/);
  await expect(parent.getByRole('region', { name: 'Wilt u de afspraken lezen?' })).toHaveCount(0);
  const user = await db.user.findUniqueOrThrow({ where: { email: 'ouder2@distelvlinder.demo' } });
  expect(await db.charterAcknowledgement.count({ where: { versionId: v2.id, userId: user.id } })).toBe(1);
  await parent.close();
});
