import { expect, test, type Browser } from '@playwright/test';
import { SCHOOL_TZ, zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { effectiveHours, replyClock } from '@/lib/messages/reply-clock';
import { addDaysToKey } from '@/lib/school/holidays-nl';
import { isSchoolDay } from '@/lib/school/working-days';
import { db, LOGINS, PASSWORD, schoolDayIn, signInWithLink, signInWithPassword } from './support';

// Issue 13 "Being heard", tried as a new user would: the parent's channels to the school (absence,
// a question with its reply promise, leave) and the school's announcements, each through the pages
// and the real session, checked from the other side (the teacher, the duo colleague, the director).

const PHONE = { width: 360, height: 740 };
const dayName = (d: Date) => new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: SCHOOL_TZ }).format(d);

/** Sanne (the demo mother's daughter), her group and its two (duo) teachers. */
async function sanne() {
  const mother = await db.user.findUniqueOrThrow({ where: { email: LOGINS.guardian } });
  const child = await db.child.findFirstOrThrow({ where: { firstName: 'Sanne', guardianships: { some: { userId: mother.id } } } });
  const enrolment = await db.enrolment.findFirstOrThrow({ where: { childId: child.id }, include: { group: { include: { teachers: { include: { user: true }, orderBy: { userId: 'asc' } } } } } });
  return { mother, child, group: enrolment.group, teachers: enrolment.group.teachers.map((t) => t.user) };
}

async function asStaff(browser: Browser, email: string) {
  const page = await browser.newPage();
  await signInWithPassword(page, email, PASSWORD);
  return page;
}

test('a parent reports Sanne sick on a phone; her teacher sees it in the morning view; the father is told without the note', async ({ page, browser }) => {
  const { child, group, teachers } = await sanne();
  await page.setViewportSize(PHONE);
  await signInWithLink(page, LOGINS.guardian);
  await page.goto('/melden');
  await page.getByRole('link', { name: 'Ziek of afwezig melden' }).click();
  await page.getByRole('radio', { name: new RegExp(`^${child.firstName}`) }).check();
  await page.getByRole('radio', { name: 'ziek' }).check();
  await page.getByLabel('Toelichting (optioneel)').fill('Koorts sinds vannacht, bij mij thuis.');
  const mailsBefore = await db.outboxMail.count({ where: { to: 'ouder2@distelvlinder.demo' } });
  await page.getByRole('button', { name: 'Ziekmelding versturen' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Doorgegeven/ })).toBeVisible();
  // Reporting again while it is open is refused in words, and writes nothing.
  await page.goto('/melden/ziek');
  await page.getByRole('radio', { name: new RegExp(`^${child.firstName}`) }).check();
  await page.getByRole('button', { name: 'Ziekmelding versturen' }).click();
  await expect(page.getByText(`Er staat al een ziekmelding open voor ${child.firstName}`)).toBeVisible();
  expect(await db.absence.count({ where: { childId: child.id, closedAt: null } })).toBe(1);

  // The father (the other household) hears of it, but not the mother's words.
  const father = await db.outboxMail.findMany({ where: { to: 'ouder2@distelvlinder.demo' }, orderBy: { createdAt: 'desc' } });
  expect(father.length).toBe(mailsBefore + 1);
  expect(father[0].text).toContain(child.firstName);
  expect(father[0].text).not.toContain('Koorts sinds vannacht');

  const teacher = await asStaff(browser, teachers[0].email);
  await teacher.setViewportSize(PHONE);
  await teacher.goto('/vandaag');
  const absent = teacher.getByTestId('absent-today');
  await expect(absent).toContainText(child.firstName);
  await expect(absent).toContainText('ziek');
  // The other group's teacher does not see Sanne.
  const other = await db.user.findFirstOrThrow({ where: { email: LOGINS.teacher } });
  expect(group.teachers.some((t) => t.userId === other.id)).toBe(false);
  const otherPage = await asStaff(browser, other.email);
  await otherPage.goto('/vandaag');
  await expect(otherPage.getByRole('main')).not.toContainText(`${child.firstName} ${child.lastName}`);
  // Better again: closed by the teacher; the mother may report again.
  const better = teacher.getByRole('button', { name: new RegExp(`^${child.firstName}( .*)? is weer beter$`) });
  await better.click();
  await expect(better).toHaveCount(0);
  expect(await db.absence.count({ where: { childId: child.id, closedAt: null } })).toBe(0);
  await Promise.all([teacher.close(), otherPage.close()]);
});

