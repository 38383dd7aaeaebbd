import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { createPrisma } from '@/lib/db';
import { addDaysToKey, proposedHolidays } from '@/lib/school/holidays-nl';
import { isSchoolDay } from '@/lib/school/working-days';
import { baseDatabaseUrl, withDatabase } from '../../scripts/embedded-pg';
import { sourceStamp, STAMP_FILE } from '../../scripts/source-stamp';
import { E2E_AUTH_SECRET, E2E_PORT } from './env';
import { latestLinkFor, signInWithLink } from './support';

// A real school goes live, as its director would do it: `npm start` with DEMO=0 on an empty
// database prints a one-time setup link; the link creates the school and its director; the director
// creates the year, adapts the cycle, imports the pupil administration, invites a teacher, plans a
// round; a sync import ends one family's access; next year's import rolls a pupil over.
// Its own server and database, so nothing of the demo school is in sight.

const PORT = E2E_PORT + 8;
const BASE = `http://localhost:${PORT}`;
const DB_NAME = 'ouderportaal_golive';
const db = createPrisma(withDatabase(baseDatabaseUrl(), DB_NAME));

const DIRECTOR = 'a.vandenberg@boomgaard.test';
const TEACHER = 'k.elamrani@boomgaard.test';
const LEAVING_PARENT = 'p.smit@voorbeeld.test';

// The pupil administration's export (ParnasSys-like): one row per pupil per parent.
const PUPIL_HEADER = 'leerlingnummer;voornaam;tussenvoegsel;achternaam;geboortedatum;groep;ouder_voornaam;ouder_tussenvoegsel;ouder_achternaam;ouder_email;ouder_telefoon;relatie;gezag;huishouden';
const family = (group5: string, group4: string) => [
  `5001;Sem;;Dekker;12-05-2018;${group5};Lotte;;Dekker;l.dekker@voorbeeld.test;0611111111;moeder;ja;1`,
  `5001;Sem;;Dekker;12-05-2018;${group5};Bas;;Dekker;b.dekker@voorbeeld.test;;vader;ja;1`,
  `5002;Yara;;Smit;03-02-2018;${group5};Pieter;;Smit;${LEAVING_PARENT};;vader;ja;1`,
  `5003;Mila;van;Leeuwen;21-09-2019;${group4};Noor;van;Leeuwen;n.vanleeuwen@voorbeeld.test;;moeder;ja;1`,
];
const pupilsCsv = (rows: string[]) => [PUPIL_HEADER, ...rows].join('\n') + '\n';
const staffCsv = (jorisGroup: string) => `voornaam;tussenvoegsel;achternaam;email;rol;groepen\nAnna;van den;Berg;${DIRECTOR};directeur;\nJoris;;Meijer;j.meijer@boomgaard.test;leerkracht;${jorisGroup}\n`;

test.use({ actionTimeout: 15_000 });

let server: ChildProcess | undefined;
let output = '';

