import { expect, test } from '@playwright/test';
import { dayIn, db, LOGINS, PASSWORD, signInWithLink, signInWithPassword } from './support';

// Issue 14 "Taking part", tried as a new user would: helping until the activity is full, a meeting's
// attendance ticked on a phone and its turnout against the target, the families the portal misses.

test('a mother signs up as the last driver; the father, a household of his own, lands on the waiting list', async ({ page, browser }) => {
  const activity = await db.activity.findFirstOrThrow({ where: { title: 'Bezoek aan de bibliotheek', school: { slug: 'distelvlinder' } }, include: { roles: true } });
  const driver = activity.roles.find((r) => r.kind === 'DRIVER')!;
  expect(await db.activityPlace.count({ where: { roleId: driver.id } })).toBe(driver.places - 1);

  await signInWithLink(page, LOGINS.guardian);
  await page.goto('/helpen');
  await page.getByRole('link', { name: 'Bezoek aan de bibliotheek' }).click();
  await page.getByLabel('Aantal vrije zitplaatsen voor kinderen').fill('3');
  await page.getByRole('button', { name: 'Aanmelden: Chauffeur' }).click();
  await expect(page.getByText('U bent ingedeeld')).toBeVisible();
  await expect(page.getByText(`${driver.places} van ${driver.places} plaatsen bezet`)).toBeVisible();

  const father = await browser.newPage();
  await signInWithLink(father, 'ouder2@distelvlinder.demo');
  await father.goto(`/helpen/${activity.id}`);
  await father.getByLabel('Aantal vrije zitplaatsen voor kinderen').fill('2');
  await father.getByRole('button', { name: 'Aanmelden: Chauffeur' }).click();
  await expect(father.getByText('U staat op de wachtlijst (plek 1)')).toBeVisible();
  // Full means full: the places are the role's, however the two requests were timed.
  expect(await db.activityPlace.count({ where: { roleId: driver.id } })).toBe(driver.places);
  expect(await db.activitySignup.count({ where: { roleId: driver.id, status: 'WAITING' } })).toBe(1);
  await father.close();
});

