import { beforeAll, describe, expect, it } from 'vitest';
import { calendarFeed, renewCalendarToken } from '@/lib/bookings/calendar';
import { sendDueReminders } from '@/lib/bookings/reminders';
import { bookTalks, cancelBooking } from '@/lib/bookings/service';
import { holdSlot } from '@/lib/bookings/holds';
import { freeSlotsFor } from '@/lib/bookings/queries';
import { addSlot, inviteNoShows, notReached, setAttendance, unbookedFor } from '@/lib/bookings/staff';
import { joinWaitlist } from '@/lib/bookings/waitlist';
import { prisma } from '@/lib/db';
import { attendanceSheet, createGroupEvent, guardianEvents, recordAttendance, staffEvents } from '@/lib/events/service';
import { type BookingWorld, bookingWorld, OPEN } from './support/booking-world';
import { createFamily } from './support/factories';

let w: BookingWorld;
beforeAll(async () => {
  w = await bookingWorld();
});

const book = (f: BookingWorld['others'][number], slotId: string) =>
  bookTalks(f.guardians[0].actor, { roundId: w.round.id, items: [{ childId: f.children[0].id, slotId }] }, OPEN);

describe('waiting list', () => {
  it('a full group queues families; a cancelled slot goes to the first in line, in the same transaction', async () => {
    const slots = w.slotsOf(w.g3.id);
    // Twelve 3A families, six slots: the first six fill the group.
    const booked = [];
    for (const [i, f] of w.others.slice(0, 6).entries()) booked.push((await book(f, slots[i].id))[0]);
    const [first, second] = [w.others[6], w.others[7]];
    await expect(book(first, slots[0].id)).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    await joinWaitlist(first.guardians[0].actor, w.round.id, first.children[0].id, OPEN);
    await joinWaitlist(second.guardians[0].actor, w.round.id, second.children[0].id, OPEN);

    await cancelBooking(w.others[2].guardians[0].actor, booked[2].id, OPEN);
    const promoted = await prisma.booking.findFirst({ where: { roundId: w.round.id, childId: first.children[0].id }, include: { claims: true } });
    expect(promoted?.claims[0].slotId).toBe(slots[2].id);
    expect(await prisma.waitlistEntry.count({ where: { roundId: w.round.id } })).toBe(1); // the second still waits
    expect(await prisma.outboxMail.count({ where: { kind: 'booking_confirmed', to: first.guardians[0].user.email } })).toBe(1);
  });

  it('a child that already has a talk cannot queue', async () => {
    await expect(joinWaitlist(w.others[0].guardians[0].actor, w.round.id, w.others[0].children[0].id, OPEN)).rejects.toMatchObject({ code: 'CHILD_ALREADY_BOOKED' });
  });
});

describe('reminder the day before', () => {
  it('goes once to every guardian of a talk starting within 24 hours', async () => {
    const dayBefore = new Date('2026-11-16T19:00:00Z'); // talks are on the 17th from 18:00 UTC
    // The waiting-list test above left six 3A talks: the five first families and the one promoted from the list, one guardian each.
    const guardians = [0, 1, 3, 4, 5, 6].map((i) => w.others[i]);
    const sent = await sendDueReminders(dayBefore, { schoolId: w.school.id });
    expect(sent).toBe(6);
    expect(await sendDueReminders(dayBefore, { schoolId: w.school.id })).toBe(0);
    const mails = await prisma.outboxMail.findMany({ where: { kind: 'talk_reminder', schoolId: w.school.id }, select: { to: true, subject: true } });
    expect(mails.map((m) => m.to).sort()).toEqual(guardians.map((f) => f.guardians[0].user.email).sort());
    const first = mails.find((m) => m.to === w.others[0].guardians[0].user.email)!;
    expect(first.subject).toBe(`Morgen: Welbevindengesprek voor Kind ${w.others[0].children[0].lastName}`);
  });
});

