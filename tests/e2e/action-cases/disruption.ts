import { expect } from '@playwright/test';
import { zonedToUtc } from '@/lib/format/time';
import { dayIn, schoolDayIn } from '../support';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// When plans change (lib/bookings/disruption.ts), from the day view: a teacher of the group (or the
// director) cancels an ill teacher's talks of a day; only the director moves an evening. Every round
// is on a new group with a new family that has booked its first slot, so no demo family is mailed.

const K = (name: string) => `lib/bookings/disruption-actions.ts#${name}`;
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const OK = { result: { ok: true } };
const invalid = (fieldErrors: Record<string, string[]>) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors } });
/** The service's own refusals (refuse() in disruption.ts) carry the values of their message too. */
const refused = (field: string, key: string, values: Record<string, string> = {}) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { [field]: [key] }, values } });

/** A new group, its teacher and a family that booked the first of the round's three slots. */
async function bookedDay(k: Kit) {
  const g = await k.newGroup();
  const fam = await k.family({ group: g.name });
  const teacher = await k.staff({ role: 'TEACHER', groups: [g.name] });
  const round = await k.round({ groups: [g.name] });
  const slots = round.slots[g.name];
  const bookingId = await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
  return { g, fam, teacher, round, slots, bookingId };
}
type Day = Awaited<ReturnType<typeof bookedDay>>;

/** Everything the two actions write: the slots and their claims, the talks, the queue, the log, the mail. */
const stateOf = (k: Kit, d: Day) => async () => ({
  blocks: await k.db.roundBlock.findMany({ where: { roundId: d.round.id }, select: { id: true, startsAt: true, endsAt: true } }),
  slots: await k.db.slot.findMany({ where: { roundId: d.round.id }, orderBy: { startsAt: 'asc' }, select: { id: true, startsAt: true, endsAt: true, blocked: true, claim: { select: { bookingId: true } } } }),
  bookings: await k.db.booking.findMany({ where: { roundId: d.round.id }, select: { id: true, childId: true, timeClaims: { select: { userId: true, startsAt: true } } } }),
  waitlist: await k.db.waitlistEntry.findMany({ where: { roundId: d.round.id }, select: { childId: true, userId: true } }),
  cancellations: await k.db.dayCancellation.findMany({ where: { roundId: d.round.id } }),
  events: await k.db.bookingEvent.findMany({ where: { roundId: d.round.id }, select: { kind: true, actorId: true }, orderBy: { createdAt: 'asc' } }),
  mails: await k.db.outboxMail.findMany({ where: { to: { in: d.fam.guardians.map((g) => g.email) } }, select: { to: true, kind: true } }),
});