test.beforeAll(async () => {
  // npm start builds when the sources differ from the last build; here that would replace .next under
  // the suite's running server and break every later test. Say so instead.
  if (!existsSync(STAMP_FILE) || readFileSync(STAMP_FILE, 'utf8') !== sourceStamp()) throw new Error('The sources changed since `npm run build`: build again before the e2e tests.');
  const admin = new pg.Client({ connectionString: withDatabase(baseDatabaseUrl(), 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  // `npm start` as a real installation runs it: migrations, no demo, the setup link when ready.
  server = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/start.ts'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: withDatabase(baseDatabaseUrl(), DB_NAME), DEMO: '0', PORT: String(PORT), NEXTAUTH_URL: BASE, NEXTAUTH_SECRET: E2E_AUTH_SECRET, SMTP_URL: '', WEB_CONCURRENCY: '1' },
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    process.kill(-server.pid, 'SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  await db.$disconnect();
});

/** The first school day at least `days` from today, by the year's proposed holidays of regio midden. */
function schoolDayFromNow(days: number) {
  const holidays = proposedHolidays('2026-2027', 'midden');
  let key = addDaysToKey(new Date().toISOString().slice(0, 10), days);
  while (!isSchoolDay(key, holidays)) key = addDaysToKey(key, 1);
  return key;
}

async function importFiles(page: Page, pupils: string, opts: { sync?: boolean; year?: string; jorisGroup?: string } = {}) {
  await page.goto(`${BASE}/directie/import`);
  if (opts.year) await page.getByLabel('Schooljaar').selectOption({ label: opts.year });
  await page.getByLabel('Leerlingen en ouders (CSV)').setInputFiles({ name: 'leerlingen.csv', mimeType: 'text/csv', buffer: Buffer.from(pupils) });
  await page.getByLabel('Team (CSV)').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(staffCsv(opts.jorisGroup ?? '4')) });
  if (opts.sync) await page.getByLabel('Gelijkzetten met het bestand').check();
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByRole('heading', { name: 'Voorbeeld: dit gaat er veranderen' })).toBeVisible();
}

test('a real school goes live: setup link, year, own cycle, import, a teacher, access ending, rollover @golive', async ({ page, browser }) => {
  test.setTimeout(300_000);

  // 1. The terminal prints the one-time setup link; no demo school exists.
  await expect.poll(() => output.match(/\/setup\?token=\S+/)?.[0] ?? '', { timeout: 180_000, message: output }).not.toBe('');
  const setupLink = `${BASE}${output.match(/\/setup\?token=\S+/)![0]}`;
  expect(await db.school.count()).toBe(0);

  // 2. The setup page refuses a bad BRIN number in Dutch and creates nothing; then the school.
  await page.goto(setupLink);
  await page.getByLabel('Naam van het bestuur').fill('Stichting Primair Onderwijs Utrecht');
  await page.getByLabel('Naam van de school').fill('OBS De Boomgaard');
  await page.getByLabel('BRIN-nummer').fill('1X');
  await page.getByLabel('Plaats').fill('Utrecht');
  await page.getByLabel('Vakantieregio').selectOption('midden');
  await page.getByLabel('Naam', { exact: true }).fill('Anna van den Berg');
  await page.getByLabel('E-mailadres').fill(DIRECTOR);
  await page.getByRole('button', { name: 'School aanmaken' }).click();
  await expect(page.getByText('Een BRIN-nummer is twee cijfers en twee letters of cijfers, bijvoorbeeld 12AB.')).toBeVisible();
  expect(await db.school.count()).toBe(0);
  await page.getByLabel('BRIN-nummer').fill('12AB');
  await page.getByRole('button', { name: 'School aanmaken' }).click();
  await expect(page.getByText('OBS De Boomgaard is aangemaakt.')).toBeVisible();
  expect(await db.school.findMany({ select: { name: true, brin: true, holidayRegion: true } })).toEqual([{ name: 'OBS De Boomgaard', brin: '12AB', holidayRegion: 'midden' }]);
  // The link worked once: afterwards the page does not exist.
  expect((await page.goto(setupLink))!.status()).toBe(404);
  expect(await db.school.count()).toBe(1);

  // 3. The director signs in by e-mail link and sets a password.
  await signInWithLink(page, DIRECTOR, { origin: BASE, outbox: db });
  await page.goto(`${BASE}/account`);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Appelboom bloeit in april');
  await page.getByLabel('Nieuw wachtwoord nog een keer').fill('Appelboom bloeit in april');
  await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(page.getByText('Uw wachtwoord is opgeslagen.')).toBeVisible();

  // 4. The school year 2026-2027 with the holidays of regio midden; an end before the start is refused.
  await page.goto(`${BASE}/directie/schooljaar`);
  await page.getByLabel('Naam', { exact: true }).fill('2026-2027');
  await page.getByLabel('Eerste dag').fill('2026-08-17');
  await page.getByLabel('Laatste dag').fill('2026-07-16');
  await page.getByLabel('Vakantieregio').selectOption('midden');
  await page.getByRole('button', { name: 'Schooljaar aanmaken' }).click();
  await expect(page.getByText('De laatste dag moet na de eerste dag van het schooljaar liggen.')).toBeVisible();
  await expect(page.getByLabel('Laatste dag')).toHaveAttribute('aria-invalid', 'true');
  expect(await db.schoolYear.count()).toBe(0);
  await page.getByLabel('Laatste dag').fill('2027-07-16');
  await page.getByRole('button', { name: 'Schooljaar aanmaken' }).click();
  await expect(page.getByRole('heading', { name: 'Vakanties en vrije dagen 2026-2027' })).toBeVisible();
  const holidays = await db.holiday.findMany({ select: { name: true, startDate: true }, orderBy: { startDate: 'asc' } });
  expect(holidays.map((h) => h.name)).toContain('Kerstvakantie');
  expect(holidays.length).toBe(proposedHolidays('2026-2027', 'midden').length);

  // 5. The well-being talk as this school holds it: the child joins from group 4, one topic more.
  await page.goto(`${BASE}/directie/cyclus`);
  const wellBeing = page.locator('section, div').filter({ has: page.getByRole('heading', { name: 'Welbevindengesprek', level: 3 }) }).last();
  await wellBeing.getByLabel('Kind is erbij vanaf groep').selectOption('4');
  const agenda = wellBeing.getByLabel(/^Agenda/);
  await agenda.fill(`${await agenda.inputValue()}\nSamenwerken in de groep`);
  await wellBeing.getByRole('button', { name: 'Opslaan' }).click();
  await expect(wellBeing.getByText('Opgeslagen.')).toBeVisible();
  const stage = await db.stageDefinition.findFirstOrThrow({ where: { key: 'well_being' }, select: { childPresentFromGrade: true, agendaTopics: true } });
  expect(stage.childPresentFromGrade).toBe(4);
  expect(stage.agendaTopics.at(-1)).toBe('Samenwerken in de groep');

  // 6. Import: a bad row is refused with its row number and nothing is saved; then the real files.
  await importFiles(page, pupilsCsv([...family('5', '4'), '5004;Ruben;;Bos;31-02-2018;5;;;;;;;;']));
  await expect(page.getByTestId('rejected-row')).toHaveText([/Leerlingen\s*6\s*Geen geldige geboortedatum/]);
  await expect(page.getByRole('button', { name: 'Import bevestigen' })).toHaveCount(0);
  expect(await db.child.count()).toBe(0);
  await importFiles(page, pupilsCsv(family('5', '4')));
  await page.getByRole('button', { name: 'Import bevestigen' }).click();
  await expect(page.getByText('De import is opgeslagen.')).toBeVisible();
  expect(await db.child.count()).toBe(3);

  // 7. The director invites a teacher (a bad address is refused first) and gives her group 5.
  await page.goto(`${BASE}/directie/team`);
  const invite = page.locator('form').filter({ has: page.getByRole('button', { name: 'Uitnodiging versturen' }) });
  await invite.getByLabel('E-mailadres').fill('karima@');
  await invite.getByLabel('Voornaam').fill('Karima');
  await invite.getByLabel('Achternaam').fill('El Amrani');
  await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(invite.getByText('Vul een geldig e-mailadres in.')).toBeVisible();
  await expect(invite.getByLabel('Voornaam')).toHaveValue('Karima'); // what was typed stays
  expect(await db.user.count({ where: { firstName: 'Karima' } })).toBe(0);
  await invite.getByLabel('E-mailadres').fill(TEACHER);
  await invite.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByText('De uitnodiging is verstuurd.')).toBeVisible();
  await page.reload();
  const group5 = page.locator('form').filter({ has: page.getByRole('group', { name: 'Leerkrachten van groep 5' }) });
  await group5.getByLabel(/Karima El Amrani/).check();
  await group5.getByRole('button', { name: 'Opslaan' }).click();
  await expect(group5.getByText('Opgeslagen.')).toBeVisible();

  const teacher = await browser.newPage();
  await teacher.goto(await latestLinkFor(TEACHER, { kind: 'team_invite', outbox: db }));
  await teacher.getByRole('button', { name: /^inloggen$/i }).click();
  await expect(teacher).not.toHaveURL(/\/inloggen/);

  // 8. A well-being round for group 5; its record editor follows the adapted agenda.
  const day = schoolDayFromNow(21);
  await page.goto(`${BASE}/gesprekken`);
  await page.getByText('Nieuwe gespreksronde').click();
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Ronde openen' }) });
  await form.getByLabel('Soort gesprek').selectOption({ label: 'Welbevindengesprek (10 min)' });
  await form.getByLabel('Groep 5').check();
  await form.getByLabel('Datum', { exact: true }).first().fill(day);
  await form.getByLabel('Van', { exact: true }).first().fill('15:00');
  await form.getByLabel('Tot', { exact: true }).first().fill('16:00');
  await form.getByLabel('Inschrijven opent', { exact: true }).fill(`${schoolDayFromNow(1)}T19:00`);
  await form.getByLabel('Sluitingsdatum', { exact: true }).fill(`${addDaysToKey(day, -3)}T12:00`);
  await form.getByRole('button', { name: 'Ronde openen' }).click();
  await expect(page.getByText(/De ronde is aangemaakt met \d+ gespreksmomenten\./)).toBeVisible();
  const round = await db.talkRound.findFirstOrThrow({ select: { id: true } });
  const sem = await db.child.findFirstOrThrow({ where: { pupilNumber: '5001' }, select: { id: true } });

  await teacher.goto(`${BASE}/kind/${sem.id}/gesprek?ronde=${round.id}`);
  await expect(teacher.getByLabel('Soort gesprek')).toHaveValue('well_being');
  await teacher.getByLabel('Samenwerken in de groep').fill('Werkt graag samen met Yara en Mila.');
  await teacher.getByLabel(/^Huidige situatie/).fill('Gaat met plezier naar school.');
  await expect(teacher.getByText('Concept bewaard.')).toBeVisible();
  await teacher.getByRole('button', { name: 'Publiceren voor ouders' }).click();
  await expect(teacher).toHaveURL(new RegExp(`/kind/${sem.id}$`));
  expect((await db.talkRecord.findFirstOrThrow({ where: { childId: sem.id }, select: { agendaTopics: true } })).agendaTopics.at(-1)).toBe('Samenwerken in de groep');

  // 9. The Smit family is no longer in the pupil administration: the sync preview names who loses
  // access; after confirming, the father gets 404 on Yara from his next request.
  const yara = await db.child.findFirstOrThrow({ where: { pupilNumber: '5002' }, select: { id: true } });
  const parent = await browser.newPage();
  await signInWithLink(parent, LEAVING_PARENT, { origin: BASE, outbox: db });
  expect((await parent.goto(`${BASE}/kind/${yara.id}`))!.status()).toBe(200);

  await importFiles(page, pupilsCsv(family('5', '4').filter((r) => !r.startsWith('5002;'))), { sync: true });
  await expect(page.getByTestId('losing-access')).toContainText(`Pieter Smit <${LEAVING_PARENT}> — Yara Smit`);
  await page.getByRole('button', { name: 'Import bevestigen' }).click();
  await expect(page.getByText('De import is opgeslagen.')).toBeVisible();
  expect((await parent.goto(`${BASE}/kind/${yara.id}`))!.status()).toBe(404);

  // 10. Rollover: next year's import moves Sem from group 5 to group 6, his file intact.
  await page.goto(`${BASE}/directie/schooljaar`);
  await page.getByLabel('Naam', { exact: true }).fill('2027-2028');
  await page.getByLabel('Eerste dag').fill('2027-08-30');
  await page.getByLabel('Laatste dag').fill('2028-07-21');
  await page.getByLabel('Vakantieregio').selectOption('midden');
  await page.getByRole('button', { name: 'Schooljaar aanmaken' }).click();
  await expect(page.getByRole('heading', { name: 'Vakanties en vrije dagen 2027-2028' })).toBeVisible();

  await importFiles(page, pupilsCsv(family('6', '5').filter((r) => !r.startsWith('5002;'))), { year: '2027-2028', jorisGroup: '5' });
  await expect(page.getByTestId('rollover')).toContainText('Van 2026-2027 naar 2027-2028');
  await expect(page.getByTestId('moves-up')).toContainText('Sem Dekker: groep 5 → groep 6');
  await expect(page.getByTestId('moves-up')).toContainText('Mila van Leeuwen: groep 4 → groep 5');
  await page.getByRole('button', { name: 'Import bevestigen' }).click();
  await expect(page.getByText('De import is opgeslagen.')).toBeVisible();

  await page.goto(`${BASE}/kind/${sem.id}`);
  await expect(page.getByTestId('groups-by-year')).toHaveText('2026-2027: groep 5 · 2027-2028: groep 6');
  await expect(page.getByText('Werkt graag samen met Yara en Mila.')).toBeVisible();
});
