import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { calendarFeed, renewCalendarToken } from '@/lib/bookings/calendar';
import { childExport, childExportData } from '@/lib/records/export';
import { childMoments, createMoment, deleteMoment, momentsBetween } from '@/lib/records/moments';
import { childFilePdf } from '@/lib/records/pdf';
import { preparationForm, preparationsFor, savePreparation } from '@/lib/records/preparation';
import { deleteExpiredFiles, setChildLeft } from '@/lib/records/retention';
import { addChildNote, childNotes, createGuidancePlan, publishRecord, saveRecord } from '@/lib/records/service';
import { childTimeline } from '@/lib/records/timeline';
import { OPEN, bookingWorld, type BookingWorld } from './support/booking-world';
import { setCareCoordinator } from '@/lib/people/care';
import { guidancePlanSchema, momentSchema, preparationSchema, retentionSchema } from '@/lib/records/schemas';
import { createFamily, createSchool, createUser } from './support/factories';
import { pdfText } from './support/pdf-text';

let w: BookingWorld;
beforeAll(async () => {
  w = await bookingWorld();
});

// The family has a child in 3A (Loes' group in the demo: no child answers) and one in 6B (from group 5: the child answers too).
const child3 = () => w.family.children[0];
const child6 = () => w.family.children[1];
const parent = () => w.family.guardians[0].actor;

