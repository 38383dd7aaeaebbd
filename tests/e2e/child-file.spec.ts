import { expect, test } from '@playwright/test';
import { addMonths } from 'date-fns';
import { apiAs, dayIn, db, LOGINS, signInWithLink, signInWithPassword } from './support';
import { zonedToUtc } from '@/lib/format/time';

// Daan (group 6, the demo mother's son) has a seeded file: a parent-tell record, a plan for home,
// an agreed moment and his mother's preparation of the open well-being round.
async function daan() {
  const mother = await db.user.findUniqueOrThrow({ where: { email: LOGINS.guardian } });
  const child = await db.child.findFirstOrThrow({
    where: { firstName: 'Daan', guardianships: { some: { userId: mother.id } } },
    include: { enrolments: { include: { group: { include: { teachers: { include: { user: true } } } } } } },
  });
  const group = child.enrolments[0].group;
  const round = await db.talkRound.findFirstOrThrow({ where: { schoolId: child.schoolId, stage: { key: 'well_being' } } });
  return { mother, child, group, teacher: group.teachers[0].user, round };
}

test('a parent prepares the well-being talk with the child on a phone; the teacher reads it in the day view and in the editor @phone', async ({ page, browser }) => {
  // A family from group 5 or up that booked in the seeded round (not the demo logins, whose bookings other tests make).
  const { round } = await daan();
  const booking = await db.booking.findFirstOrThrow({
    where: { roundId: round.id, householdKey: 'joint', child: { enrolments: { some: { group: { grade: { gte: 5 } } } } } },
    orderBy: { child: { pupilNumber: 'asc' } },
    include: { child: true, claims: { include: { slot: { include: { group: { include: { teachers: { include: { user: true } } } } } } } } },
  });
  const parentUser = await db.user.findUniqueOrThrow({ where: { id: booking.bookedById } });
  const slot = booking.claims[0].slot;

  await signInWithLink(page, parentUser.email);
  await page.goto('/ouder');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${booking.child.firstName}`) }) });
  await card.getByRole('link', { name: 'Gesprek voorbereiden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welbevindengesprek voorbereiden');
  // From group 5 the child answers too; the parents' part follows the stage agenda.
  await page.getByLabel(/^Huidige situatie/).fill('Gaat graag naar school. Rekenen blijft lastig.');
  await page.getByLabel('Hoe gaat het met je?').fill('Goed, ik heb een nieuwe vriend.');
  await page.getByRole('button', { name: 'Voorbereiding bewaren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Bewaard.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Hoe gaat het met je?')).toHaveValue('Goed, ik heb een nieuwe vriend.');

  const desk = await browser.newPage();
  await signInWithPassword(desk, slot.group.teachers[0].user.email);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(slot.startsAt);
  await desk.goto(`/gesprekken/dag?datum=${day}`);
  const row = desk.getByTestId('day-row').filter({ hasText: booking.child.lastName }).filter({ hasText: booking.child.firstName });
  await row.getByText('Voorbereiding ouders').click();
  await expect(row.getByTestId('day-preparation')).toContainText('Goed, ik heb een nieuwe vriend.');
  await expect(row.getByTestId('day-preparation')).toContainText('Rekenen blijft lastig.');

  // From the day view straight to the record, on the well-being agenda, with the preparation beside it.
  await row.getByRole('link', { name: 'Verslag' }).click();
  await expect(desk.getByLabel('Soort gesprek')).toHaveValue('well_being');
  await expect(desk.getByTestId('editor-preparation')).toContainText('Goed, ik heb een nieuwe vriend.');
  await desk.close();
});

test('a teacher agrees an extra moment (talk arrangement); it is in the parent\'s and the teacher\'s calendar feed', async ({ page, browser }) => {
  const { mother, child, teacher } = await daan();
  await signInWithPassword(page, teacher.email);
  await page.goto(`/kind/${child.id}`);
  await page.getByText('Extra moment afspreken').click();
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Moment afspreken' }) });
  await form.getByLabel('Waarvoor').fill('Evaluatie van het plan voor de tafels');
  // Three weeks from today, so the test holds on any day it runs; 15:30 Amsterdam time in UTC for the feed.
  const day = dayIn(21);
  await form.getByLabel('Datum').fill(day);
  await form.getByLabel('Tijd').fill('15:30');
  await form.getByRole('button', { name: 'Moment afspreken' }).click();
  await expect(page.getByTestId('timeline-moment').filter({ hasText: 'Evaluatie van het plan voor de tafels' })).toBeVisible();

  for (const user of [mother, teacher]) {
    const token = `e2e-feed-${user.id}`.padEnd(24, 'x').slice(0, 40);
    await db.user.update({ where: { id: user.id }, data: { calendarToken: token } });
    const feed = await (await page.request.get(`/api/calendar/${token}`)).text();
    expect(feed).toContain('Evaluatie van het plan voor de tafels');
    expect(feed).toContain(`DTSTART:${zonedToUtc(`${day}T15:30`).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`);
  }
  const mail = await db.outboxMail.findFirstOrThrow({ where: { to: mother.email, kind: 'moment_agreed' }, orderBy: { createdAt: 'desc' } });
  expect(mail.icsFile).toContain('Evaluatie van het plan voor de tafels');

  // The mother sees it in Daan's file; the timeline holds exactly what the JSON export holds.
  const parent = await browser.newPage();
  await signInWithLink(parent, LOGINS.guardian);
  await parent.goto(`/kind/${child.id}`);
  await expect(parent.getByTestId('timeline-moment').filter({ hasText: 'Evaluatie van het plan' })).toBeVisible();
  const shown = await parent.locator('[data-testid^="timeline-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('timeline-'.length)));
  const exported = await (await parent.request.get(`/api/children/${child.id}/export`)).json();
  expect(exported.timeline.map((e: { type: string }) => e.type)).toEqual(shown);
  expect(shown).toEqual(expect.arrayContaining(['record', 'guidance', 'preparation', 'moment', 'meeting']));

  const pdf = await parent.request.get(`/api/children/${child.id}/export?format=pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await parent.close();
});

test('nobody else reaches Daan\'s file, preparation or export: another parent, a teacher of another group, staff exports, another school', async ({ page }) => {
  const { child, round } = await daan();
  const paths = [`/kind/${child.id}`, `/kind/${child.id}/voorbereiden/${round.id}`, `/kind/${child.id}/gesprek`];
  const exports = [`/api/children/${child.id}/export`, `/api/children/${child.id}/export?format=pdf`];

  // Noor's father (information-only): a parent at the school, but not Daan's (ouder2@ is Daan's father).
  const stranger = await db.user.findUniqueOrThrow({ where: { email: 'informatie@distelvlinder.demo' } });
  expect(await db.guardianship.count({ where: { userId: stranger.id, childId: child.id } })).toBe(0);
  const otherTeacher = await db.user.findUniqueOrThrow({ where: { email: LOGINS.teacher } });
  expect(await db.groupTeacher.count({ where: { userId: otherTeacher.id, group: { enrolments: { some: { childId: child.id } } } } })).toBe(0);
  const otherDirector = await db.user.findUniqueOrThrow({ where: { email: LOGINS.otherDirector } });

  for (const user of [stranger, otherTeacher, otherDirector]) {
    const api = await apiAs(user.id);
    for (const path of [...paths, ...exports]) expect((await api.get(path)).status(), `${user.email} ${path}`).toBe(404);
    await api.dispose();
  }
  // Staff of the school see the file but cannot download a parent's access request.
  const director = await db.user.findUniqueOrThrow({ where: { email: LOGINS.director } });
  const asDirector = await apiAs(director.id);
  expect((await asDirector.get(`/kind/${child.id}`)).status()).toBe(200);
  for (const path of exports) expect((await asDirector.get(path)).status()).toBe(404);
  await asDirector.dispose();

  // And in the browser: the other parent gets "not found" and none of the file's words.
  await signInWithLink(page, stranger.email);
  await page.goto(`/kind/${child.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Niet gevonden');
  await expect(page.getByText('Tafels van 6, 7 en 8')).toHaveCount(0);
});

test('the director records that a pupil left and sets how long files are kept', async ({ page }) => {
  const school = await db.school.findUniqueOrThrow({ where: { slug: 'distelvlinder' } });
  const pupil = await db.child.findFirstOrThrow({ where: { schoolId: school.id, firstName: { not: 'Daan' }, guardianships: { none: { user: { email: { contains: 'distelvlinder.demo' } } } } }, orderBy: { pupilNumber: 'desc' } });
  await signInWithPassword(page, LOGINS.director);
  await page.goto('/directie/bewaartermijn');
  await page.getByLabel('Bewaartermijn na vertrek, in maanden').fill('36');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  expect((await db.school.findUniqueOrThrow({ where: { id: school.id } })).retentionMonths).toBe(36);

  await page.goto(`/kind/${pupil.id}`);
  // Left twelve days ago: the file is kept until 36 months after that day.
  const left = dayIn(-12);
  await page.getByLabel('Datum van vertrek').fill(left);
  await page.getByRole('button', { name: 'Uitschrijven' }).click();
  const keptUntil = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(addMonths(new Date(`${left}T00:00:00Z`), 36));
  await expect(page.getByTestId('child-left')).toContainText(keptUntil);
  await page.goto('/directie/bewaartermijn');
  await expect(page.getByRole('link', { name: pupil.firstName, exact: false }).first()).toBeVisible();
  await expect(page.getByText('wordt verwijderd op 20 november 2029')).toBeVisible();
});

test('a parent shares an addition with the internal supervisor only: the supervisor reads it, the class teacher does not', async ({ page, browser }) => {
  const { child, teacher } = await daan();
  await signInWithLink(page, LOGINS.guardian);
  await page.goto(`/kind/${child.id}`);
  await page.getByText('Informatie toevoegen', { exact: true }).click();
  // Empty: a translated reason, and nothing is added.
  const notesBefore = await db.childNote.count({ where: { childId: child.id } });
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Dit veld is verplicht.' })).toBeVisible();
  expect(await db.childNote.count({ where: { childId: child.id } })).toBe(notesBefore);
  await page.getByLabel(/^Informatie toevoegen/).fill('Daan is aangemeld bij de jeugdhulp.');
  await page.getByRole('checkbox', { name: 'leerkracht' }).uncheck();
  await page.getByRole('checkbox', { name: 'intern begeleider' }).check();
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByTestId('child-note').filter({ hasText: 'jeugdhulp' })).toContainText('gedeeld met intern begeleider');

  const ib = await browser.newPage();
  await signInWithPassword(ib, 'ib@distelvlinder.demo');
  await expect(ib.getByText('intern begeleider').first()).toBeVisible();
  await ib.goto(`/kind/${child.id}`);
  await expect(ib.getByTestId('child-note').filter({ hasText: 'Daan is aangemeld bij de jeugdhulp.' })).toBeVisible();
  await ib.close();

  const classTeacher = await browser.newPage();
  await signInWithPassword(classTeacher, teacher.email);
  await classTeacher.goto(`/kind/${child.id}`);
  await expect(classTeacher.getByRole('heading', { level: 1 })).toContainText('Daan');
  await expect(classTeacher.getByText('jeugdhulp')).toHaveCount(0);
  await classTeacher.close();
});
