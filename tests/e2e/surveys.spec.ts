import { expect, test } from '@playwright/test';
import { dayIn, db, LOGINS, signInWithLink, signInWithPassword } from './support';

test('the director opens the schoolscan for two groups and the team; a parent answers; results hide what is too small', async ({ page, browser }) => {
  const parentEmail = 'ouder2@distelvlinder.demo'; // Sanne (3A) and Daan (6)
  await signInWithPassword(page, LOGINS.director);
  await page.getByRole('link', { name: 'Enquêtes', exact: true }).click();
  await page.getByLabel('Sjabloon', { exact: true }).selectOption({ label: 'Schoolscan: samenwerken van ouders en school' });
  await page.getByLabel('Team', { exact: true }).check();
  await page.getByLabel('3A', { exact: true }).check();
  await page.getByLabel('6', { exact: true }).check();
  const now = new Date();
  const local = (d: Date) => new Date(+d - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await page.getByLabel('Opent', { exact: true }).fill(local(new Date(+now - 3_600_000)));
  await page.getByLabel('Sluit', { exact: true }).fill(local(new Date(+now + 7 * 86_400_000)));
  await page.getByRole('button', { name: 'Enquête openen' }).click();
  await expect(page.getByText('De enquête is geopend')).toBeVisible();
  const survey = await db.survey.findFirstOrThrow({ where: { templateKey: 'schoolscan' }, include: { questions: true } });

  const parent = await browser.newPage();
  await signInWithLink(parent, parentEmail);
  await parent.getByRole('link', { name: 'Enquêtes', exact: true }).click();
  await parent.getByRole('link', { name: 'Invullen' }).click();
  await expect(parent.getByText('Deze enquête is anoniem')).toBeVisible();
  for (const group of await parent.getByRole('group').filter({ has: parent.getByText('helemaal eens') }).all()) await group.getByText('eens', { exact: true }).click();
  await expect(parent.getByText('Uw antwoorden zijn bewaard.')).toBeVisible();
  await parent.getByRole('button', { name: 'Versturen' }).click();
  await expect(parent.getByRole('status').filter({ hasText: /ingevuld|verstuurd/ })).toBeVisible();
  await parent.close();

  // The answer waits apart from the spent invitation until enough others arrive (or the survey closes),
  // so neither its id nor its transaction ties it to the parent.
  expect(await db.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(0);
  const pending = await db.surveyPendingResponse.findFirstOrThrow({ where: { surveyId: survey.id } });
  const answers = pending.answers as { likert?: number }[] | Record<string, { likert?: number }>;
  expect(Object.values(answers).filter((a) => a.likert === 4)).toHaveLength(survey.questions.length);

  // An open anonymous survey shows how many answered, never what: results come after the close.
  await page.goto(`/directie/enquetes/${survey.id}`);
  await expect(page.getByTestId('rate-GUARDIANS')).toContainText('1 van');
  await expect(page.getByTestId('results-withheld')).toBeVisible();
  await expect(page.getByTestId('result-GUARDIANS')).toHaveCount(0);
  const csv = await page.request.get(`/api/surveys/${survey.id}/csv`);
  expect(csv.status()).toBe(403);

  // Feedback loop: an action and a published summary, which parents see on their home page.
  await page.locator('summary', { hasText: 'Actie toevoegen' }).click();
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Actie toevoegen' }) });
  await form.getByLabel('Wat we hoorden', { exact: true }).fill('Ouders willen vaker horen hoe het met hun kind gaat.');
  await form.getByLabel('Wat we gaan doen', { exact: true }).fill('Na elk gesprek een samenvatting in het portaal.');
  await form.getByLabel('Wie', { exact: true }).fill('Team onderbouw');
  await form.getByLabel('Vanaf', { exact: true }).fill(dayIn(0));
  await form.getByLabel('Klaar op', { exact: true }).fill(dayIn(60));
  await form.getByRole('button', { name: 'Actie toevoegen' }).click();
  await expect(page.getByTestId('survey-action')).toContainText('Team onderbouw');
  await page.getByLabel('Samenvatting voor ouders').fill('Dank voor het invullen! Dit hoorden we en dit gaan we doen.');
  await page.getByRole('button', { name: 'Publiceren voor ouders' }).click();
  await expect(page.getByText('De samenvatting staat op de startpagina van de ouders.')).toBeVisible();

  const reader = await browser.newPage();
  await signInWithLink(reader, 'informatie@distelvlinder.demo');
  await expect(reader.getByRole('region', { name: /Uitkomst: Schoolscan/ })).toContainText('Dank voor het invullen!');
  await expect(reader.getByRole('region', { name: /Uitkomst: Schoolscan/ })).toContainText('Na elk gesprek een samenvatting in het portaal.');
  await reader.close();
});