test('the teacher ticks attendance on a phone; the director sees the turnout per group against 80%', async ({ browser }) => {
  const teacherPage = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await signInWithPassword(teacherPage, LOGINS.teacher, PASSWORD);
  await teacherPage.goto('/bijeenkomsten/nieuw');
  const title = `Thema-avond lezen ${Date.now()}`;
  await teacherPage.getByLabel('Titel').fill(title);
  await teacherPage.getByLabel('Locatie').fill('Aula');
  await teacherPage.getByLabel('Datum').fill(dayIn(7));
  await teacherPage.getByLabel('Begintijd').fill('19:30');
  await teacherPage.getByLabel('Eindtijd').fill('20:30');
  await teacherPage.getByRole('radio', { name: 'Gekozen groepen' }).check();
  await teacherPage.getByRole('checkbox', { name: 'Groep 5A' }).check();
  await teacherPage.getByRole('button', { name: 'Aanmaken en uitnodigen' }).click();
  await expect(teacherPage).toHaveURL(/\/bijeenkomsten\/(?!nieuw$)[a-z0-9]+$/);
  const meeting = await db.meeting.findFirstOrThrow({ where: { title } });
  expect(meeting.targetPercent).toBe(80);

  await teacherPage.getByRole('link', { name: 'Aanwezigheid registreren' }).click();
  const rows = teacherPage.getByTestId('register-row');
  await expect(rows.first()).toBeVisible();
  const invited = await rows.count();
  expect(invited).toBeGreaterThan(5);
  for (let i = 0; i < 4; i++) {
    const button = rows.nth(i).getByRole('button', { name: 'Aanwezig' });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
  await expect.poll(() => db.meetingAttendance.count({ where: { meetingId: meeting.id, present: true } })).toBe(4);
  await teacherPage.close();

  const director = await browser.newPage();
  await signInWithPassword(director, LOGINS.director, PASSWORD);
  await director.goto(`/bijeenkomsten/${meeting.id}`);
  const turnout = director.getByTestId('meeting-turnout');
  const row5A = turnout.getByRole('row').filter({ hasText: '5A' });
  await expect(row5A).toContainText(`4 van ${invited} gezinnen`);
  await expect(row5A).toContainText('doel 80%');
  await expect(row5A).toContainText('onder het doel');
  await director.close();
});

test('the director opens the families not reached, filters by language and sends them a personal message', async ({ page }) => {
  await signInWithPassword(page, LOGINS.director, PASSWORD);
  await page.goto('/directie/bereik');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gezinnen die we niet bereiken');
  await page.getByRole('combobox', { name: /^Taal/ }).selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Toon' }).click();
  const all = page.getByRole('checkbox', { name: /^Alle gefilterde gezinnen \((\d+)\)$/ });
  const n = Number((await page.getByText(/^Alle gefilterde gezinnen \(\d+\)$/).textContent())?.match(/\((\d+)\)/)?.[1]);
  expect(n).toBeGreaterThan(0);
  await all.check();
  const subject = `We horen graag van u ${Date.now()}`;
  await page.getByLabel('Onderwerp', { exact: true }).fill(subject);
  await page.getByLabel('Bericht', { exact: true }).fill('Dear parents, we would like to meet you. Could you sign in to the portal or call us?');
  await page.getByRole('button', { name: 'Persoonlijk bericht sturen' }).click();
  await expect(page.getByText(`Bericht verstuurd aan ${n} ${n === 1 ? 'gezin' : 'gezinnen'}.`)).toBeVisible();
  // One conversation per family, each with that household only, and all of them English-speaking.
  const threads = await db.thread.findMany({ where: { subject }, include: { households: { include: { household: { include: { guardianships: { where: { endedAt: null }, include: { user: true } } } } } } } });
  expect(threads).toHaveLength(n);
  for (const t of threads) {
    expect(t.households).toHaveLength(1);
    expect(t.households[0].household.guardianships.some((g) => g.user.locale === 'en')).toBe(true);
  }
});

test("the director's home is the year at a glance: each chart reads as an image with its figures, and as a table", async ({ page }) => {
  const school = await db.school.findUniqueOrThrow({ where: { slug: 'distelvlinder' }, select: { id: true } });
  const version = await db.charterVersion.findFirstOrThrow({ where: { schoolId: school.id, publishedAt: { not: null } }, orderBy: { number: 'desc' } });
  const year = await db.schoolYear.findFirstOrThrow({ where: { schoolId: school.id, startDate: { lte: new Date() }, endDate: { gte: new Date() } } });
  const g3a = await db.group.findFirstOrThrow({ where: { schoolId: school.id, schoolYearId: year.id, name: '3A' }, select: { id: true } });
  const guardians = new Set((await db.guardianship.findMany({ where: { endedAt: null, child: { enrolments: { some: { groupId: g3a.id } } } }, select: { userId: true } })).map((g) => g.userId));
  const acknowledged = await db.charterAcknowledgement.count({ where: { versionId: version.id, userId: { in: [...guardians] } } });

  await signInWithPassword(page, LOGINS.director, PASSWORD);
  await page.goto('/directie');
  const glance = page.getByRole('region', { name: 'Het jaar in één oogopslag' });
  for (const name of ['Gesprekken gehouden per fase', 'Gezinnen bereikt per maand', 'Vragen op tijd beantwoord', 'Respons op vragenlijsten', `Ouderkompas (versie ${version.number}) bevestigd per groep`]) {
    await expect(glance.getByRole('img', { name })).toBeVisible();
  }
  // The charter chart names 3A's share, and its table gives the counts behind it.
  const charter = glance.getByRole('figure', { name: `Ouderkompas (versie ${version.number}) bevestigd per groep` });
  const share = `${Math.round((100 * acknowledged) / guardians.size)}%`;
  await expect(charter.getByRole('img')).toHaveAccessibleDescription(new RegExp(`3A: ${share}`));
  await charter.getByText('Toon de cijfers als tabel').click();
  await expect(charter.getByRole('row', { name: /^3A / })).toHaveText(`3A${guardians.size}${acknowledged}${share}`);
});

test('a teacher appoints a class parent from the group on her home; a parent is asked for talents while preparing the parent-tell talk', async ({ page, browser }) => {
  await signInWithPassword(page, LOGINS.teacher, PASSWORD);
  const group = page.getByRole('region', { name: /^Groep 5A/ }); // she is one of 5A's duo teachers
  await group.getByText(/^Klassenouders?: /).click();
  const choose = group.getByLabel('Ouder', { exact: true });
  const chosen = (await choose.locator('option').first().textContent())!.replace(/ \(.*\)$/, '');
  await choose.selectOption({ index: 0 });
  await group.getByRole('button', { name: 'Aanwijzen: Groep 5A' }).click();
  await expect(group.getByText(new RegExp(`^Klassenouders?: .*${chosen}`))).toBeVisible();
  await expect(group.getByRole('button', { name: `${chosen} niet meer klassenouder` })).toBeVisible();

  // A parent-tell round for Sanne's group: her mother prepares it and is asked what she would do for the school.
  const mother = await db.user.findUniqueOrThrow({ where: { email: LOGINS.guardian }, select: { id: true } });
  const sanne = await db.child.findFirstOrThrow({ where: { firstName: 'Sanne', guardianships: { some: { userId: mother.id } } }, select: { id: true, schoolId: true, enrolments: { select: { groupId: true } } } });
  const stage = await db.stageDefinition.findFirstOrThrow({ where: { schoolId: sanne.schoolId, key: 'parent_tell' } });
  const round = await db.talkRound.create({ data: { schoolId: sanne.schoolId, stageId: stage.id, name: 'Oudervertelgesprekken (test)', slotMinutes: 10, opensAt: new Date(), deadline: new Date(Date.now() + 14 * 86_400_000), createdById: mother.id } });
  await db.roundGroup.create({ data: { schoolId: sanne.schoolId, roundId: round.id, groupId: sanne.enrolments[0].groupId } });
  const parent = await browser.newPage();
  try {
    await signInWithLink(parent, LOGINS.guardian);
    await parent.goto(`/kind/${sanne.id}/voorbereiden/${round.id}`);
    const talents = parent.getByRole('region', { name: 'Wat wilt u voor de school doen?' });
    const words = `Fietsen repareren ${Date.now()}`;
    await talents.getByLabel('Waar bent u goed in?').fill(words);
    await talents.getByRole('button', { name: 'Opslaan' }).click();
    await expect(talents.getByText('Opgeslagen.')).toBeVisible();
    expect((await db.guardianTalent.findFirstOrThrow({ where: { userId: mother.id } })).talents).toBe(words);
  } finally {
    await parent.close();
    await db.talkRound.delete({ where: { id: round.id } });
  }
});