/** The latest Friday before today with that Friday and the Monday after both school days, and that Monday past. */
async function lastOrdinaryFriday(schoolId: string) {
  const holidays = await db.holiday.findMany({ where: { schoolId }, select: { startDate: true, endDate: true } });
  let day = addDaysToKey(zonedDateKey(new Date()), -3);
  for (let i = 0; i < 120; i++, day = addDaysToKey(day, -1)) {
    const isFriday = new Date(`${day}T00:00:00Z`).getUTCDay() === 5;
    if (isFriday && isSchoolDay(day, holidays) && isSchoolDay(addDaysToKey(day, 3), holidays)) return { day, holidays };
  }
  throw new Error('no ordinary Friday in the last four months');
}

test('a question sent on a Friday is due Monday, turns overdue after it; the duo colleague answers; the director sees it leave the overdue list', async ({ page, browser }) => {
  const { child, group, teachers } = await sanne();
  expect(teachers.length).toBe(2); // a duo group: either teacher may answer
  const subject = `Gymkleren kwijt ${Date.now()}`;
  await signInWithLink(page, LOGINS.guardian);
  await page.goto('/berichten');
  await page.getByRole('link', { name: 'Nieuwe vraag' }).click();
  await page.getByRole('radio', { name: new RegExp(`^${child.firstName}.*groep ${group.name}`) }).check();
  await page.getByLabel('Onderwerp').fill(subject);
  await page.getByLabel('Uw bericht').fill('Sanne is haar gymtas kwijt, ligt die misschien nog in de klas?');
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByText(/^Uw bericht is verstuurd\. Antwoord verwacht uiterlijk \S+dag \d+ \S+\.$/)).toBeVisible();
  const thread = await db.thread.findFirstOrThrow({ where: { subject }, include: { promises: true } });
  expect(thread.groupId).toBe(group.id);
  expect(thread.promises).toHaveLength(1);

  // As if it was sent last Friday at 10:00: the school's rule (reply-clock.ts) puts it at the end of Monday.
  const { day: friday, holidays } = await lastOrdinaryFriday(thread.schoolId);
  const askedAt = zonedToUtc(`${friday}T10:00`);
  const hours = await db.workingHours.findMany({ where: { schoolId: thread.schoolId, userId: { in: teachers.map((t) => t.id) } } });
  const clock = replyClock(askedAt, teachers.map((t) => effectiveHours(hours.filter((h) => h.userId === t.id))), { timeZone: SCHOOL_TZ, holidays });
  expect(zonedDateKey(clock.dueAt)).toBe(addDaysToKey(friday, 3));
  await db.$transaction([
    db.replyPromise.update({ where: { id: thread.promises[0].id }, data: { askedAt, countsFrom: clock.countsFrom, dueAt: clock.dueAt } }),
    db.thread.update({ where: { id: thread.id }, data: { replyDueAt: clock.dueAt, createdAt: askedAt, lastMessageAt: askedAt } }),
    db.threadMessage.updateMany({ where: { threadId: thread.id }, data: { createdAt: askedAt } }),
  ]);
  const monday = dayName(clock.dueAt);
  expect(monday).toMatch(/^maandag /);
  await page.reload();
  await expect(page.getByTestId('thread-status')).toHaveText(`Te laat: antwoord werd uiterlijk ${monday} verwacht`);

  // The director sees it among the overdue questions.
  const director = await asStaff(browser, LOGINS.director);
  await director.goto('/directie/communicatie');
  await expect(director.getByRole('link', { name: subject })).toBeVisible();

  // The second teacher of the duo finds it in the inbox, overdue in words, and answers.
  const duo = await asStaff(browser, teachers[1].email);
  await duo.goto('/berichten');
  const row = duo.getByTestId('thread-row').filter({ hasText: subject });
  await expect(row).toContainText(`Te laat: antwoord werd uiterlijk ${monday} verwacht`);
  await row.getByRole('link', { name: subject }).click();
  await duo.getByLabel('Uw bericht').fill('De gymtas ligt bij de gymzaal, ik geef hem morgen mee.');
  await duo.getByRole('button', { name: 'Versturen' }).click();
  await expect(duo.getByTestId('messages')).toContainText('De gymtas ligt bij de gymzaal');

  // The parent sees the answer, with who wrote it and in what role.
  await page.reload();
  await expect(page.getByTestId('messages')).toContainText('De gymtas ligt bij de gymzaal');
  await expect(page.getByTestId('messages')).toContainText(`${teachers[1].firstName}`);
  await expect(page.getByTestId('messages')).toContainText('(leerkracht)');
  await expect(page.getByTestId('thread-status')).toHaveText('Beantwoord');
  const promise = await db.replyPromise.findUniqueOrThrow({ where: { id: thread.promises[0].id } });
  expect(promise.answeredById).toBe(teachers[1].id);

  // The director's figures: answered late, so no longer overdue.
  await director.reload();
  await expect(director.getByRole('link', { name: subject })).toHaveCount(0);
  await expect(director.getByRole('table', { name: /per postvak/ })).toContainText(group.name);
  await Promise.all([director.close(), duo.close()]);
});