/** Staff with nothing to say about the group's talks: a teacher of another group, the other school's director. */
async function staffOutsiders(k: Kit) {
  return [await k.staff({ role: 'TEACHER', groups: [(await k.newGroup()).name] }), await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' })];
}

/** Another school day than the round's, a week later. */
async function otherDay(k: Kit, day: string) {
  const d = await schoolDayIn(28);
  return d === day ? schoolDayIn(35) : d;
}

const cancelForm = (k: Kit, d: Day, over: Record<string, string> = {}) => k.form({ groupTeacher: `${d.g.id}:${d.teacher.id}`, date: d.round.day, reason: 'De leerkracht is ziek.', ...over });

export const cases: ActionCases = {
  [K('cancelTeacherDayAction')]: {
    allowed: async (k) => {
      const d = await bookedDay(k);
      const parent = d.fam.guardians[0];
      expect(await k.call(K('cancelTeacherDayAction'), [null, cancelForm(k, d)], d.teacher.cookie)).toEqual(OK);
      const after = await stateOf(k, d)();
      // Every moment of the day blocked (so the queue does not get them), the talk gone.
      expect(after.slots.map((s) => ({ blocked: s.blocked, claim: s.claim }))).toEqual(d.slots.map(() => ({ blocked: true, claim: null })));
      expect(after.bookings).toEqual([]);
      // No free moment left in the open round: the child queues, as the parent who booked.
      expect(after.waitlist).toEqual([{ childId: d.fam.child.id, userId: parent.id }]);
      expect(after.cancellations.map(({ groupId, teacherId, day, reason, byId, talks, families, waitlisted }) => ({ groupId, teacherId, day, reason, byId, talks, families, waitlisted }))).toEqual([
        { groupId: d.g.id, teacherId: d.teacher.id, day: d.round.day, reason: 'De leerkracht is ziek.', byId: d.teacher.id, talks: 1, families: 1, waitlisted: 1 },
      ]);
      expect(after.events).toEqual([{ kind: 'booked', actorId: parent.id }, { kind: 'cancelled', actorId: d.teacher.id }]);
      // One mail for the family (the booking confirmation came before it).
      expect(after.mails.filter((m) => m.kind === 'talk_day_cancelled')).toEqual([{ to: parent.email, kind: 'talk_day_cancelled' }]);
      // The same illness reported twice: the second hears it was just done.
      expect(await k.call(K('cancelTeacherDayAction'), [null, cancelForm(k, d)], d.teacher.cookie)).toEqual({ result: { ok: false, error: 'CONFLICT' } });
    },
    outsider: async (k) => {
      const d = await bookedDay(k);
      await k.unchanged(stateOf(k, d), async () => {
        for (const o of await staffOutsiders(k)) {
          expect(await k.call(K('cancelTeacherDayAction'), [null, cancelForm(k, d)], o.cookie)).toEqual(NOT_FOUND);
        }
        // Parents have no day view: the 404 page.
        expect(await k.call(K('cancelTeacherDayAction'), [null, cancelForm(k, d)], d.fam.guardians[0].cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const d = await bookedDay(k);
      const colleague = await k.staff({ role: 'TEACHER', groups: [(await k.newGroup()).name] });
      await k.unchanged(stateOf(k, d), async () => {
        const call = (over: Record<string, string>) => k.call(K('cancelTeacherDayAction'), [null, cancelForm(k, d, over)], d.teacher.cookie);
        expect(await call({ date: '2027-02-30', reason: 'zi' })).toEqual(invalid({ date: ['disruption.badDate'], reason: ['disruption.reasonRequired'] }));
        // Someone who does not teach the group cannot be the one who fell ill.
        expect(await call({ groupTeacher: `${d.g.id}:${colleague.id}` })).toEqual(refused('teacherId', 'disruption.notTeacherOfGroup'));
        const empty = await schoolDayIn(14);
        expect(await call({ date: empty })).toEqual(refused('date', 'disruption.noTalksThatDay', { date: empty }));
        expect(await call({ date: dayIn(-1) })).toEqual(refused('date', 'disruption.dayPassed'));
      });
    },
  },

  [K('moveBlockAction')]: {
    allowed: async (k) => {
      const d = await bookedDay(k);
      const director = await k.staff({ role: 'DIRECTOR' });
      const parent = d.fam.guardians[0];
      const to = await otherDay(k, d.round.day);
      // No time: the same wall-clock start (15:00 Amsterdam) on the new day.
      expect(await k.call(K('moveBlockAction'), [null, k.form({ blockId: d.round.blocks[0].id, date: to })], director.cookie)).toEqual(OK);
      const start = zonedToUtc(`${to}T15:00`);
      const at = (i: number) => new Date(+start + i * 15 * 60_000);
      const after = await stateOf(k, d)();
      expect(after.blocks).toEqual([{ id: d.round.blocks[0].id, startsAt: start, endsAt: at(3) }]);
      // The slots keep their ids and move along; the booking keeps its id, its slot and the parent's time.
      expect(after.slots).toEqual(d.slots.map((s, i) => ({ id: s.id, startsAt: at(i), endsAt: at(i + 1), blocked: false, claim: i ? null : { bookingId: d.bookingId } })));
      expect(after.bookings).toEqual([{ id: d.bookingId, childId: d.fam.child.id, timeClaims: [{ userId: parent.id, startsAt: start }] }]);
      expect(after.events).toEqual([{ kind: 'booked', actorId: parent.id }, { kind: 'moved', actorId: director.id }]);
      expect(after.mails.filter((m) => m.kind === 'talk_block_moved')).toEqual([{ to: parent.email, kind: 'talk_block_moved' }]);
    },
    outsider: async (k) => {
      const d = await bookedDay(k);
      const to = await otherDay(k, d.round.day);
      await k.unchanged(stateOf(k, d), async () => {
        // Moving an evening is the director's: not the group's own teacher, not another school's director.
        for (const o of [d.teacher, await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' })]) {
          expect(await k.call(K('moveBlockAction'), [null, k.form({ blockId: d.round.blocks[0].id, date: to })], o.cookie)).toEqual(NOT_FOUND);
        }
        expect(await k.call(K('moveBlockAction'), [null, k.form({ blockId: d.round.blocks[0].id, date: to })], d.fam.guardians[0].cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const d = await bookedDay(k);
      const director = await k.staff({ role: 'DIRECTOR' });
      await k.unchanged(stateOf(k, d), async () => {
        const call = (fields: Record<string, string>) => k.call(K('moveBlockAction'), [null, k.form({ blockId: d.round.blocks[0].id, ...fields })], director.cookie);
        expect(await call({ date: await otherDay(k, d.round.day), time: '24:00' })).toEqual(invalid({ time: ['disruption.badTime'] }));
        expect(await call({})).toEqual(invalid({ date: ['required'] }));
        expect(await call({ date: d.round.day })).toEqual(refused('date', 'disruption.sameTime'));
        expect(await call({ date: dayIn(-7) })).toEqual(refused('date', 'disruption.inPast'));
      });
    },
  },
};