describe('calendar feed', () => {
  it('lists the family’s talks behind a secret token, and a renewed token revokes the old one', async () => {
    const parent = w.others[0].guardians[0].user;
    const token = await renewCalendarToken(parent.id);
    const feed = await calendarFeed(token);
    expect(feed).toContain('BEGIN:VCALENDAR');
    expect(feed?.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const jufToken = await renewCalendarToken(w.juf.user.id);
    const teacherFeed = await calendarFeed(jufToken);
    expect(teacherFeed?.match(/BEGIN:VEVENT/g)).toHaveLength(6); // juf's six booked 3A talks
    // The teacher's feed names the children: logged in each child's audit trail, once a day however often the calendar fetches it.
    const audited = () => prisma.fileAudit.count({ where: { actorId: w.juf.user.id, subject: 'calendarFeed' } });
    const children = await prisma.booking.findMany({ where: { claims: { some: { slot: { group: { teachers: { some: { userId: w.juf.user.id } } } } } } }, distinct: ['childId'], select: { childId: true } });
    expect(children).toHaveLength(6);
    expect(await audited()).toBe(6);
    await calendarFeed(jufToken);
    expect(await audited()).toBe(children.length);
    // A parent's own feed is not an audited staff read.
    expect(await prisma.fileAudit.count({ where: { actorId: parent.id } })).toBe(0);
    await renewCalendarToken(parent.id);
    expect(await calendarFeed(token)).toBeNull();
    expect(await calendarFeed('not-a-token')).toBeNull();
  });
});

describe('information evening', () => {
  it('is scheduled per group, seen by its parents, and attendance gives the participation rate', async () => {
    const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId: w.school.id, key: 'information_evening' } });
    await expect(createGroupEvent(w.meester.actor, { stageId: stage.id, groupId: w.g3.id, date: '2026-09-01', from: '19:30', to: '20:15' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const event = await createGroupEvent(w.juf.actor, { stageId: stage.id, groupId: w.g3.id, date: '2026-09-01', from: '19:30', to: '20:15', location: 'Lokaal 3' });
    expect(event.startsAt.toISOString()).toBe('2026-09-01T17:30:00.000Z');
    expect((await guardianEvents(w.family.guardians[0].actor, new Date('2026-08-30'))).map((e) => e.id)).toEqual([event.id]);
    expect(await guardianEvents(w.neighbour6.guardians[0].actor, new Date('2026-08-30'))).toEqual([]);

    const { children } = await attendanceSheet(w.juf.actor, event.id);
    expect(children).toHaveLength(13);
    await recordAttendance(w.juf.actor, event.id, children.slice(0, 11).map((c) => c.id));
    const [summary] = await staffEvents(w.director.actor);
    expect([summary.present, summary.total]).toEqual([11, 13]);
    await expect(recordAttendance(w.juf.actor, event.id, [w.neighbour6.children[0].id])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(attendanceSheet(w.meester.actor, event.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('after the round', () => {
  it('lists families not reached this year and invites no-shows to plan again', async () => {
    const reached = async () => new Set((await notReached(w.director.actor, w.year.id)).map((c) => c.id));
    const before = await reached();
    // The neighbour in 6B has no talk and no group event: not reached.
    expect(before.has(w.neighbour6.children[0].id)).toBe(true);
    const booked = await bookTalks(w.neighbour6.guardians[0].actor, { roundId: w.round.id, items: [{ childId: w.neighbour6.children[0].id, slotId: w.slotsOf(w.g6.id)[5].id }] }, OPEN);
    expect((await reached()).has(w.neighbour6.children[0].id)).toBe(false);
    await setAttendance(w.meester.actor, booked[0].id, 'NO_SHOW');
    expect((await reached()).has(w.neighbour6.children[0].id)).toBe(true); // a no-show is not a talk
    expect(await inviteNoShows(w.meester.actor, w.round.id, w.g6.id)).toBe(1);
    expect(await prisma.outboxMail.count({ where: { kind: 'rebook_invitation', to: w.neighbour6.guardians[0].user.email } })).toBe(1);
    // A teacher sees only their own groups' families in this list.
    const forJuf = await notReached(w.juf.actor, w.year.id);
    expect(forJuf.some((c) => c.id === w.neighbour6.children[0].id)).toBe(false);
  });
});

describe('holding a tapped slot', () => {
  it('keeps it for the parent confirming it, then lets it go', async () => {
    // Group 3A is full by now; two new families in 6B.
    const [a, b] = [await createFamily(w.school.id, w.year.id, [w.g6.id]), await createFamily(w.school.id, w.year.id, [w.g6.id])];
    const free = await freeSlotsFor(a.guardians[0].actor, w.round.id, a.children[0].id, OPEN);
    const slot = free[0];
    await holdSlot(a.guardians[0].actor, slot.id, OPEN);
    await expect(holdSlot(b.guardians[0].actor, slot.id, OPEN)).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    expect((await freeSlotsFor(b.guardians[0].actor, w.round.id, b.children[0].id, OPEN)).map((s) => s.id)).not.toContain(slot.id);
    await expect(bookTalks(b.guardians[0].actor, { roundId: w.round.id, items: [{ childId: b.children[0].id, slotId: slot.id }] }, OPEN)).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    // Two minutes later the hold has lapsed and the other parent may take it.
    const later = new Date(+OPEN + 3 * 60_000);
    await holdSlot(b.guardians[0].actor, slot.id, later);
    await bookTalks(b.guardians[0].actor, { roundId: w.round.id, items: [{ childId: b.children[0].id, slotId: slot.id }] }, later);
    expect(await prisma.slotHold.count({ where: { slotId: slot.id } })).toBe(0);
  });

  it("is for a parent of a child in the slot's group only: another group's family cannot hold it", async () => {
    const [mine, other] = [await createFamily(w.school.id, w.year.id, [w.g6.id]), await createFamily(w.school.id, w.year.id, [w.g3.id])];
    const slot = (await freeSlotsFor(mine.guardians[0].actor, w.round.id, mine.children[0].id, OPEN))[0];
    await expect(holdSlot(other.guardians[0].actor, slot.id, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(holdSlot(w.meester.actor, slot.id, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.slotHold.count({ where: { slotId: slot.id } })).toBe(0);
    await holdSlot(mine.guardians[0].actor, slot.id, OPEN);
    expect(await prisma.slotHold.findMany({ where: { slotId: slot.id }, select: { userId: true } })).toEqual([{ userId: mine.guardians[0].user.id }]);
    // The later tests count 6B's unbooked families: these two were only here to hold.
    await prisma.slotHold.deleteMany({ where: { slotId: slot.id } });
    await prisma.child.deleteMany({ where: { id: { in: [mine.children[0].id, other.children[0].id] } } });
  });
});

describe('interpreter', () => {
  it('books a double slot when the school asks for it', async () => {
    const f = await createFamily(w.school.id, w.year.id, [w.g6.id]);
    const free = await freeSlotsFor(f.guardians[0].actor, w.round.id, f.children[0].id, OPEN);
    const first = free.find((s, i) => free[i + 1] && +free[i + 1].startsAt === +s.endsAt + 0)!;
    const [booked] = await bookTalks(f.guardians[0].actor, { roundId: w.round.id, items: [{ childId: f.children[0].id, slotId: first.id }], needsInterpreter: true, language: 'Arabisch' }, OPEN);
    expect(+booked.endsAt - +booked.startsAt).toBe(20 * 60_000);
    expect(await prisma.slotClaim.count({ where: { bookingId: booked.id } })).toBe(2);
  });
});

describe('day view tools', () => {
  it('a teacher adds an extra moment for their own group only, and books a family into it', async () => {
    const at = new Date('2026-11-17T19:30:00Z');
    const slot = await addSlot(w.meester.actor, w.round.id, w.g6.id, at);
    expect(+slot.endsAt - +slot.startsAt).toBe(10 * 60_000);
    await expect(addSlot(w.meester.actor, w.round.id, w.g6.id, at)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(addSlot(w.juf.actor, w.round.id, w.g6.id, at)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Not in a holiday: a study day on 18 November (school time) refuses the moment, naming it, and writes nothing.
    const studyDay = await prisma.holiday.create({ data: { schoolId: w.school.id, schoolYearId: w.year.id, name: 'Studiedag', startDate: new Date('2026-11-18'), endDate: new Date('2026-11-18') } });
    const before = await prisma.slot.count({ where: { roundId: w.round.id } });
    await expect(addSlot(w.meester.actor, w.round.id, w.g6.id, new Date('2026-11-18T16:00:00Z'))).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { fieldErrors: { date: ['schoolYear.inHoliday'] }, values: { holiday: 'Studiedag', date: '2026-11-18' } } });
    expect(await prisma.slot.count({ where: { roundId: w.round.id } })).toBe(before);
    await prisma.holiday.delete({ where: { id: studyDay.id } });
    const [{ children }] = await unbookedFor(w.meester.actor, [{ roundId: w.round.id, groupId: w.g6.id }]);
    // 6B without a talk: the family's child and the new family whose hold lapsed above.
    // (Listed by name, and factory names are random: which comes first is not the point.)
    expect(children).toHaveLength(2);
    expect(children.map((c) => c.id)).toContain(w.family.children[1].id);
    const after = new Date('2026-11-16T18:00:00Z'); // past the parents' deadline: staff may still book
    await bookTalks(w.meester.actor, { roundId: w.round.id, items: [{ childId: w.family.children[1].id, slotId: slot.id }] }, after);
    expect(await prisma.slotClaim.count({ where: { slotId: slot.id } })).toBe(1);
  });
});