test('a leave request is granted by the director and the parent sees it', async ({ page, browser }) => {
  const { child } = await sanne();
  const from = await schoolDayIn(20);
  await signInWithLink(page, LOGINS.guardian);
  await page.goto('/melden/verlof');
  await page.getByRole('checkbox', { name: new RegExp(`^${child.firstName}`) }).check();
  await page.getByLabel('Eerste dag').fill(from);
  await page.getByLabel('Laatste dag').fill(from);
  await page.getByRole('radio', { name: /^gewichtige omstandigheden/ }).check();
  await page.getByLabel('Toelichting', { exact: true }).fill('De bruiloft van haar tante in Groningen.');
  await page.getByRole('button', { name: 'Verlof aanvragen' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Aangevraagd: 1 schooldag/ })).toBeVisible();
  const request = await db.leaveRequest.findFirstOrThrow({ where: { explanation: 'De bruiloft van haar tante in Groningen.' } });
  expect(request.status).toBe('PENDING');

  const director = await asStaff(browser, LOGINS.director);
  await director.goto('/directie/verlof');
  const card = director.getByTestId('pending-leave').filter({ hasText: 'De bruiloft van haar tante in Groningen.' });
  await card.getByRole('button', { name: 'Toekennen' }).click();
  await expect(director.getByTestId('pending-leave').filter({ hasText: 'De bruiloft van haar tante in Groningen.' })).toHaveCount(0);
  expect((await db.leaveRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('GRANTED');
  await director.close();

  await page.goto('/melden');
  await expect(page.getByRole('main')).toContainText('toegekend');
  const mail = await db.outboxMail.findFirstOrThrow({ where: { to: LOGINS.guardian }, orderBy: { createdAt: 'desc' } });
  expect(mail.text).toContain(child.firstName);
});

test('an announcement with "confirm reading" shows per group who has not confirmed; a parent confirms and the count moves', async ({ page, browser }) => {
  const { group } = await sanne();
  const title = `Schoolreisje ${Date.now()}`;
  const director = await asStaff(browser, LOGINS.director);
  await director.goto('/mededelingen');
  await director.getByRole('link', { name: 'Nieuwe mededeling' }).click();
  await director.getByLabel('Titel').fill(title);
  await director.getByRole('radio', { name: 'Gekozen groepen' }).check();
  await director.getByRole('checkbox', { name: `Groep ${group.name}` }).check();
  await director.getByLabel('Tekst', { exact: true }).fill('Op vrijdag gaan we naar het bos.\n\nNeem een lunchpakket mee.');
  await director.getByLabel('Bijlagen (niet verplicht)').setInputFiles({ name: 'brief.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  await director.getByRole('checkbox', { name: 'Vraag om leesbevestiging' }).check();
  await director.getByRole('button', { name: 'Plaatsen' }).click();
  await expect(director).toHaveURL(/\/mededelingen\/[a-z0-9]+$/);
  const families = await db.guardianship.findMany({ where: { endedAt: null, child: { enrolments: { some: { groupId: group.id } } } }, distinct: ['householdId'], select: { householdId: true } });
  const groupRow = director.getByTestId('families-per-group').getByRole('row').filter({ hasText: group.name });
  await expect(groupRow).toContainText(`0 van ${families.length}`);

  // The mother opens it from her list, downloads the letter and confirms.
  await signInWithLink(page, LOGINS.guardian);
  await page.goto('/mededelingen');
  await page.getByRole('link', { name: title }).click();
  const letter = await page.request.get((await page.getByRole('link', { name: /brief\.pdf/ }).getAttribute('href'))!);
  expect(letter.status()).toBe(200);
  expect(letter.headers()['content-type']).toContain('application/pdf');
  await page.getByRole('button', { name: 'Ik heb het gelezen' }).click();
  await expect(page.getByText(/^U heeft op .* bevestigd dat u dit gelezen heeft\.$/)).toBeVisible();

  await director.reload();
  await expect(groupRow).toContainText(`1 van ${families.length}`);
  // Another school's director cannot open it.
  const other = await asStaff(browser, LOGINS.otherDirector);
  const id = director.url().split('/').pop();
  const response = await other.goto(`/mededelingen/${id}`);
  expect(response?.status()).toBe(404);
  await Promise.all([director.close(), other.close()]);
});
