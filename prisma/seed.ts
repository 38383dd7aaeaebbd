// The demo data: obs De Distelvlinder (through the real CSV import) with an open talk round, and a
// small second school on the same board, so access tests can prove schools are kept apart.
import { addDays, setHours, setMinutes, startOfDay } from 'date-fns';
import { hashPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/auth/actor';
import { bookTalks, createRound } from '@/lib/bookings/service';
import { prisma } from '@/lib/db';
import { zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { toCsv } from '@/lib/import/csv';
import { importInto } from '@/lib/import/apply';
import { PUPIL_COLUMNS, STAFF_COLUMNS } from '@/lib/import/schemas';
import { DEMO_LOGINS, DEMO_PASSWORD, demoSchoolCsv } from '@/lib/school/demo-school';
import { addDaysToKey, proposedHolidays, schoolYearOf } from '@/lib/school/holidays-nl';
import { createDefaultStages } from '@/lib/school/stages';
import { addWorkingDays } from '@/lib/school/working-days';
import { attendanceSheet, createGroupEvent, recordAttendance } from '@/lib/events/service';
import { publishDefaultCharter, publishedCharter } from '@/lib/charter/service';
import { createMoment } from '@/lib/records/moments';
import { savePreparation } from '@/lib/records/preparation';
import { confirmRecord, createGuidancePlan, publishRecord, saveRecord, setAgreementStatus } from '@/lib/records/service';
import { seedDemoAnnouncements } from './demo/announcements';
import { seedDemoCommunication } from './demo/communication';
import { seedDemoMeetings } from './demo/meetings';
import { seedDemoMessages } from './demo/messages';
import { seedDemoParticipation } from './demo/participation';
import { seedDemoReach } from './demo/reach';
import { seedDemoReports } from './demo/reports';
import { seedDemoRhythm } from './demo/rhythm';
import { seedDemoAfterRound, seedDemoSatisfaction } from './demo/surveys';

// The school year the demo is started in (2026-2027 today), with regio noord's holidays and the
// national days off in school time: the demo never runs on an ended year, whenever it is started.
function demoYear(now: Date) {
  const year = schoolYearOf(zonedDateKey(now), 'noord');
  return { year: { name: year.name, startDate: new Date(year.startDate), endDate: new Date(year.endDate) }, holidays: proposedHolidays(year.name, 'noord') };
}

async function createSchool(boardName: string, name: string, slug: string, city: string, now: Date) {
  const { year: YEAR, holidays: HOLIDAYS } = demoYear(now);
  const board = (await prisma.board.findFirst({ where: { name: boardName } })) ?? (await prisma.board.create({ data: { name: boardName } }));
  return prisma.$transaction(async (tx) => {
    const school = await tx.school.create({ data: { boardId: board.id, name, slug, city, holidayRegion: 'noord' } }); // Friesland
    const year = await tx.schoolYear.create({ data: { schoolId: school.id, ...YEAR } });
    await tx.holiday.createMany({ data: HOLIDAYS.map((h) => ({ schoolId: school.id, schoolYearId: year.id, name: h.name, startDate: new Date(h.startDate), endDate: new Date(h.endDate) })) });
    await createDefaultStages(tx, school.id);
    return { school, year };
  });
}

/** A day early in the demo's school year ("YYYY-MM-DD"), `days` after its first day, but never after yesterday. */
async function earlyInYear(schoolId: string, now: Date, days: number) {
  const year = await prisma.schoolYear.findFirstOrThrow({ where: { schoolId }, orderBy: { startDate: 'desc' } });
  const day = addDaysToKey(year.startDate.toISOString().slice(0, 10), days);
  const yesterday = zonedDateKey(addDays(now, -1));
  return day < yesterday ? day : yesterday;
}

async function setStaffPasswords(schoolId: string) {
  // One hash for every demo account: scrypt is deliberately slow, and they share the password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.user.updateMany({ where: { memberships: { some: { schoolId, role: { in: ['TEACHER', 'DIRECTOR'] } } } }, data: { passwordHash } });
}

async function actorOf(schoolId: string, email: string, role: 'GUARDIAN' | 'DIRECTOR'): Promise<Actor> {
  const m = await prisma.membership.findFirstOrThrow({ where: { schoolId, role, user: { email } } });
  return { userId: m.userId, schoolId, role, membershipId: m.id };
}

/** Well-being talks open now, held next week; about a third of the families have booked already. */
async function seedDemoRound(schoolId: string, now: Date) {
  const director = await actorOf(schoolId, DEMO_LOGINS.director.email, 'DIRECTOR');
  const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId, key: 'well_being' } });
  const groups = await prisma.group.findMany({ where: { schoolId }, select: { id: true, name: true } });
  const day = (n: number) => zonedDateKey(addDays(now, n));
  // Talks on school days (a week on, later when a holiday is near: no talks in a holiday).
  const holidays = await prisma.holiday.findMany({ where: { schoolId }, select: { startDate: true, endDate: true } });
  const schoolDay = (n: number) => addWorkingDays(now, n, holidays);
  const local = (d: Date) => `${zonedDateKey(d)}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  const { round } = await createRound(director, {
    stageId: stage.id,
    name: 'Welbevindengesprekken',
    groupIds: groups.map((g) => g.id),
    slotMinutes: stage.durationMinutes,
    gapMinutes: 5,
    walkingMinutes: 2,
    opensAt: local(setMinutes(setHours(startOfDay(addDays(now, -1)), 19), 0)),
    deadline: `${day(6)}T12:00`,
    blocks: [
      { startsAt: `${schoolDay(5)}T15:00`, endsAt: `${schoolDay(5)}T17:30` },
      { startsAt: `${schoolDay(5)}T18:30`, endsAt: `${schoolDay(5)}T20:30` },
      { startsAt: `${schoolDay(7)}T15:00`, endsAt: `${schoolDay(7)}T17:30` },
    ],
    locations: Object.fromEntries(groups.map((g) => [g.id, `Lokaal ${g.name}`])),
    splitDuo: [],
    separateTalksAllowed: true,
    inviteInformationOnly: false,
    interpreterDoubleSlot: true,
  });
  // A teacher's own breaks and the talks teachers ask for, before the families book.
  await seedDemoRhythm(schoolId, round.id, now);
  const demoGuardians = [DEMO_LOGINS.guardian.email, DEMO_LOGINS.guardianOtherHousehold.email, DEMO_LOGINS.informationOnly.email];
  const children = await prisma.child.findMany({
    where: { schoolId, guardianships: { none: { user: { email: { in: demoGuardians } } } } },
    orderBy: { pupilNumber: 'asc' },
    select: { id: true, enrolments: { select: { groupId: true } }, guardianships: { where: { right: 'AUTHORITY' }, take: 1, select: { user: { select: { email: true } } } } },
  });
  const slots = await prisma.slot.findMany({ where: { roundId: round.id }, orderBy: { startsAt: 'asc' } });
  const used = new Set<string>();
  for (const [i, child] of children.entries()) {
    if (i % 3 !== 0 || !child.guardianships[0]) continue;
    const slot = slots.filter((s) => s.groupId === child.enrolments[0].groupId && !used.has(s.id))[(i * 7) % 9];
    if (!slot) continue;
    used.add(slot.id);
    const parent = await actorOf(schoolId, child.guardianships[0].user.email, 'GUARDIAN');
    await bookTalks(parent, { roundId: round.id, items: [{ childId: child.id, slotId: slot.id }] }, now).catch(() => undefined);
  }
  // These confirmations are history, not news: do not print or send them on first start.
  await prisma.outboxMail.updateMany({ where: { schoolId, sentAt: null }, data: { sentAt: now } });
}

/**
 * Daan's file, so the demo parent and Daan's teacher open a file with history: the parent-tell talk
 * of September (published, confirmed, one agreement met), a plan for home, an agreed extra moment
 * (talk arrangement) and his mother's preparation of the well-being talk with Daan's own answers.
 */
async function seedDemoFile(schoolId: string, now: Date) {
  const mother = await actorOf(schoolId, DEMO_LOGINS.guardian.email, 'GUARDIAN');
  const daan = await prisma.child.findFirstOrThrow({
    where: { schoolId, firstName: 'Daan', guardianships: { some: { userId: mother.userId } } },
    select: { id: true, enrolments: { select: { group: { select: { teachers: { take: 1, select: { userId: true } } } } } } },
  });
  const teacherId = daan.enrolments[0].group.teachers[0].userId;
  const m = await prisma.membership.findFirstOrThrow({ where: { schoolId, userId: teacherId, role: 'TEACHER' } });
  const teacher: Actor = { userId: teacherId, schoolId, role: 'TEACHER', membershipId: m.id };
  const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId, key: 'parent_tell' } });
  const [traits, social, , home, hobbies, , parentsDo] = stage.agendaTopics;
  // The parent-tell talk of week 4, published the next morning and confirmed by his mother that evening.
  const heldOn = await earlyInYear(schoolId, now, 22);
  const recordId = await saveRecord(teacher, {
    childId: daan.id, kind: 'talk', stageKey: 'parent_tell', title: stage.name, heldOn,
    notes: {
      [traits]: 'Daan is behulpzaam en nieuwsgierig; hij vraagt veel.',
      [social]: 'Speelt graag met Milan en Yara; in de pauze soms alleen.',
      [home]: 'Ouders zijn uit elkaar; Daan is om de week bij vader.',
      [hobbies]: 'Voetbal op zaterdag, tekenen.',
      [parentsDo]: 'Moeder leest elke avond voor.',
    },
    agreements: [
      { owner: 'TEACHER', what: 'Let op Daan in de pauze en geeft een seintje als hij vaak alleen is.', sharing: 'Bericht in het portaal' },
      { owner: 'PARENT', what: 'Geeft wisselingen tussen de huizen door aan de leerkracht.', dueOn: undefined, sharing: undefined },
    ],
  });
  await publishRecord(teacher, recordId, zonedToUtc(`${addDaysToKey(heldOn, 1)}T10:00`));
  await confirmRecord(mother, recordId, 'Dank voor het fijne gesprek.', zonedToUtc(`${addDaysToKey(heldOn, 1)}T21:00`));
  const [pauze] = await prisma.agreement.findMany({ where: { recordId }, orderBy: { createdAt: 'asc' } });
  await setAgreementStatus(teacher, pauze.id, 'ACHIEVED', 'Daan speelt nu vaak mee met voetbal.');
  await createGuidancePlan(teacher, {
    childId: daan.id, subject: 'Tafels van 6, 7 en 8', parentTask: 'De tafels overhoren', how: 'Met de tafelkaart, door elkaar gevraagd', howOften: 'Drie keer per week tien minuten',
    startsOn: zonedDateKey(addDays(now, -21)), evaluateOn: zonedDateKey(addDays(now, 35)),
  });
  await createMoment(teacher, { childId: daan.id, purpose: 'Tussentijds gesprek: hoe gaat het met de tafels en in de pauze?', date: zonedDateKey(addDays(now, 28)), time: '15:15', minutes: 15, location: 'Lokaal 6' }, now);
  const round = await prisma.talkRound.findFirstOrThrow({ where: { schoolId, stage: { key: 'well_being' } } });
  await savePreparation(mother, {
    roundId: round.id, childId: daan.id,
    answers: { 0: 'Daan gaat weer graag naar school sinds hij meevoetbalt. Rekenen vindt hij lastig.', 1: 'Hij wil de tafels beter kennen; thuis oefenen we met de tafelkaart.' },
    // By the stage's child questions: 1 likes school, 3 learning, 6 help.
    childAnswers: { 1: 'Ja, vooral gym en tekenen.', 3: 'Breuken. Dat is moeilijk.', 6: 'Als de juf het nog een keer uitlegt.' },
  }, now);
  await prisma.outboxMail.updateMany({ where: { schoolId, sentAt: null }, data: { sentAt: now } });
}

/** The information evenings of school week 2, with attendance registered (about 85%). */
async function seedDemoEvenings(schoolId: string, now: Date) {
  const director = await actorOf(schoolId, DEMO_LOGINS.director.email, 'DIRECTOR');
  const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId, key: 'information_evening' } });
  const groups = await prisma.group.findMany({ where: { schoolId }, orderBy: { name: 'asc' } });
  for (const [i, g] of groups.entries()) {
    const date = await earlyInYear(schoolId, now, 8 + (i % 3)); // Tuesday to Thursday of week 2
    const event = await createGroupEvent(director, { stageId: stage.id, groupId: g.id, date, from: '19:30', to: '20:15', location: `Lokaal ${g.name}` });
    const { children } = await attendanceSheet(director, event.id);
    await recordAttendance(director, event.id, children.filter((_, j) => (j + i) % 7 !== 0).map((c) => c.id));
  }
}

/** The default charter, published; most parents (not the demo logins) have agreed to it already. */
async function seedDemoCharter(schoolId: string, now: Date) {
  const director = await actorOf(schoolId, DEMO_LOGINS.director.email, 'DIRECTOR');
  const published = new Date(`${await earlyInYear(schoolId, now, 0)}T00:00:00Z`);
  await publishDefaultCharter(director, published);
  const version = (await publishedCharter(schoolId))!;
  const demo = Object.values(DEMO_LOGINS).map((l) => l.email);
  const guardians = await prisma.membership.findMany({ where: { schoolId, role: 'GUARDIAN', user: { email: { notIn: demo } } }, orderBy: { userId: 'asc' }, select: { userId: true } });
  // Agreed to over the first weeks after publication (most soon, some later), so the director's
  // reach trend climbs through the autumn instead of jumping on the day the demo was made.
  const weeks = Math.max(1, Math.floor((+now - +published) / (7 * 86_400_000)));
  await prisma.charterAcknowledgement.createMany({
    data: guardians
      .filter((_, i) => i % 4 !== 0)
      .map((g, i) => ({ versionId: version.id, schoolId, userId: g.userId, acknowledgedAt: new Date(Math.min(+now, +published + (((i * i) % 7) * Math.min(weeks, 10) * 7 * 86_400_000) / 7 + (i % 5) * 86_400_000)) })),
  });
}

/** Seeds De Distelvlinder into an empty database (never next to real schools). Returns whether it did. */
export async function seedDemoSchool(now = new Date()) {
  process.env.MAIL_WORKER = 'off';
  if ((await prisma.school.count()) > 0) return false; // only an empty database gets demo data
  const { school, year } = await createSchool('Stichting Openbaar Onderwijs Noorderlicht', 'obs De Distelvlinder', 'distelvlinder', 'Leeuwarden', now);
  const files = demoSchoolCsv();
  await prisma.$transaction((tx) => importInto(tx, school.id, year.id, files), { maxWait: 10_000, timeout: 120_000 });
  await setStaffPasswords(school.id);
  await seedDemoEvenings(school.id, now);
  await seedDemoCharter(school.id, now);
  // The satisfaction survey of 2022 and 2024 (the director's next run shows what changed).
  await seedDemoSatisfaction(school.id);
  await seedDemoRound(school.id, now);
  await seedDemoFile(school.id, now);
  // Last month's parent-tell talks and the two questions after them, answered.
  await seedDemoAfterRound(school.id, now);
  // Being heard: the complaint route's contacts, conversations with their reply promises, this
  // morning's absences and leave, last month's newsletter with its read counts.
  await seedDemoCommunication(school.id);
  await seedDemoMessages(school.id, now);
  await seedDemoReports(school.id, now);
  await seedDemoAnnouncements(school.id, now);
  // Taking part: an excursion half full, last month's theme evening below its target.
  await seedDemoParticipation(school.id, now);
  await seedDemoMeetings(school.id, now);
  await seedDemoReach(school.id, now);
  return true;
}

export async function seedOtherSchool(now = new Date()) {
  process.env.MAIL_WORKER = 'off';
  if (await prisma.school.findUnique({ where: { slug: 'de-regenboog' } })) return false;
  const { school, year } = await createSchool('Stichting Openbaar Onderwijs Noorderlicht', 'cbs De Regenboog', 'de-regenboog', 'Sneek', now);
  const pupils = toCsv(PUPIL_COLUMNS, [
    ['9001', 'Tobias', null, 'Zwart', '03-04-2018', '5', 'Wendy', null, 'Zwart', 'wendy.zwart@voorbeeld.nl', '06-99000001', 'moeder', 'ja', '1'],
    ['9002', 'Lieke', 'van', 'Aalst', '19-09-2017', '5', 'Pim', 'van', 'Aalst', 'pim.vanaalst@voorbeeld.nl', '06-99000002', 'vader', 'ja', '1'],
    ['9003', 'Senna', null, 'Oosting', '11-01-2018', '5', 'Tineke', null, 'Oosting', 'tineke.oosting@voorbeeld.nl', '06-99000003', 'moeder', 'ja', '1'],
  ]);
  const staff = toCsv(STAFF_COLUMNS, [
    ['Hilde', null, 'Kramer', 'directeur@regenboog.demo', 'directeur', ''],
    ['Freek', null, 'Altena', 'leerkracht@regenboog.demo', 'leerkracht', '5'],
  ]);
  await prisma.$transaction((tx) => importInto(tx, school.id, year.id, { pupils, staff }), { maxWait: 10_000, timeout: 60_000 });
  await setStaffPasswords(school.id);
  return true;
}

// `npm run db:seed`
if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = Date.now();
  const created = await seedDemoSchool();
  console.log(created ? `Seeded De Distelvlinder in ${Date.now() - t0} ms.` : 'De Distelvlinder already exists; nothing to do.');
  await prisma.$disconnect();
}
