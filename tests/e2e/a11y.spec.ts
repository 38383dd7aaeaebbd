import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { db, LOGINS, signInWithLink, signInWithPassword } from './support';

// WCAG 2.2 AA checks by axe-core on the main page of every role, in Dutch.
async function expectNoViolations(page: Page, name: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
  expect(summary, name).toEqual([]);
  expect(result.passes.length, `${name}: axe ran its rules`).toBeGreaterThan(10);
}

test('the check itself catches a violation', async ({ page }) => {
  await page.goto('/inloggen');
  // After hydration, or React may replace the element before axe looks.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div><input id="unlabelled" type="text"></div>'));
  await expect(page.locator('#unlabelled')).toHaveCount(1);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a']).analyze();
  expect(result.violations.map((v) => v.id)).toContain('label');
});

test('sign-in page', async ({ page }) => {
  await page.goto('/inloggen');
  await expectNoViolations(page, '/inloggen');
});

test('parent pages', async ({ page }) => {
  test.setTimeout(180_000); // eighteen pages, each with a full axe run
  await signInWithLink(page, LOGINS.guardian);
  await expectNoViolations(page, '/ouder');
  const round = await db.talkRound.findFirstOrThrow({ where: { name: 'Welbevindengesprekken' } });
  await page.goto(`/ouder/gesprekken/${round.id}`);
  await expectNoViolations(page, 'booking');
  await page.goto('/afspraken');
  await expectNoViolations(page, '/afspraken');
  // Daan's file (seeded with a record, a plan, a moment and a preparation) and the preparation form.
  const mother = await db.user.findUniqueOrThrow({ where: { email: LOGINS.guardian } });
  const daan = await db.child.findFirstOrThrow({ where: { firstName: 'Daan', guardianships: { some: { userId: mother.id } } } });
  await page.goto(`/kind/${daan.id}`);
  await expectNoViolations(page, 'child file');
  await page.goto(`/kind/${daan.id}/voorbereiden/${round.id}`);
  await expectNoViolations(page, 'preparation');
  // Being heard: reporting, conversations, announcements, each list and form.
  for (const path of ['/melden', '/melden/ziek', '/melden/verlof', '/melden/wijziging', '/berichten', '/berichten/nieuw', '/berichten/zorg', '/mededelingen', '/helpen', '/helpen/talenten', '/bijeenkomsten', '/account']) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
  await page.goto('/berichten');
  await page.getByTestId('thread-row').first().getByRole('link').first().click();
  await expectNoViolations(page, 'a conversation');
  await page.goto('/mededelingen');
  await page.getByRole('main').getByRole('listitem').first().getByRole('link').first().click();
  await expectNoViolations(page, 'an announcement');
});

test('teacher pages', async ({ page }) => {
  test.setTimeout(150_000); // fourteen pages, each with a full axe run
  await signInWithPassword(page, LOGINS.teacher);
  await expectNoViolations(page, '/leerkracht');
  await page.goto('/gesprekken');
  await expectNoViolations(page, '/gesprekken');
  await page.goto('/gesprekken/dag');
  await expectNoViolations(page, '/gesprekken/dag');
  const teacher = await db.user.findUniqueOrThrow({ where: { email: LOGINS.teacher } });
  const pupil = await db.child.findFirstOrThrow({ where: { enrolments: { some: { group: { teachers: { some: { userId: teacher.id } } } } } }, orderBy: { pupilNumber: 'asc' } });
  await page.goto(`/kind/${pupil.id}/gesprek`);
  await expectNoViolations(page, 'record editor');
  for (const path of ['/vandaag', '/berichten', '/mededelingen', '/mededelingen/nieuw', '/helpen', '/helpen/nieuw', '/bijeenkomsten', '/bijeenkomsten/nieuw', '/account']) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
  // The inbox's first (most urgent) conversation, with its reply and hand-over forms.
  await page.goto('/berichten');
  await page.getByTestId('thread-row').first().getByRole('link').first().click();
  await expectNoViolations(page, 'a conversation (staff)');
});

test('director pages', async ({ page }) => {
  test.setTimeout(200_000); // sixteen pages, each with a full axe run
  await signInWithPassword(page, LOGINS.director);
  const daan = await db.child.findFirstOrThrow({ where: { firstName: 'Daan', guardianships: { some: { user: { email: LOGINS.guardian } } } } });
  for (const path of ['/directie', '/directie/import', '/directie/afspraken', '/directie/enquetes', '/directie/bewaartermijn', '/directie/mail', '/directie/schooljaar', '/directie/team', '/directie/cyclus', '/directie/communicatie', '/directie/verlof', '/directie/wijzigingen', '/directie/bereik', '/mededelingen', '/account', `/kind/${daan.id}`]) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
});