describe('parents prepare the talk', () => {
  it('follows the stage agenda, asks the child from group 5, and the teacher of the group reads it', async () => {
    const form3 = await preparationForm(parent(), child3().id, w.round.id);
    const form6 = await preparationForm(parent(), child6().id, w.round.id);
    expect(form3.round.stage.agendaTopics).toHaveLength(3);
    expect([form3.childAnswers, form6.childAnswers]).toEqual([false, true]);

    await savePreparation(parent(), { roundId: w.round.id, childId: child6().id, answers: { 0: 'Gaat graag, rekenen is lastig.', 2: 'Thuis oefenen we de tafels.' }, childAnswers: { 1: 'Ja, vooral gym.' } }, OPEN);
    // Saving again updates the household's one preparation; the child's answers of a group-3 child are not kept.
    await savePreparation(parent(), { roundId: w.round.id, childId: child6().id, answers: { 0: 'Gaat graag, rekenen is nog lastig.' }, childAnswers: { 1: 'Ja, vooral gym.', 6: 'Uitleg nog een keer.' } }, OPEN);
    await savePreparation(parent(), { roundId: w.round.id, childId: child3().id, answers: { 1: 'Wil leren lezen.' }, childAnswers: { 6: 'x' } }, OPEN);
    const saved = await prisma.talkPreparation.findMany({ where: { roundId: w.round.id }, orderBy: { createdAt: 'asc' } });
    expect(saved).toHaveLength(2);
    expect(saved[0].answers).toEqual({ [form6.round.stage.agendaTopics[0]]: 'Gaat graag, rekenen is nog lastig.' });
    // Under the question's wording, so a later change of the stage's questions leaves them as asked.
    expect(saved[0].childAnswers).toEqual({ 'Ga je graag naar school? Waarom wel of niet?': 'Ja, vooral gym.', 'Hoe kunnen de klas, je juf of meester en je ouders je helpen?': 'Uitleg nog een keer.' });
    expect(saved[1].childAnswers).toEqual({});

    // The information-only parent of the same household sees the same preparation.
    expect((await preparationForm(w.family.guardians[1].actor, child6().id, w.round.id)).saved?.childAnswers).toEqual(saved[0].childAnswers);

    const talks = [{ roundId: w.round.id, childId: child6().id }, { roundId: w.round.id, childId: child3().id }];
    expect((await preparationsFor(w.meester.actor, talks)).map((p) => p.childId)).toEqual([child6().id]);
    expect((await preparationsFor(w.juf.actor, talks)).map((p) => p.childId)).toEqual([child3().id]);
    expect(await prisma.fileAudit.count({ where: { childId: child6().id, actorId: w.meester.user.id, subject: 'preparation' } })).toBe(1);
  });

  it('refuses another family, staff, a stage without preparation and a round that is over', async () => {
    const input = { roundId: w.round.id, childId: child6().id, answers: { 0: 'x' }, childAnswers: {} };
    await expect(savePreparation(w.neighbour6.guardians[0].actor, input, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(savePreparation(w.meester.actor, input, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(savePreparation(parent(), input, new Date('2026-11-18T12:00:00Z'))).rejects.toMatchObject({ code: 'TALK_HELD' });
    await prisma.stageDefinition.update({ where: { id: w.stage.id }, data: { parentPreparation: false } });
    try {
      await expect(preparationForm(parent(), child6().id, w.round.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await prisma.stageDefinition.update({ where: { id: w.stage.id }, data: { parentPreparation: true } });
    }
  });
});

describe('talk arrangement', () => {
  it('an agreed moment is mailed to every guardian with an .ics and is in both calendar feeds', async () => {
    const moment = await createMoment(w.meester.actor, { childId: child6().id, purpose: 'Tussentijds gesprek over rekenen', date: '2027-01-12', time: '15:00', minutes: 15, location: 'Lokaal 6' }, OPEN);
    expect(moment.startsAt.toISOString()).toBe('2027-01-12T14:00:00.000Z');
    const mails = await prisma.outboxMail.findMany({ where: { kind: 'moment_agreed', to: { in: w.family.guardians.map((g) => g.user.email) } } });
    expect(mails).toHaveLength(2);
    expect(mails[0].icsFile).toContain('DTSTART:20270112T140000Z');

    for (const userId of [w.family.guardians[1].user.id, w.meester.user.id]) {
      const feed = await calendarFeed(await renewCalendarToken(userId));
      expect(feed).toContain('Tussentijds gesprek over rekenen');
    }
    expect(await calendarFeed(await renewCalendarToken(w.juf.user.id))).not.toContain('Tussentijds gesprek');
    expect(await calendarFeed(await renewCalendarToken(w.neighbour6.guardians[0].user.id))).not.toContain('Tussentijds gesprek');
    expect((await momentsBetween(w.meester.actor, new Date('2027-01-12T00:00:00Z'), new Date('2027-01-13T00:00:00Z'))).map((m) => m.id)).toEqual([moment.id]);

    await expect(createMoment(w.juf.actor, { childId: child6().id, purpose: 'x', date: '2027-01-12', time: '15:00', minutes: 15 }, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createMoment(parent(), { childId: child6().id, purpose: 'x', date: '2027-01-12', time: '15:00', minutes: 15 }, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createMoment(w.meester.actor, { childId: child6().id, purpose: 'x', date: '2026-11-01', time: '15:00', minutes: 15 }, OPEN)).rejects.toMatchObject({ code: 'IN_THE_PAST' });
    await expect(deleteMoment(w.juf.actor, moment.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const extra = await createMoment(w.meester.actor, { childId: child6().id, purpose: 'Weg te halen', date: '2027-02-02', time: '08:15', minutes: 10 }, OPEN);
    await deleteMoment(w.meester.actor, extra.id);
    expect(await prisma.outboxMail.count({ where: { kind: 'moment_cancelled', subject: { contains: 'Weg te halen' } } })).toBe(2);
    expect((await childMoments(parent(), child6().id)).map((m) => m.purpose)).toEqual(['Tussentijds gesprek over rekenen']);
  });
});

describe('one timeline, one export', () => {
  it('the timeline holds every part of the file and the JSON and PDF exports hold the timeline', async () => {
    const recordId = await saveRecord(w.meester.actor, {
      childId: child6().id, kind: 'phone', stageKey: undefined, title: 'Telefoongesprek', heldOn: '2026-11-20', notes: { Aantekeningen: 'Moeder belde over de bril.' },
      agreements: [{ owner: 'SCHOOL', what: 'Plaatst het kind vooraan in de klas.' }],
    });
    await publishRecord(w.meester.actor, recordId);
    await addChildNote(parent(), child6().id, 'Sinds kort een bril.', ['TEACHER']);
    await createGuidancePlan(w.meester.actor, { childId: child6().id, subject: 'Tafels van 6 en 7', parentTask: 'Overhoren', how: 'Tafelkaart', howOften: 'Drie keer per week', startsOn: '2026-11-18', evaluateOn: '2027-01-15' });
    const evening = await prisma.groupEvent.create({
      data: { schoolId: w.school.id, stageId: (await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId: w.school.id, key: 'information_evening' } })).id, groupId: w.g6.id, startsAt: new Date('2026-09-01T17:30:00Z'), endsAt: new Date('2026-09-01T18:15:00Z'), createdById: w.meester.user.id },
    });
    await prisma.eventAttendance.create({ data: { schoolId: w.school.id, eventId: evening.id, childId: child6().id, present: true, markedById: w.meester.user.id } });

    const { entries } = await childTimeline(parent(), child6().id);
    expect(new Set(entries.map((e) => e.type))).toEqual(new Set(['record', 'note', 'guidance', 'preparation', 'moment', 'meeting']));
    expect(entries.map((e) => +e.at)).toEqual([...entries.map((e) => +e.at)].sort((a, b) => b - a));

    const json = await childExport(parent(), child6().id);
    expect(json.timeline.map((e) => [e.type, e.at])).toEqual(entries.map((e) => [e.type, e.at.toISOString()]));
    expect(JSON.stringify(json)).toContain('Uitleg nog een keer.');

    const pdf = await childFilePdf(await childExportData(parent(), child6().id), 'nl');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The timeline as a reader sees it, newest first, at Amsterdam times whatever the zone of the server.
    const lines = (await pdfText(pdf)).split('\n');
    const amsterdam = (type: string) => new Intl.DateTimeFormat('nl', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(entries.find((e) => e.type === type)!.at);
    expect(lines[0]).toBe(`Dossier van Kind ${child6().lastName}`);
    // The parents' note and preparation are saved now (the real clock): below the moment agreed for 12 January 2027 until that day, above it after.
    const at = (type: string) => +entries.find((e) => e.type === type)!.at;
    const recent = [
      { at: +new Date('2027-01-12T14:00:00Z'), lines: ['12 januari 2027 om 15:00 · Afgesproken moment', 'Tussentijds gesprek over rekenen', 'Locatie: Lokaal 6'] },
      { at: at('note'), lines: [`${amsterdam('note')} · Informatie van ouders`, 'Sinds kort een bril.', 'gedeeld met leerkracht'] },
      {
        at: at('preparation'),
        lines: [
          `${amsterdam('preparation')} · Voorbereiding door ouders`,
          'Voorbereiding voor Welbevindengesprekken',
          'Huidige situatie: hoe gaat het, gaat het kind graag naar school, wat is leuk en',
          'minder leuk, wat leert het kind en is dat makkelijk of moeilijk?',
          'Gaat graag, rekenen is nog lastig.',
          'In de woorden van het kind',
          'Ga je graag naar school? Waarom wel of niet?',
          'Ja, vooral gym.',
          'Hoe kunnen de klas, je juf of meester en je ouders je helpen?',
          'Uitleg nog een keer.',
        ],
      },
    ].sort((x, y) => y.at - x.at);
    expect(lines.slice(lines.indexOf('Tijdlijn'))).toEqual([
      'Tijdlijn',
      ...recent.flatMap((b) => b.lines),
      '20 november 2026 · Gesprek',
      'Telefoongesprek',
      'Aantekeningen',
      'Moeder belde over de bril.',
      'Afspraken: School: Plaatst het kind vooraan in de klas. · Status: open',
      '18 november 2026 · Begeleiding thuis',
      'Tafels van 6 en 7',
      'Wat ouders doen: Overhoren',
      'Hoe: Tafelkaart · Drie keer per week',
      'Van 18 november 2026 tot de evaluatie op 15 januari 2027',
      '1 september 2026 om 19:30 · Bijeenkomst',
      'Informatieavond, groep 6B: aanwezig',
      `Kind ${child6().lastName} · Pagina 1`,
    ]);
    // Nothing of another family: not their children, not their parents.
    const strangers = [w.neighbour6, ...w.others].flatMap((f) => [...f.children.map((c) => c.lastName), ...f.guardians.map((g) => g.user.email)]);
    expect(strangers.filter((x) => lines.some((l) => l.includes(x)))).toEqual([]);

    // The other family and staff have no export; the teacher of another group has no timeline.
    await expect(childExport(w.neighbour6.guardians[0].actor, child6().id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(childExport(w.meester.actor, child6().id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(childTimeline(w.juf.actor, child6().id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The director does not see a parent addition shared with the teacher only.
    expect((await childTimeline(w.director.actor, child6().id)).entries.some((e) => e.type === 'note')).toBe(false);
  });
});

describe('retention', () => {
  it('deletes a left child with its whole file after the school retention period, and logs it without a name', async () => {
    const { children: [child], guardians: [g] } = await createFamily(w.school.id, w.year.id, [w.g6.id]);
    await addChildNote(g.actor, child.id, 'Verhuist naar Utrecht.', []);
    await prisma.fileAudit.create({ data: { schoolId: w.school.id, childId: child.id, actorId: w.meester.user.id, action: 'read', subject: 'file' } });
    await expect(setChildLeft(w.meester.actor, child.id, new Date('2026-12-01'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await setChildLeft(w.director.actor, child.id, new Date('2026-12-01'));

    expect(await deleteExpiredFiles(new Date('2028-11-30T12:00:00Z'), { schoolId: w.school.id })).toBe(0); // 24 months not yet over
    expect(await prisma.child.count({ where: { id: child.id } })).toBe(1);
    expect(await deleteExpiredFiles(new Date('2028-12-02T12:00:00Z'), { schoolId: w.school.id })).toBe(1);
    expect(await prisma.child.count({ where: { id: child.id } })).toBe(0);
    expect(await prisma.childNote.count({ where: { childId: child.id } })).toBe(0);
    expect(await prisma.fileAudit.count({ where: { childId: child.id } })).toBe(0);
    const log = await prisma.childDeletion.findFirstOrThrow({ where: { schoolId: w.school.id, pupilNumber: child.pupilNumber } });
    expect(log.counts).toMatchObject({ notes: 1, auditEntries: 2 });
    expect(JSON.stringify(log)).not.toContain(child.lastName);
    // Children who did not leave are untouched.
    expect(await prisma.child.count({ where: { id: child6().id } })).toBe(1);
  });
});

describe('internal supervisor (intern begeleider)', () => {
  it('once the director names them, sees every child and the additions parents share with the supervisor only', async () => {
    const ib = await createUser(w.school.id, 'TEACHER');
    await expect(childTimeline(ib.actor, child6().id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await addChildNote(parent(), child6().id, 'Alleen voor de intern begeleider.', ['SUPERVISOR']);

    await expect(setCareCoordinator(w.meester.actor, ib.actor.membershipId, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setCareCoordinator(w.director.actor, w.director.actor.membershipId, true)).rejects.toMatchObject({ code: 'NOT_FOUND' }); // teachers only
    await setCareCoordinator(w.director.actor, ib.actor.membershipId, true);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: ib.actor.membershipId } })).careCoordinator).toBe(true);

    // The flag reaches the actor from the membership on the next request (lib/auth/actor.ts).
    const supervisor = { ...ib.actor, care: true };
    const texts = async (actor: Actor) => (await childNotes(actor, child6().id)).map((n) => n.text);
    expect(await texts(supervisor)).toEqual(['Alleen voor de intern begeleider.']); // not 'Sinds kort een bril.': shared with the teacher only
    expect(await texts(w.meester.actor)).toEqual(['Sinds kort een bril.']);
    expect(await texts(w.director.actor)).toEqual([]);
    // Every group, not only their own: the 3A child's file (the parents' preparation) too.
    expect((await childTimeline(supervisor, child3().id)).entries.map((e) => e.type)).toEqual(['preparation']);
  });
});

describe('another school and bad input', () => {
  it("another school's director reaches nothing of this school's files, plans or staff", async () => {
    const other = await createSchool();
    const director = await createUser(other.school.id, 'DIRECTOR');
    await expect(childTimeline(director.actor, child6().id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setChildLeft(director.actor, child6().id, new Date('2026-12-01'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setCareCoordinator(director.actor, w.meester.actor.membershipId, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createMoment(director.actor, { childId: child6().id, purpose: 'x', date: '2027-01-12', time: '15:00', minutes: 15 }, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await prisma.child.findUniqueOrThrow({ where: { id: child6().id } })).leftAt).toBeNull();
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: w.meester.actor.membershipId } })).careCoordinator).toBe(false);
  });

  it('the forms reject bad input with a translatable reason', () => {
    const reasons = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message);
    expect(reasons(retentionSchema.safeParse({ months: '5' }))).toEqual(['outOfRange']);
    expect(reasons(momentSchema.safeParse({ childId: 'c', purpose: ' ', date: '2027-01-12', time: '25:00:00', minutes: '0' }))).toEqual(['required', 'invalidDateTime', 'outOfRange']);
    expect(reasons(guidancePlanSchema.safeParse({ childId: 'c', subject: 'Tafels', parentTask: 'x', how: 'x', howOften: 'x', startsOn: '2027-01-15', evaluateOn: '2026-11-18' }))).toEqual(['evaluateBeforeStart']);
    expect(preparationSchema.safeParse({ roundId: 'r', childId: 'c', answers: { 0: 'x'.repeat(2001) }, childAnswers: {} }).success).toBe(false);
  });
});
