import { expect, test, type Page } from '@playwright/test';
import { db, LOGINS, signInWithLink, signInWithPassword } from './support';

// Through real HTTP against the built app: each role may read what it should and gets 404 for
// everything else (the same answer as for an id that does not exist).

async function ids() {
  const school = await db.school.findUniqueOrThrow({ where: { slug: 'distelvlinder' } });
  const other = await db.school.findUniqueOrThrow({ where: { slug: 'de-regenboog' } });
  const guardian = await db.user.findUniqueOrThrow({ where: { email: LOGINS.guardian } });
  const teacher = await db.user.findUniqueOrThrow({ where: { email: LOGINS.teacher } });
  const ownChild = await db.child.findFirstOrThrow({ where: { schoolId: school.id, guardianships: { some: { userId: guardian.id } } } });
  const otherFamilyChild = await db.child.findFirstOrThrow({ where: { schoolId: school.id, guardianships: { none: { userId: guardian.id } } } });
  const ownPupil = await db.child.findFirstOrThrow({ where: { enrolments: { some: { group: { teachers: { some: { userId: teacher.id } } } } } } });
  const otherGroupPupil = await db.child.findFirstOrThrow({ where: { schoolId: school.id, enrolments: { some: { group: { teachers: { none: { userId: teacher.id } } } } } } });
  const otherSchoolChild = await db.child.findFirstOrThrow({ where: { schoolId: other.id } });
  return { ownChild, otherFamilyChild, ownPupil, otherGroupPupil, otherSchoolChild };
}

async function status(page: Page, childId: string) {
  return (await page.request.get(`/api/children/${childId}`)).status();
}

test('without signing in, the API answers 401 and pages send you to sign in', async ({ page }) => {
  const { ownChild } = await ids();
  expect(await status(page, ownChild.id)).toBe(401);
  for (const path of ['/ouder', '/leerkracht', '/directie', `/kind/${ownChild.id}`]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/inloggen$/);
  }
});

test('a guardian reads their own child only', async ({ page }) => {
  const c = await ids();
  await signInWithLink(page, LOGINS.guardian);
  const res = await page.request.get(`/api/children/${c.ownChild.id}`);
  expect(res.status()).toBe(200);
  expect((await res.json()).child.firstName).toBe(c.ownChild.firstName);
  expect(await status(page, c.otherFamilyChild.id)).toBe(404);
  expect(await status(page, c.otherSchoolChild.id)).toBe(404);

  await page.goto(`/kind/${c.otherFamilyChild.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Niet gevonden');
  await expect(page.getByText(c.otherFamilyChild.lastName)).toHaveCount(0);
  for (const path of ['/leerkracht', '/directie', '/directie/import']) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
  }
});

test('a teacher reads the pupils of their own groups only', async ({ page }) => {
  const c = await ids();
  await signInWithPassword(page, LOGINS.teacher);
  expect(await status(page, c.ownPupil.id)).toBe(200);
  expect(await status(page, c.otherGroupPupil.id)).toBe(404);
  expect(await status(page, c.otherSchoolChild.id)).toBe(404);
  expect((await page.request.get('/directie')).status()).toBe(404);
  expect((await page.request.get('/ouder')).status()).toBe(404);
});

test('a director reads the whole school and nothing of another school', async ({ page }) => {
  const c = await ids();
  await signInWithPassword(page, LOGINS.director);
  expect(await status(page, c.otherFamilyChild.id)).toBe(200);
  expect(await status(page, c.otherGroupPupil.id)).toBe(200);
  expect(await status(page, c.otherSchoolChild.id)).toBe(404);
});

test("the other school's director cannot read De Distelvlinder", async ({ page }) => {
  const c = await ids();
  await signInWithPassword(page, LOGINS.otherDirector);
  expect(await status(page, c.otherSchoolChild.id)).toBe(200);
  expect(await status(page, c.ownChild.id)).toBe(404);
});
