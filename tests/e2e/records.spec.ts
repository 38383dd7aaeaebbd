import { expect, test } from '@playwright/test';
import { db, LOGINS, signInWithLink, signInWithPassword } from './support';

test('a teacher records a well-being talk with three agreements; the parent responds; another family sees nothing', async ({ page, browser }) => {
  const teacher = await db.user.findUniqueOrThrow({ where: { email: LOGINS.teacher } });
  const child = await db.child.findFirstOrThrow({
    where: { enrolments: { some: { group: { teachers: { some: { userId: teacher.id } } } } }, guardianships: { some: { right: 'AUTHORITY' } } },
    include: { guardianships: { where: { right: 'AUTHORITY' }, include: { user: true } } },
  });
  await signInWithPassword(page, LOGINS.teacher);
  await page.goto(`/kind/${child.id}`);
  await page.getByRole('link', { name: 'Gesprek vastleggen' }).click();
  await page.getByLabel('Soort gesprek').selectOption({ label: 'Welbevindengesprek' });
  await page.getByLabel(/^Huidige situatie/).fill('Gaat graag naar school, vindt rekenen lastig.');
  await page.getByLabel(/^Afspraken: wie doet wat/).fill('Zie de afspraken hieronder.');
  const agreements = [
    ['Kind', 'Oefent elke dag tien minuten de tafels.'],
    ['Ouder', 'Overhoort de tafels twee keer per week.'],
    ['Leerkracht', 'Geeft een tafelkaart mee naar huis.'],
  ];
  for (const [i, [who, what]] of agreements.entries()) {
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    const row = page.getByTestId('agreement-row').nth(i);
    await row.getByLabel('Wie').selectOption({ label: who });
    await row.getByLabel(`Afspraak ${i + 1}`).fill(what);
  }
  await expect(page.getByText('Concept bewaard.')).toBeVisible();
  await page.getByRole('button', { name: 'Publiceren voor ouders' }).click();
  await expect(page).toHaveURL(new RegExp(`/kind/${child.id}$`));
  await expect(page.getByTestId('agreement')).toHaveCount(3);

  // The parent reads it and responds to one agreement.
  const parent = await browser.newPage();
  await signInWithLink(parent, child.guardianships[0].user.email);
  await parent.goto(`/kind/${child.id}`);
  const parentRow = parent.getByTestId('agreement').filter({ hasText: 'Overhoort de tafels' });
  await parentRow.getByLabel('Toelichting').fill('Lukt nog niet elke week.');
  await parentRow.getByRole('button', { name: 'Hulp nodig' }).click();
  await expect(parentRow).toContainText('Ouder: hulp nodig: Lukt nog niet elke week.');
  await parent.getByText('Informatie toevoegen', { exact: true }).click();
  await parent.getByLabel(/^Informatie toevoegen/).fill('Sinds kort een bril.');
  await parent.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(parent.getByTestId('child-note')).toContainText('Sinds kort een bril.');
  // The complete file as JSON contains what the page shows.
  const exported = await (await parent.request.get(`/api/children/${child.id}/export`)).json();
  type Entry = { type: string; title?: string; text?: string; agreements?: { what: string }[] };
  const record = (exported.timeline as Entry[]).find((e) => e.type === 'record' && e.title === 'Welbevindengesprek')!;
  expect(record.agreements!.map((a) => a.what)).toEqual(agreements.map(([, what]) => what));
  expect((exported.timeline as Entry[]).find((e) => e.type === 'note')!.text).toBe('Sinds kort een bril.');

  // The teacher's home says a parent asked for help; at report talk 1 the teacher opens the record,
  // sees the open agreements with the parent's answer, and adjusts one.
  await page.goto('/leerkracht');
  await page.getByTestId('help-requests').getByRole('link', { name: new RegExp(`^${child.firstName}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/kind/${child.id}$`));
  await page.getByRole('link', { name: 'Gesprek vastleggen' }).click();
  await page.getByLabel('Soort gesprek').selectOption({ label: 'Rapportgesprek 1' });
  const open = page.getByRole('region', { name: 'Open afspraken van eerdere gesprekken' });
  await expect(open.getByTestId('agreement')).toHaveCount(3);
  await expect(open.getByTestId('agreement').filter({ hasText: 'Overhoort de tafels' })).toContainText('Ouder: hulp nodig: Lukt nog niet elke week.');
  const teacherRow = open.getByTestId('agreement').filter({ hasText: 'Oefent elke dag' });
  await teacherRow.getByLabel('Status').selectOption({ label: 'bijgesteld' });
  await teacherRow.getByLabel('Toelichting').fill('Vijf minuten per dag is genoeg.');
  await teacherRow.getByRole('button', { name: 'Opslaan' }).click();
  await expect(teacherRow.getByTestId('agreement-status')).toHaveText('bijgesteld');
  await expect(teacherRow).toContainText('Vijf minuten per dag is genoeg.');
  await page.goto(`/kind/${child.id}`);
  await expect(page.getByTestId('agreement').filter({ hasText: 'Oefent elke dag' }).getByTestId('agreement-status')).toHaveText('bijgesteld');

  // Another family: neither the page nor the API shows the child.
  const stranger = await db.user.findFirstOrThrow({ where: { email: 'ouder2@distelvlinder.demo' } });
  expect(await db.guardianship.count({ where: { userId: stranger.id, childId: child.id } })).toBe(0);
  const other = await browser.newPage();
  await signInWithLink(other, 'ouder2@distelvlinder.demo');
  await other.goto(`/kind/${child.id}`);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Niet gevonden');
  await expect(other.getByText('Oefent elke dag')).toHaveCount(0);
  expect((await other.request.get(`/api/children/${child.id}`)).status()).toBe(404);
  await parent.close();
  await other.close();

  // The director sees who at school read and changed the file.
  const director = await browser.newPage();
  await signInWithPassword(director, LOGINS.director);
  await director.goto(`/kind/${child.id}`);
  await director.getByRole('link', { name: 'Wie las of wijzigde dit dossier?' }).click();
  await expect(director.getByTestId('audit-row').filter({ hasText: 'Loes Brouwer' }).filter({ hasText: 'gewijzigd · gespreksverslag' }).first()).toBeVisible();
  await expect(director.getByTestId('audit-row').filter({ hasText: 'Loes Brouwer' }).filter({ hasText: 'gelezen' }).first()).toBeVisible();
  await director.close();
});
