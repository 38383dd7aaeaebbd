import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/access/action';
import { cancelTeacherDay, dayDisruptions, moveRoundBlock } from '@/lib/bookings/disruption';
import { cancelTeacherDaySchema, moveBlockSchema } from '@/lib/bookings/disruption-schemas';
import { bookTalks, createRound } from '@/lib/bookings/service';
import { prisma } from '@/lib/db';
import { fullName } from '@/lib/format/name';
import { formatTalkTime } from '@/lib/format/time';
import { createDefaultStages } from '@/lib/school/stages';
import nl from '@/messages/nl.json';
import en from '@/messages/en.json';
import { base, OPEN } from './support/booking-world';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// When plans change (lib/bookings/disruption.ts): a teacher falls ill and their day is cancelled in
// one action; an evening moves to another date with all its bookings. Real PostgreSQL; mail read
// from the outbox rows the same transaction wrote.

type Family = Awaited<ReturnType<typeof createFamily>>;
let w: Awaited<ReturnType<typeof world>>;

/**
 * 3A (juf Anna and her duo colleague) and 6B (meester Bas); one round for both with two evenings,
 * the 17th and the 18th of November 19:00-20:00 (six 10-minute moments per group each).
 */
async function world() {
  const { school, year } = await createSchool();
  await prisma.$transaction((tx) => createDefaultStages(tx, school.id));
  const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'well_being' } });
  const director = await createUser(school.id, 'DIRECTOR');
  const anna = await createUser(school.id, 'TEACHER');
  const duo = await createUser(school.id, 'TEACHER');
  const bas = await createUser(school.id, 'TEACHER');
  const g3 = await createGroup(school.id, year.id, '3A', [anna.user.id, duo.user.id]);
  const g6 = await createGroup(school.id, year.id, '6B', [bas.user.id]);
  const siblings = await createFamily(school.id, year.id, [g3.id, g3.id]); // two children in 3A, one guardian
  const single = await createFamily(school.id, year.id, [g3.id]);
  const others = await Promise.all(Array.from({ length: 3 }, () => createFamily(school.id, year.id, [g3.id])));
  const sixB = await createFamily(school.id, year.id, [g6.id]);
  const { round } = await createRound(director.actor, {
    ...base,
    stageId: stage.id,
    name: 'Welbevindengesprekken',
    groupIds: [g3.id, g6.id],
    blocks: [
      { startsAt: '2026-11-17T19:00', endsAt: '2026-11-17T20:00' },
      { startsAt: '2026-11-18T19:00', endsAt: '2026-11-18T20:00' },
    ],
  });
  const slots = (groupId: string, day: string) =>
    prisma.slot.findMany({ where: { roundId: round.id, groupId, startsAt: { gte: new Date(`${day}T00:00:00Z`), lt: new Date(`${day}T23:00:00Z`) } }, orderBy: { startsAt: 'asc' } });
  return { school, year, stage, director, anna, duo, bas, g3, g6, siblings, single, others, sixB, round, slots };
}

const book = async (f: Family, childIndex: number, slotId: string) =>
  (await bookTalks(f.guardians[0].actor, { roundId: w.round.id, items: [{ childId: f.children[childIndex].id, slotId }] }, OPEN))[0];
const mailsTo = (email: string, kind: string) => prisma.outboxMail.findMany({ where: { to: email, kind } });
const when = (d: Date) => formatTalkTime(d, 'nl');
/** What the day has in the database: the rows the refusals must leave alone. */
const snapshot = async () => ({
  slots: await prisma.slot.findMany({ where: { schoolId: w.school.id }, orderBy: { id: 'asc' }, select: { id: true, startsAt: true, blocked: true } }),
  bookings: await prisma.booking.findMany({ where: { schoolId: w.school.id }, orderBy: { id: 'asc' }, select: { id: true, calendarSequence: true } }),
  claims: await prisma.guardianTimeClaim.findMany({ where: { schoolId: w.school.id }, orderBy: [{ userId: 'asc' }, { startsAt: 'asc' }] }),
  blocks: await prisma.roundBlock.findMany({ where: { roundId: w.round.id }, orderBy: { id: 'asc' } }),
  cancellations: await prisma.dayCancellation.count({ where: { schoolId: w.school.id } }),
  mails: await prisma.outboxMail.count({ where: { schoolId: w.school.id } }),
  waitlist: await prisma.waitlistEntry.count({ where: { schoolId: w.school.id } }),
});

