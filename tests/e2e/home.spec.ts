import { expect, test } from '@playwright/test';
import { fullName } from '@/lib/format/name';
import { db, LOGINS, signInWithLink, signInWithPassword } from './support';

test('a parent signs in with an e-mail link on a phone and sees each child with group and teacher @phone', async ({ page }) => {
  const children = await db.child.findMany({
    where: { guardianships: { some: { user: { email: LOGINS.guardian } } } },
    select: { firstName: true, prefix: true, lastName: true, enrolments: { select: { group: { select: { name: true, teachers: { select: { user: true } } } } } } },
  });
  expect(children.length).toBeGreaterThanOrEqual(2);

  await signInWithLink(page, LOGINS.guardian, { fresh: true });
  await expect(page).toHaveURL(/\/ouder$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn kinderen');
  for (const child of children) {
    const card = page.getByRole('region', { name: fullName(child) });
    const group = child.enrolments[0].group;
    await expect(card).toContainText(`Groep ${group.name}`);
    for (const { user } of group.teachers) await expect(card).toContainText(fullName(user));
  }

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My children');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The choice is kept on the account; switching back restores Dutch.
  expect((await db.user.findUniqueOrThrow({ where: { email: LOGINS.guardian } })).locale).toBe('en');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn kinderen');
});

test('a used or made-up sign-in link does not sign anyone in', async ({ page }) => {
  await page.goto('/inloggen/link?token=this-token-was-never-issued-by-the-portal');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // (Next.js's own route announcer is an empty role=alert too, hence the filter.)
  await expect(page.getByRole('alert').filter({ hasText: 'verlopen of al gebruikt' })).toBeVisible();
  await page.goto('/ouder');
  await expect(page).toHaveURL(/\/inloggen/);
});

test('the sign-in form rejects a malformed address with a Dutch message and sends nothing', async ({ page }) => {
  const before = await db.outboxMail.count();
  await page.goto('/inloggen');
  await page.getByLabel(/^e-mailadres/i).first().fill('geen-adres');
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await expect(page.getByText('Vul een geldig e-mailadres in.')).toBeVisible();
  expect(await db.outboxMail.count()).toBe(before);
});

test('a teacher signs in with a password and sees their groups, pupils and duo colleague', async ({ page }) => {
  const teacher = await db.user.findUniqueOrThrow({
    where: { email: LOGINS.teacher },
    select: { id: true, groupTeachers: { select: { group: { select: { name: true, _count: { select: { enrolments: true } }, teachers: { select: { user: true } } } } } } },
  });
  await signInWithPassword(page, LOGINS.teacher, undefined, { fresh: true });
  await expect(page).toHaveURL(/\/leerkracht$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn groepen');
  for (const { group } of teacher.groupTeachers) {
    const card = page.getByRole('region', { name: new RegExp(`Groep ${group.name}`) });
    await expect(card.getByRole('row')).toHaveCount(group._count.enrolments + 1);
    for (const { user } of group.teachers.filter((x) => x.user.id !== teacher.id)) await expect(card).toContainText(fullName(user));
  }
});

test('the director sees the school in numbers and the team, in Dutch and English', async ({ page }) => {
  const school = await db.school.findUniqueOrThrow({ where: { slug: 'distelvlinder' }, select: { id: true } });
  const groups = await db.group.count({ where: { schoolId: school.id } });
  await signInWithPassword(page, LOGINS.director, undefined, { fresh: true });
  await expect(page).toHaveURL(/\/directie$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Schooloverzicht');
  await expect(page.getByTestId('total-groups')).toHaveText(String(groups));
  await expect(page.getByRole('region', { name: 'Team' }).getByRole('row')).toHaveCount(26);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('School overview');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Schooloverzicht');
});

test('a wrong password is refused with a translated message', async ({ page }) => {
  await page.goto('/inloggen');
  const staff = page.getByRole('region', { name: /medewerkers/i });
  await staff.getByLabel(/e-mail/i).fill(LOGINS.teacher);
  await staff.getByLabel(/wachtwoord/i).fill('niet-het-wachtwoord');
  await staff.getByRole('button', { name: /inloggen met wachtwoord/i }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Dit e-mailadres en wachtwoord horen niet bij elkaar.' })).toBeVisible();
  await expect(page).toHaveURL(/\/inloggen/);
});