beforeAll(async () => {
  w = await world();
});

describe('a teacher falls ill', () => {
  it('bad input is refused with a translated message and nothing is written', async () => {
    const before = await snapshot();
    const bad = parseInput(cancelTeacherDaySchema, { groupId: w.g3.id, teacherId: w.anna.user.id, date: '2026-02-30', reason: 'Ziek' });
    expect(bad).toMatchObject({ ok: false, error: 'INVALID_INPUT', fieldErrors: { date: ['disruption.badDate'] } });
    expect(parseInput(cancelTeacherDaySchema, { groupId: w.g3.id, teacherId: w.anna.user.id, date: '2026-11-17', reason: '  ' })).toMatchObject({ fieldErrors: { reason: ['disruption.reasonRequired'] } });
    // A teacher who does not teach the group, a day without talks: refused by the service, named.
    await expect(cancelTeacherDay(w.director.actor, { groupId: w.g3.id, teacherId: w.bas.user.id, date: '2026-11-17', reason: 'Ziek.' }, OPEN)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { fieldErrors: { teacherId: ['disruption.notTeacherOfGroup'] } },
    });
    await expect(cancelTeacherDay(w.director.actor, { groupId: w.g3.id, teacherId: w.anna.user.id, date: '2026-11-19', reason: 'Ziek.' }, OPEN)).rejects.toMatchObject({
      details: { fieldErrors: { date: ['disruption.noTalksThatDay'] }, values: { date: '2026-11-19' } },
    });
    // Every key the refusals use is a message in both languages.
    for (const key of ['badDate', 'reasonRequired', 'notTeacherOfGroup', 'noTalksThatDay', 'dayPassed', 'sameTime', 'inPast', 'overlapsBlock', 'overlapsTeacher', 'parentBusy', 'blockPassed', 'badTime'] as const) {
      expect(nl.errors.disruption[key]).toBeTruthy();
      expect(en.errors.disruption[key]).toBeTruthy();
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a teacher of another group and a guardian get NOT_FOUND, and nothing changes', async () => {
    const before = await snapshot();
    const input = { groupId: w.g3.id, teacherId: w.anna.user.id, date: '2026-11-17', reason: 'Juf Anna is ziek.' };
    await expect(cancelTeacherDay(w.bas.actor, input, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(cancelTeacherDay(w.single.guardians[0].actor, input, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const elsewhere = await createSchool();
    const otherDirector = await createUser(elsewhere.school.id, 'DIRECTOR');
    await expect(cancelTeacherDay(otherDirector.actor, input, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await snapshot()).toEqual(before);
  });

  it('the duo colleague cancels the day: 3 talks of 2 families → 2 mails with the reason and the first free moments, the moments blocked', async () => {
    const day17 = await w.slots(w.g3.id, '2026-11-17');
    const day18 = await w.slots(w.g3.id, '2026-11-18');
    expect(day17).toHaveLength(6);
    const talk = async (f: Family, i: number, slotId: string) => prisma.booking.findUniqueOrThrow({ where: { id: (await book(f, i, slotId)).id } });
    const a = await talk(w.siblings, 0, day17[0].id);
    const b = await talk(w.siblings, 1, day17[1].id);
    const c = await talk(w.single, 0, day17[3].id);
    await book(w.others[0], 0, day18[0].id); // the 18th's first moment is taken: not offered
    const sixB = await book(w.sixB, 0, (await w.slots(w.g6.id, '2026-11-17'))[0].id);

    const result = await cancelTeacherDay(w.duo.actor, { groupId: w.g3.id, teacherId: w.anna.user.id, date: '2026-11-17', reason: 'Juf Anna is ziek.' }, OPEN);
    expect(result).toMatchObject({ talks: 3, families: 2, mails: 2, waitlisted: 0, blocked: 6 });

    expect(await prisma.booking.count({ where: { id: { in: [a.id, b.id, c.id] } } })).toBe(0);
    expect(await prisma.booking.count({ where: { id: sixB.id } })).toBe(1); // 6B's teacher is not ill
    expect((await w.slots(w.g3.id, '2026-11-17')).map((s) => s.blocked)).toEqual([true, true, true, true, true, true]);
    expect((await w.slots(w.g6.id, '2026-11-17')).every((s) => !s.blocked)).toBe(true);

    // One mail per family: the siblings' guardian hears of both children in one.
    const mails = await prisma.outboxMail.findMany({ where: { schoolId: w.school.id, kind: 'talk_day_cancelled' } });
    expect(mails.map((m) => m.to).sort()).toEqual([w.siblings.guardians[0].user.email, w.single.guardians[0].user.email].sort());
    // The per-talk cancel mail is folded into it (its calendar cancel rides along).
    expect(await prisma.outboxMail.count({ where: { schoolId: w.school.id, kind: 'booking_cancelled' } })).toBe(0);
    const [mail] = await mailsTo(w.siblings.guardians[0].user.email, 'talk_day_cancelled');
    const free = [day18[1], day18[2], day18[3]].map((s) => `- ${when(s.startsAt)}`).join('\n');
    expect(mail.subject).toBe('Gesprek afgezegd: ' + fullName(w.anna.user) + ' kan op dinsdag 17 november 2026 niet');
    expect(mail.text).toBe(
      `Beste Test,\n\nHelaas gaan deze gesprekken met ${fullName(w.anna.user)} niet door:\n` +
        `- ${fullName(w.siblings.children[0])}: ${when(day17[0].startsAt)}\n- ${fullName(w.siblings.children[1])}: ${when(day17[1].startsAt)}\n\n` +
        `Reden: Juf Anna is ziek.\n\n` +
        `Een nieuw moment voor ${fullName(w.siblings.children[0])} & ${fullName(w.siblings.children[1])}? Dit zijn de eerste momenten die nog vrij zijn:\n${free}\n` +
        `Kies er een (of een ander moment) in het ouderportaal: http://localhost:3000/ouder/gesprekken/${w.round.id}\n\n` +
        `We begrijpen dat dit vervelend is. Met vriendelijke groet,\nDe school`,
    );
    // Both talks leave the calendar: one CANCEL per uid in the mail's calendar file.
    const cancels = mail.icsFile!.split('BEGIN:VCALENDAR').slice(1);
    expect(cancels).toHaveLength(2);
    for (const ics of cancels) expect(ics).toMatch(/METHOD:CANCEL[\s\S]*STATUS:CANCELLED/);
    expect(cancels.map((x) => /UID:(\S+)/.exec(x)![1]).sort()).toEqual([a.calendarUid, b.calendarUid].sort());

    const row = await prisma.dayCancellation.findFirstOrThrow({ where: { roundId: w.round.id, groupId: w.g3.id } });
    expect(row).toMatchObject({ teacherId: w.anna.user.id, byId: w.duo.user.id, day: '2026-11-17', reason: 'Juf Anna is ziek.', talks: 3, families: 2, waitlisted: 0 });
    // The day view says what happened, to the group's teachers and the director, not to 6B's.
    expect((await dayDisruptions(w.anna.actor, '2026-11-17')).cancellations.map((x) => [x.teacher, x.by, x.group, x.talks, x.families])).toEqual([[fullName(w.anna.user), fullName(w.duo.user), '3A', 3, 2]]);
    expect((await dayDisruptions(w.director.actor, '2026-11-17')).cancellations).toHaveLength(1);
    expect((await dayDisruptions(w.bas.actor, '2026-11-17')).cancellations).toHaveLength(0);
    // Reporting the same illness twice changes nothing.
    await expect(cancelTeacherDay(w.director.actor, { groupId: w.g3.id, teacherId: w.anna.user.id, date: '2026-11-17', reason: 'Ziek.' }, OPEN)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a round with no free moment left puts the children on the waiting list and says so', async () => {
    // 6B's 18th is the only 6B evening left open once the 17th is cancelled; fill it, then 6B's teacher falls ill on the 18th.
    const six17 = await w.slots(w.g6.id, '2026-11-17');
    for (const s of six17.slice(1)) await prisma.slot.update({ where: { id: s.id }, data: { blocked: true } });
    const six18 = await w.slots(w.g6.id, '2026-11-18');
    const fam = await createFamily(w.school.id, w.year.id, [w.g6.id]);
    const talk = await book(fam, 0, six18[2].id);
    // The 17th's one free 6B moment is taken by the other 6B family (booked in the test above).
    const result = await cancelTeacherDay(w.director.actor, { groupId: w.g6.id, teacherId: w.bas.user.id, date: '2026-11-18', reason: 'Meester Bas is ziek.' }, OPEN);
    expect(result).toMatchObject({ talks: 1, families: 1, mails: 1, waitlisted: 1 });
    expect(await prisma.booking.count({ where: { id: talk.id } })).toBe(0);
    const entry = await prisma.waitlistEntry.findFirstOrThrow({ where: { roundId: w.round.id, childId: fam.children[0].id } });
    expect(entry.userId).toBe(fam.guardians[0].user.id);
    const [mail] = await mailsTo(fam.guardians[0].user.email, 'talk_day_cancelled');
    expect(mail.text).toContain(`Er is in deze ronde geen moment meer vrij. Daarom staat ${fullName(fam.children[0])} op de wachtlijst`);
    expect(await prisma.dayCancellation.findFirstOrThrow({ where: { groupId: w.g6.id, day: '2026-11-18' } })).toMatchObject({ talks: 1, families: 1, waitlisted: 1 });
  });
});

describe('an evening moves', () => {
  it('bad input and clashes are refused with a translated message, nothing written', async () => {
    const block18 = await prisma.roundBlock.findFirstOrThrow({ where: { roundId: w.round.id, startsAt: new Date('2026-11-18T18:00:00Z') } });
    expect(parseInput(moveBlockSchema, { blockId: block18.id, date: '2026-13-01' })).toMatchObject({ ok: false, fieldErrors: { date: ['disruption.badDate'] } });
    expect(parseInput(moveBlockSchema, { blockId: block18.id, date: '2026-11-24', time: '25:00' })).toMatchObject({ ok: false, fieldErrors: { time: ['disruption.badTime'] } });
    const before = await snapshot();
    const refused = (input: { date: string; time?: string }, key: string) =>
      expect(moveRoundBlock(w.director.actor, { blockId: block18.id, ...input }, OPEN)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { fieldErrors: { date: [key] } } });
    await refused({ date: '2026-11-17', time: '19:30' }, 'disruption.overlapsBlock'); // the round's other evening
    await refused({ date: '2026-11-18' }, 'disruption.sameTime');
    await refused({ date: '2026-11-01' }, 'disruption.inPast');
    // Another round of 3A's teachers on the 25th: the same teachers cannot be in two places.
    const other = await createRound(w.director.actor, { ...base, stageId: w.stage.id, name: 'Rapportgesprekken', groupIds: [w.g3.id], blocks: [{ startsAt: '2026-11-25T19:30', endsAt: '2026-11-25T20:30' }] });
    await expect(moveRoundBlock(w.director.actor, { blockId: block18.id, date: '2026-11-25' }, OPEN)).rejects.toMatchObject({ details: { fieldErrors: { date: ['disruption.overlapsTeacher'] }, values: { group: '3A' } } });
    await prisma.talkRound.delete({ where: { id: other.round.id } });
    // Moving the evening is the director's: a teacher of the round's groups hears NOT_FOUND.
    await expect(moveRoundBlock(w.anna.actor, { blockId: block18.id, date: '2026-11-24' }, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(moveRoundBlock(w.bas.actor, { blockId: block18.id, date: '2026-11-24' }, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await snapshot()).toEqual(before);
  });

  it('a parent with another talk at the new time: refused, nothing written', async () => {
    const block18 = await prisma.roundBlock.findFirstOrThrow({ where: { roundId: w.round.id, startsAt: new Date('2026-11-18T18:00:00Z') } });
    // others[0] has the 18th at 19:00 in 3A; their guardian also has a talk for a child in 8C on the 26th at 19:00.
    const g8 = await createGroup(w.school.id, w.year.id, '8C', [(await createUser(w.school.id, 'TEACHER')).user.id]);
    const child8 = await prisma.child.create({ data: { schoolId: w.school.id, pupilNumber: `p${Date.now()}`, firstName: 'Broer', lastName: 'X', dateOfBirth: new Date('2014-01-01') } });
    await prisma.enrolment.create({ data: { schoolId: w.school.id, schoolYearId: w.year.id, childId: child8.id, groupId: g8.id } });
    const g = w.others[0].guardians[0];
    const household = await prisma.guardianship.findFirstOrThrow({ where: { userId: g.user.id }, select: { householdId: true } });
    await prisma.guardianship.create({ data: { schoolId: w.school.id, childId: child8.id, userId: g.user.id, householdId: household.householdId, right: 'AUTHORITY', relation: 'moeder' } });
    const r8 = await createRound(w.director.actor, { ...base, stageId: w.stage.id, name: 'Groep 8', groupIds: [g8.id], blocks: [{ startsAt: '2026-11-26T19:00', endsAt: '2026-11-26T19:30' }] });
    const s8 = await prisma.slot.findFirstOrThrow({ where: { roundId: r8.round.id }, orderBy: { startsAt: 'asc' } });
    await bookTalks(g.actor, { roundId: r8.round.id, items: [{ childId: child8.id, slotId: s8.id }] }, OPEN);
    const before = await snapshot();
    await expect(moveRoundBlock(w.director.actor, { blockId: block18.id, date: '2026-11-26' }, OPEN)).rejects.toMatchObject({ details: { fieldErrors: { date: ['disruption.parentBusy'] } } });
    expect(await snapshot()).toEqual(before);
  });

  it('the 18th moves to the 24th: every booking keeps its id on its slot at the new time, each family gets one mail', async () => {
    const block18 = await prisma.roundBlock.findFirstOrThrow({ where: { roundId: w.round.id, startsAt: new Date('2026-11-18T18:00:00Z') } });
    const day18 = await w.slots(w.g3.id, '2026-11-18');
    // Two more 3A talks on the 18th, one of them the siblings' (rebooked after the illness).
    await book(w.siblings, 0, day18[1].id);
    await book(w.siblings, 1, day18[2].id);
    const before = await prisma.booking.findMany({
      where: { roundId: w.round.id, claims: { some: { slot: { startsAt: { gte: block18.startsAt, lt: block18.endsAt } } } } },
      orderBy: { id: 'asc' },
      select: { id: true, calendarUid: true, calendarSequence: true, claims: { select: { slotId: true, slot: { select: { startsAt: true } } } }, timeClaims: { select: { startsAt: true } } },
    });
    expect(before).toHaveLength(3);
    const totalBookings = await prisma.booking.count({ where: { schoolId: w.school.id } });
    const totalSlots = await prisma.slot.count({ where: { roundId: w.round.id } });

    const result = await moveRoundBlock(w.director.actor, { blockId: block18.id, date: '2026-11-24' }, OPEN);
    expect(result).toMatchObject({ slots: 12, talks: 3, mails: 2 });

    const sixDays = 6 * 86_400_000;
    const after = await prisma.booking.findMany({
      where: { id: { in: before.map((b) => b.id) } },
      orderBy: { id: 'asc' },
      select: { id: true, calendarUid: true, calendarSequence: true, claims: { select: { slotId: true, slot: { select: { startsAt: true } } } }, timeClaims: { select: { startsAt: true } } },
    });
    expect(after.map((b) => b.id)).toEqual(before.map((b) => b.id));
    for (const [i, b] of after.entries()) {
      expect(b.claims.map((c) => c.slotId)).toEqual(before[i].claims.map((c) => c.slotId));
      expect(b.claims.map((c) => +c.slot.startsAt)).toEqual(before[i].claims.map((c) => +c.slot.startsAt + sixDays));
      expect(b.timeClaims.map((c) => +c.startsAt)).toEqual(before[i].timeClaims.map((c) => +c.startsAt + sixDays));
      expect(b.calendarUid).toBe(before[i].calendarUid);
      expect(b.calendarSequence).toBe(before[i].calendarSequence + 1);
    }
    expect(await prisma.booking.count({ where: { schoolId: w.school.id } })).toBe(totalBookings);
    expect(await prisma.slot.count({ where: { roundId: w.round.id } })).toBe(totalSlots);
    expect(await prisma.roundBlock.findUniqueOrThrow({ where: { id: block18.id } })).toMatchObject({ startsAt: new Date('2026-11-24T18:00:00Z'), endsAt: new Date('2026-11-24T19:00:00Z') });

    const [mail] = await mailsTo(w.siblings.guardians[0].user.email, 'talk_block_moved');
    expect(mail.subject).toBe('Nieuwe tijd: Welbevindengesprek');
    expect(mail.text).toContain(
      `- ${fullName(w.siblings.children[0])}: was ${when(day18[1].startsAt)}, nu ${when(new Date(+day18[1].startsAt + sixDays))}\n` +
        `- ${fullName(w.siblings.children[1])}: was ${when(day18[2].startsAt)}, nu ${when(new Date(+day18[2].startsAt + sixDays))}`,
    );
    expect(mail.text).toContain(`Tot ${when(w.round.deadline)} kunt u het gesprek in het ouderportaal afzeggen of een ander moment kiezen`);
    const requests = mail.icsFile!.split('BEGIN:VCALENDAR').slice(1);
    expect(requests).toHaveLength(2);
    for (const ics of requests) expect(ics).toMatch(/METHOD:REQUEST[\s\S]*SEQUENCE:1/);
    expect(await prisma.outboxMail.count({ where: { schoolId: w.school.id, kind: 'booking_moved' } })).toBe(0);
  });

  it('a shift shorter than the evening itself works (the slots pass over each other)', async () => {
    const block = await prisma.roundBlock.findFirstOrThrow({ where: { roundId: w.round.id, startsAt: new Date('2026-11-24T18:00:00Z') } });
    const booking = await prisma.booking.findFirstOrThrow({ where: { childId: w.siblings.children[0].id, roundId: w.round.id }, select: { id: true, claims: { select: { slot: { select: { startsAt: true } } } } } });
    await moveRoundBlock(w.director.actor, { blockId: block.id, date: '2026-11-24', time: '19:20' }, OPEN);
    const moved = await prisma.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { claims: { select: { slot: { select: { startsAt: true } } } } } });
    expect(+moved.claims[0].slot.startsAt).toBe(+booking.claims[0].slot.startsAt + 20 * 60_000);
  });
});
