import { expect } from '@playwright/test';
import { zonedToUtc } from '@/lib/format/time';
import { schoolDayIn as schoolDay } from '../support';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// Talks: parents book, move, cancel, queue and give preferences for their own children; staff plan
// and run the rounds of their own groups. Every round here is on a new group, so no demo family sees it.

const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const OK = { result: { ok: true } };

/** A new group with a new family in it and a round on it (3 free slots). */
async function setting(k: Kit, opts: Parameters<Kit['round']>[0] & { separated?: boolean; informationOnly?: boolean } = {}) {
  const g = await k.newGroup();
  const fam = await k.family({ group: g.name, separated: opts.separated, informationOnly: opts.informationOnly });
  const round = await k.round({ ...opts, groups: [g.name] });
  return { g, fam, round, slots: round.slots[g.name] };
}

/** A family of another group and one of another school: neither has anything to do with `setting`'s child. */
async function outsiders(k: Kit) {
  const other = await k.family({ group: (await k.newGroup()).name });
  const otherSchool = await k.family({ school: 'de-regenboog', group: '5' });
  return [other.guardians[0], otherSchool.guardians[0]];
}

/** `setting` with a new teacher of the group. */
async function planned(k: Kit, opts: Parameters<typeof setting>[1] = {}) {
  const s = await setting(k, opts);
  return { ...s, teacher: await k.staff({ role: 'TEACHER', groups: [s.g.name] }) };
}

/** `planned` with the family's talk booked by the parent. */
async function booked(k: Kit) {
  const p = await planned(k);
  const bookingId = await k.book(p.fam.guardians[0], p.round.id, p.fam.child.id, p.slots[0].id);
  return { ...p, round: { ...p.round, bookingId } };
}

/** Staff who do not plan `planned`'s group: a teacher of another group, the other school's director. */
async function staffOutsiders(k: Kit) {
  return [await k.staff({ role: 'TEACHER', groups: [(await k.newGroup()).name] }), await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' })];
}

/** The round form as the page posts it: the group, one block of an hour (four talks of 15 minutes). */
async function roundForm(k: Kit, groupId: string, name: string) {
  const stage = await k.db.stageDefinition.findFirstOrThrow({ where: { school: { slug: 'distelvlinder' }, isGroupEvent: false }, orderBy: { position: 'asc' } });
  const day = await schoolDay(21);
  return k.form({ stageId: stage.id, name, groupIds: [groupId], slotMinutes: '15', gapMinutes: '0', opensAt: `${await schoolDay(1)}T08:00`, deadline: `${await schoolDay(14)}T17:00`, blockDate: [day], blockFrom: ['15:00'], blockTo: ['16:00'] });
}

const bookingsOf = (k: Kit, roundId: string) => () => k.db.booking.findMany({ where: { roundId }, select: { id: true, childId: true, claims: { select: { slotId: true } } }, orderBy: { id: 'asc' } });

const BOOK = 'lib/bookings/actions.ts#bookAction';
const CANCEL = 'lib/bookings/actions.ts#cancelAction';
const MOVE = 'lib/bookings/actions.ts#moveAction';

export const cases: ActionCases = {
  [BOOK]: {
    allowed: async (k) => {
      const { fam, round, slots } = await setting(k);
      const answer = await k.call(BOOK, [{ roundId: round.id, items: [{ childId: fam.child.id, slotId: slots[1].id }], note: 'Graag over lezen' }], fam.guardians[0].cookie);
      // A new talk's calendar identity is its own id, first version (a move carries it over and raises the sequence).
      expect(answer).toEqual({ result: { ok: true, bookings: [{ id: expect.any(String), childId: fam.child.id, startsAt: slots[1].startsAt, endsAt: new Date(+slots[1].startsAt + 15 * 60_000), location: null, calendarUid: expect.any(String), calendarSequence: 0 }] } });
      const id = (answer as { result: { bookings: { id: string }[] } }).result.bookings[0].id;
      expect(await k.db.booking.findMany({ where: { roundId: round.id }, select: { id: true, childId: true, bookedById: true, householdKey: true, note: true, calendarUid: true, claims: { select: { slotId: true } } } })).toEqual([
        { id, childId: fam.child.id, bookedById: fam.guardians[0].id, householdKey: 'joint', note: 'Graag over lezen', calendarUid: `${id}@ouderportaal`, claims: [{ slotId: slots[1].id }] },
      ]);
      expect(answer).toMatchObject({ result: { bookings: [{ calendarUid: `${id}@ouderportaal` }] } });
    },
    outsider: async (k) => {
      const { fam, round, slots } = await setting(k);
      for (const o of await outsiders(k)) {
        await k.unchanged(bookingsOf(k, round.id), async () => {
          expect(await k.call(BOOK, [{ roundId: round.id, items: [{ childId: fam.child.id, slotId: slots[0].id }] }], o.cookie)).toEqual(NOT_FOUND);
        });
      }
      expect(await bookingsOf(k, round.id)()).toEqual([]);
    },
    badInput: async (k) => {
      const { fam, round, slots } = await setting(k);
      await k.unchanged(bookingsOf(k, round.id), async () => {
        // One slot for two talks: the form cannot send it, a hand-made request can.
        const sibling = await k.family({ group: (await k.newGroup()).name });
        const answer = await k.call(BOOK, [{ roundId: round.id, items: [{ childId: fam.child.id, slotId: slots[0].id }, { childId: sibling.child.id, slotId: slots[0].id }] }], fam.guardians[0].cookie);
        expect(answer).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { items: ['duplicateSlot'] } } });
      });
    },
  },

  [CANCEL]: {
    allowed: async (k) => {
      const { fam, round, slots } = await setting(k);
      const bookingId = await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
      expect(await k.call(CANCEL, [{ bookingId }], fam.guardians[0].cookie)).toEqual(OK);
      expect(await bookingsOf(k, round.id)()).toEqual([]);
      expect(await k.db.bookingEvent.findMany({ where: { roundId: round.id, kind: 'cancelled' }, select: { childId: true, actorId: true, slotStart: true } })).toEqual([{ childId: fam.child.id, actorId: fam.guardians[0].id, slotStart: slots[0].startsAt }]);
    },
    outsider: async (k) => {
      const { fam, round, slots } = await setting(k);
      const bookingId = await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
      for (const o of await outsiders(k)) {
        await k.unchanged(bookingsOf(k, round.id), async () => {
          expect(await k.call(CANCEL, [{ bookingId }], o.cookie)).toEqual(NOT_FOUND);
        });
      }
    },
    badInput: async (k) => {
      const { fam, round, slots } = await setting(k);
      const bookingId = await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
      await k.unchanged(bookingsOf(k, round.id), async () => {
        expect(await k.call(CANCEL, [{ bookingId: `${bookingId}'; --` }], fam.guardians[0].cookie)).toMatchObject({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { bookingId: [expect.any(String)] } } });
        expect(await k.call(CANCEL, [{}], fam.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { bookingId: ['required'] } } });
      });
    },
  },

  [MOVE]: {
    allowed: async (k) => {
      const { fam, round, slots } = await setting(k);
      const bookingId = await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
      expect(await k.call(MOVE, [{ bookingId, slotId: slots[2].id }], fam.guardians[0].cookie)).toEqual(OK);
      expect(await k.db.booking.findMany({ where: { roundId: round.id }, select: { childId: true, claims: { select: { slotId: true } } } })).toEqual([{ childId: fam.child.id, claims: [{ slotId: slots[2].id }] }]);
    },
    outsider: async (k) => {
      const { fam, round, slots } = await setting(k);
      const bookingId = await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
      for (const o of await outsiders(k)) {
        await k.unchanged(bookingsOf(k, round.id), async () => {
          expect(await k.call(MOVE, [{ bookingId, slotId: slots[2].id }], o.cookie)).toEqual(NOT_FOUND);
        });
      }
      expect((await bookingsOf(k, round.id)())[0].claims).toEqual([{ slotId: slots[0].id }]);
    },
    badInput: async (k) => {
      const { fam, round, slots } = await setting(k);
      const bookingId = await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
      await k.unchanged(bookingsOf(k, round.id), async () => {
        expect(await k.call(MOVE, [{ bookingId }], fam.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { slotId: ['required'] } } });
      });
    },
  },

  'app/api/bookings/route.ts#POST': {
    allowed: async (k) => {
      const { fam, round, slots } = await setting(k);
      const res = await k.api('POST', '/api/bookings', { roundId: round.id, items: [{ childId: fam.child.id, slotId: slots[0].id }] }, fam.guardians[0].cookie);
      expect(res.status).toBe(201);
      expect(res.json).toEqual({ bookings: [{ id: expect.any(String), childId: fam.child.id, startsAt: slots[0].startsAt.toISOString(), endsAt: new Date(+slots[0].startsAt + 15 * 60_000).toISOString(), location: null, calendarUid: `${res.json.bookings[0].id}@ouderportaal`, calendarSequence: 0 }] });
      expect(await bookingsOf(k, round.id)()).toEqual([{ id: res.json.bookings[0].id, childId: fam.child.id, claims: [{ slotId: slots[0].id }] }]);
    },
    outsider: async (k) => {
      const { fam, round, slots } = await setting(k);
      for (const o of await outsiders(k)) {
        await k.unchanged(bookingsOf(k, round.id), async () => {
          expect(await k.api('POST', '/api/bookings', { roundId: round.id, items: [{ childId: fam.child.id, slotId: slots[0].id }] }, o.cookie)).toMatchObject({ status: 404, json: { error: 'NOT_FOUND' } });
        });
      }
    },
    badInput: async (k) => {
      const { fam, round, slots } = await setting(k);
      await k.unchanged(bookingsOf(k, round.id), async () => {
        const res = await k.api('POST', '/api/bookings', { roundId: round.id, items: [{ childId: fam.child.id, slotId: slots[0].id }], note: 'x'.repeat(501) }, fam.guardians[0].cookie);
        expect(res).toMatchObject({ status: 400, json: { error: 'INVALID_INPUT', fieldErrors: { note: ['tooLong'] } } });
      });
    },
  },

  'app/api/bookings/[id]/route.ts#DELETE': {
    allowed: async (k) => {
      const { fam, round, slots } = await setting(k);
      const bookingId = await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
      expect(await k.api('DELETE', `/api/bookings/${bookingId}`, undefined, fam.guardians[0].cookie)).toMatchObject({ status: 200, json: { ok: true } });
      expect(await bookingsOf(k, round.id)()).toEqual([]);
    },
    outsider: async (k) => {
      const { fam, round, slots } = await setting(k);
      const bookingId = await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
      for (const o of await outsiders(k)) {
        await k.unchanged(bookingsOf(k, round.id), async () => {
          expect(await k.api('DELETE', `/api/bookings/${bookingId}`, undefined, o.cookie)).toMatchObject({ status: 404, json: { error: 'NOT_FOUND' } });
        });
      }
    },
    badInput: async (k) => {
      const { fam, round, slots } = await setting(k);
      await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
      await k.unchanged(bookingsOf(k, round.id), async () => {
        expect(await k.api('DELETE', `/api/bookings/${'x'.repeat(41)}`, undefined, fam.guardians[0].cookie)).toMatchObject({ status: 400, json: { error: 'INVALID_INPUT' } });
      });
    },
  },

  'app/api/bookings/[id]/route.ts#PATCH': {
    allowed: async (k) => {
      const { fam, round, slots } = await setting(k);
      const bookingId = await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
      const res = await k.api('PATCH', `/api/bookings/${bookingId}`, { slotId: slots[1].id }, fam.guardians[0].cookie);
      expect(res.status).toBe(200);
      expect(await k.db.booking.findMany({ where: { roundId: round.id }, select: { childId: true, claims: { select: { slotId: true } } } })).toEqual([{ childId: fam.child.id, claims: [{ slotId: slots[1].id }] }]);
    },
    outsider: async (k) => {
      const { fam, round, slots } = await setting(k);
      const bookingId = await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
      for (const o of await outsiders(k)) {
        await k.unchanged(bookingsOf(k, round.id), async () => {
          expect(await k.api('PATCH', `/api/bookings/${bookingId}`, { slotId: slots[1].id }, o.cookie)).toMatchObject({ status: 404, json: { error: 'NOT_FOUND' } });
        });
      }
    },
    badInput: async (k) => {
      const { fam, round, slots } = await setting(k);
      const bookingId = await k.book(fam.guardians[0], round.id, fam.child.id, slots[0].id);
      await k.unchanged(bookingsOf(k, round.id), async () => {
        expect(await k.api('PATCH', `/api/bookings/${bookingId}`, {}, fam.guardians[0].cookie)).toMatchObject({ status: 400, json: { error: 'INVALID_INPUT', fieldErrors: { slotId: [expect.any(String)] } } });
      });
    },
  },

  'lib/bookings/guardian-actions.ts#joinWaitlistAction': {
    allowed: async (k) => {
      const { fam, round } = await setting(k);
      expect(await k.call('lib/bookings/guardian-actions.ts#joinWaitlistAction', [{ roundId: round.id, childId: fam.child.id }], fam.guardians[0].cookie)).toEqual(OK);
      expect(await k.db.waitlistEntry.findMany({ where: { roundId: round.id }, select: { childId: true, userId: true, householdId: true } })).toEqual([{ childId: fam.child.id, userId: fam.guardians[0].id, householdId: fam.households[0] }]);
    },
    outsider: async (k) => {
      const { fam, round } = await setting(k);
      for (const o of await outsiders(k)) {
        expect(await k.call('lib/bookings/guardian-actions.ts#joinWaitlistAction', [{ roundId: round.id, childId: fam.child.id }], o.cookie)).toEqual(NOT_FOUND);
      }
      expect(await k.db.waitlistEntry.count({ where: { roundId: round.id } })).toBe(0);
    },
    badInput: async (k) => {
      const { fam, round } = await setting(k);
      expect(await k.call('lib/bookings/guardian-actions.ts#joinWaitlistAction', [{ roundId: round.id }], fam.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { childId: ['required'] } } });
      expect(await k.db.waitlistEntry.count({ where: { roundId: round.id } })).toBe(0);
    },
  },

  'lib/bookings/guardian-actions.ts#leaveWaitlistAction': {
    allowed: async (k) => {
      const { fam, round } = await setting(k);
      await k.db.waitlistEntry.create({ data: { schoolId: fam.school.id, roundId: round.id, childId: fam.child.id, userId: fam.guardians[0].id, householdId: fam.households[0] } });
      expect(await k.call('lib/bookings/guardian-actions.ts#leaveWaitlistAction', [{ roundId: round.id, childId: fam.child.id }], fam.guardians[0].cookie)).toEqual(OK);
      expect(await k.db.waitlistEntry.count({ where: { roundId: round.id } })).toBe(0);
    },
    outsider: async (k) => {
      // Separated parents: each household's place is its own, so the other parent cannot give it up.
      const { fam, round } = await setting(k, { separated: true, separateTalksAllowed: true });
      await k.db.waitlistEntry.create({ data: { schoolId: fam.school.id, roundId: round.id, childId: fam.child.id, userId: fam.guardians[0].id, householdId: fam.households[0] } });
      const entries = () => k.db.waitlistEntry.findMany({ where: { roundId: round.id }, select: { id: true, householdId: true } });
      await k.unchanged(entries, async () => {
        for (const o of await outsiders(k)) expect(await k.call('lib/bookings/guardian-actions.ts#leaveWaitlistAction', [{ roundId: round.id, childId: fam.child.id }], o.cookie)).toEqual(NOT_FOUND);
        await k.call('lib/bookings/guardian-actions.ts#leaveWaitlistAction', [{ roundId: round.id, childId: fam.child.id }], fam.guardians[1].cookie);
      });
      expect((await entries()).map((e) => e.householdId)).toEqual([fam.households[0]]);
    },
    badInput: async (k) => {
      const { fam, round } = await setting(k);
      await k.db.waitlistEntry.create({ data: { schoolId: fam.school.id, roundId: round.id, childId: fam.child.id, userId: fam.guardians[0].id, householdId: fam.households[0] } });
      expect(await k.call('lib/bookings/guardian-actions.ts#leaveWaitlistAction', [{ childId: fam.child.id }], fam.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { roundId: ['required'] } } });
      expect(await k.db.waitlistEntry.count({ where: { roundId: round.id } })).toBe(1);
    },
  },

  'lib/bookings/guardian-actions.ts#renewCalendarAction': {
    // No input: the caller's own calendar link is replaced and the old one stops working.
    allowed: async (k) => {
      const { guardians: [parent] } = await k.family({ group: (await k.newGroup()).name });
      await k.db.user.update({ where: { id: parent.id }, data: { calendarToken: `old-${k.uid()}-${k.uid()}-${k.uid()}` } });
      const old = (await k.db.user.findUniqueOrThrow({ where: { id: parent.id } })).calendarToken!;
      expect((await k.api('GET', `/api/calendar/${old}.ics`)).status).toBe(200);
      expect(await k.call('lib/bookings/guardian-actions.ts#renewCalendarAction', [new FormData()], parent.cookie)).toEqual({ result: undefined });
      const now = (await k.db.user.findUniqueOrThrow({ where: { id: parent.id } })).calendarToken!;
      expect(now).toMatch(/^[\w-]{32}$/);
      expect(now).not.toBe(old);
      expect((await k.api('GET', `/api/calendar/${old}.ics`)).status).toBe(404);
      expect((await k.api('GET', `/api/calendar/${now}.ics`)).status).toBe(200);
    },
    outsider: async (k) => {
      // Whoever calls, only their own link changes: another parent's (named in the form) stays.
      const [a, b] = [await k.family({ group: (await k.newGroup()).name }), await k.family({ group: (await k.newGroup()).name })];
      await k.db.user.update({ where: { id: b.guardians[0].id }, data: { calendarToken: `keep-${k.uid()}-${k.uid()}-${k.uid()}` } });
      await k.unchanged(() => k.db.user.findUniqueOrThrow({ where: { id: b.guardians[0].id }, select: { calendarToken: true } }), async () => {
        expect(await k.call('lib/bookings/guardian-actions.ts#renewCalendarAction', [k.form({ userId: b.guardians[0].id })], a.guardians[0].cookie)).toEqual({ result: undefined });
      });
    },
    badInput: async (k) => {
      // Nothing to get wrong but the session: without one, sign in first and nothing changes.
      const { guardians: [parent] } = await k.family({ group: (await k.newGroup()).name });
      await k.unchanged(() => k.db.user.findUniqueOrThrow({ where: { id: parent.id }, select: { calendarToken: true } }), async () => {
        expect(await k.call('lib/bookings/guardian-actions.ts#renewCalendarAction', [k.form({ userId: parent.id })])).toEqual({ redirect: '/inloggen' });
      });
    },
  },

  'lib/bookings/guardian-actions.ts#savePreferencesAction': {
    allowed: async (k) => {
      const { fam, round } = await setting(k, { mode: 'FAIR' });
      const answer = await k.call('lib/bookings/guardian-actions.ts#savePreferencesAction', [null, k.form({ roundId: round.id, childIds: [fam.child.id], blockIds: [round.blocks[0].id] })], fam.guardians[0].cookie);
      expect(answer).toEqual(OK);
      expect(await k.db.roundPreference.findMany({ where: { roundId: round.id }, select: { childId: true, userId: true, householdId: true, blockIds: true } })).toEqual([{ childId: fam.child.id, userId: fam.guardians[0].id, householdId: fam.households[0], blockIds: [round.blocks[0].id] }]);
    },
    outsider: async (k) => {
      const { fam, round } = await setting(k, { mode: 'FAIR' });
      for (const o of await outsiders(k)) {
        expect(await k.call('lib/bookings/guardian-actions.ts#savePreferencesAction', [null, k.form({ roundId: round.id, childIds: [fam.child.id], blockIds: [round.blocks[0].id] })], o.cookie)).toEqual(NOT_FOUND);
      }
      expect(await k.db.roundPreference.count({ where: { roundId: round.id } })).toBe(0);
    },
    badInput: async (k) => {
      const { fam, round } = await setting(k, { mode: 'FAIR' });
      expect(await k.call('lib/bookings/guardian-actions.ts#savePreferencesAction', [null, k.form({ roundId: round.id, childIds: [fam.child.id] })], fam.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { blockIds: ['pickABlock'] } } });
      expect(await k.db.roundPreference.count({ where: { roundId: round.id } })).toBe(0);
    },
  },

  'lib/bookings/guardian-actions.ts#holdSlotAction': {
    allowed: async (k) => {
      const { fam, slots } = await setting(k);
      const answer = (await k.call('lib/bookings/guardian-actions.ts#holdSlotAction', [{ slotId: slots[0].id }], fam.guardians[0].cookie)) as { result: { ok: boolean; data: { expiresAt: Date } } };
      expect(answer).toEqual({ result: { ok: true, data: { expiresAt: expect.any(Date) } } });
      expect(await k.db.slotHold.findMany({ where: { slotId: slots[0].id }, select: { userId: true, expiresAt: true } })).toEqual([{ userId: fam.guardians[0].id, expiresAt: answer.result.data.expiresAt }]);
    },
    outsider: async (k) => {
      // A family the round does not invite (another group, another school) cannot hold its slots.
      const { slots } = await setting(k);
      for (const o of await outsiders(k)) {
        const answer = await k.call('lib/bookings/guardian-actions.ts#holdSlotAction', [{ slotId: slots[0].id }], o.cookie);
        expect((answer as { result: { ok: boolean } }).result.ok).toBe(false);
      }
      expect(await k.db.slotHold.count({ where: { slotId: slots[0].id } })).toBe(0);
    },
    badInput: async (k) => {
      const { fam, slots } = await setting(k);
      expect(await k.call('lib/bookings/guardian-actions.ts#holdSlotAction', [{}], fam.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { slotId: ['required'] } } });
      expect(await k.db.slotHold.count({ where: { slotId: { in: slots.map((s) => s.id) } } })).toBe(0);
    },
  },
  // ─── staff ─────────────────────────────────────────────────────────────────
  // The right actor: a teacher of the round's group. Outsiders: a teacher of another group, the other school's director.

  'lib/bookings/staff-actions.ts#createRoundAction': {
    allowed: async (k) => {
      const g = await k.newGroup();
      const teacher = await k.staff({ role: 'TEACHER', groups: [g.name] });
      const answer = (await k.call('lib/bookings/staff-actions.ts#createRoundAction', [null, await roundForm(k, g.id, 'Ronde leerkracht')], teacher.cookie)) as { result: { data: { roundId: string } } };
      expect(answer).toEqual({ result: { ok: true, data: { roundId: expect.any(String), slotCount: 4 } } });
      expect(await k.db.talkRound.findUniqueOrThrow({ where: { id: answer.result.data.roundId }, select: { name: true, createdById: true, groups: { select: { groupId: true } }, _count: { select: { slots: true } } } })).toEqual({
        name: 'Ronde leerkracht', createdById: teacher.id, groups: [{ groupId: g.id }], _count: { slots: 4 },
      });
    },
    outsider: async (k) => {
      const g = await k.newGroup();
      const name = `Ronde ${k.uid()}`;
      const others = [await k.staff({ role: 'TEACHER', groups: [(await k.newGroup()).name] }), await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' })];
      for (const o of others) expect(await k.call('lib/bookings/staff-actions.ts#createRoundAction', [null, await roundForm(k, g.id, name)], o.cookie)).toEqual(NOT_FOUND);
      expect(await k.db.talkRound.count({ where: { name } })).toBe(0);
    },
    badInput: async (k) => {
      const g = await k.newGroup();
      const teacher = await k.staff({ role: 'TEACHER', groups: [g.name] });
      const name = `Ronde ${k.uid()}`;
      const form = await roundForm(k, g.id, name);
      form.set('deadline', `${await schoolDay(1)}T07:00`); // before it opens
      expect(await k.call('lib/bookings/staff-actions.ts#createRoundAction', [null, form], teacher.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { deadline: ['deadlineBeforeOpening'] } } });
      expect(await k.db.talkRound.count({ where: { name } })).toBe(0);
    },
  },

  'lib/bookings/staff-actions.ts#attendanceAction': {
    allowed: async (k) => {
      const { fam, round, teacher } = await booked(k);
      expect(await k.call('lib/bookings/staff-actions.ts#attendanceAction', [null, k.form({ bookingId: round.bookingId, attendance: 'HELD' })], teacher.cookie)).toEqual(OK);
      expect(await k.db.booking.findUniqueOrThrow({ where: { id: round.bookingId }, select: { attendance: true } })).toEqual({ attendance: 'HELD' });
      expect(await k.db.bookingEvent.findMany({ where: { roundId: round.id, kind: 'held' }, select: { childId: true, actorId: true } })).toEqual([{ childId: fam.child.id, actorId: teacher.id }]);
    },
    outsider: async (k) => {
      const { round } = await booked(k);
      await k.unchanged(() => k.db.booking.findUniqueOrThrow({ where: { id: round.bookingId }, select: { attendance: true } }), async () => {
        for (const o of await staffOutsiders(k)) expect(await k.call('lib/bookings/staff-actions.ts#attendanceAction', [null, k.form({ bookingId: round.bookingId, attendance: 'NO_SHOW' })], o.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const { round, teacher } = await booked(k);
      await k.unchanged(() => k.db.booking.findUniqueOrThrow({ where: { id: round.bookingId }, select: { attendance: true } }), async () => {
        expect(await k.call('lib/bookings/staff-actions.ts#attendanceAction', [null, k.form({ bookingId: round.bookingId })], teacher.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { attendance: ['required'] } } });
      });
    },
  },

  'lib/bookings/staff-actions.ts#blockSlotAction': {
    allowed: async (k) => {
      const { slots, teacher } = await planned(k);
      expect(await k.call('lib/bookings/staff-actions.ts#blockSlotAction', [null, k.form({ slotId: slots[1].id, blocked: 'true' })], teacher.cookie)).toEqual(OK);
      expect(await k.db.slot.findMany({ where: { id: { in: slots.map((s) => s.id) } }, orderBy: { startsAt: 'asc' }, select: { blocked: true } })).toEqual([{ blocked: false }, { blocked: true }, { blocked: false }]);
    },
    outsider: async (k) => {
      const { slots } = await planned(k);
      await k.db.slot.update({ where: { id: slots[2].id }, data: { blocked: true } });
      const state = () => k.db.slot.findMany({ where: { id: { in: slots.map((s) => s.id) } }, orderBy: { startsAt: 'asc' }, select: { blocked: true } });
      await k.unchanged(state, async () => {
        for (const o of await staffOutsiders(k)) {
          expect(await k.call('lib/bookings/staff-actions.ts#blockSlotAction', [null, k.form({ slotId: slots[2].id, blocked: 'false' })], o.cookie)).toEqual(NOT_FOUND);
          // Blocking answers "taken" for any slot it cannot block: no more than a miss.
          expect(await k.call('lib/bookings/staff-actions.ts#blockSlotAction', [null, k.form({ slotId: slots[0].id, blocked: 'true' })], o.cookie)).toEqual({ result: { ok: false, error: 'SLOT_TAKEN' } });
        }
      });
    },
    badInput: async (k) => {
      const { slots, teacher } = await planned(k);
      expect(await k.call('lib/bookings/staff-actions.ts#blockSlotAction', [null, k.form({ slotId: slots[0].id })], teacher.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { blocked: ['required'] } } });
      expect(await k.db.slot.count({ where: { id: { in: slots.map((s) => s.id) }, blocked: true } })).toBe(0);
    },
  },

  'lib/bookings/staff-actions.ts#remindAction': {
    // kind "missing" mails every family of the group without a talk: here the one new family, and of
    // it only the guardian with authority (the information-only father is not asked to book).
    allowed: async (k) => {
      const { g, fam, round, teacher } = await planned(k, { informationOnly: true });
      expect(await k.call('lib/bookings/staff-actions.ts#remindAction', [null, k.form({ roundId: round.id, groupId: g.id, kind: 'missing' })], teacher.cookie)).toEqual({ result: { ok: true, data: { sent: 1 } } });
      expect(await k.db.outboxMail.findMany({ where: { to: { in: fam.guardians.map((x) => x.email) } }, select: { to: true, kind: true } })).toEqual([{ to: fam.guardians[0].email, kind: 'booking_reminder' }]);
    },
    outsider: async (k) => {
      const { g, fam, round } = await planned(k);
      for (const o of await staffOutsiders(k)) expect(await k.call('lib/bookings/staff-actions.ts#remindAction', [null, k.form({ roundId: round.id, groupId: g.id, kind: 'missing' })], o.cookie)).toEqual(NOT_FOUND);
      expect(await k.db.outboxMail.count({ where: { to: fam.guardians[0].email } })).toBe(0);
    },
    badInput: async (k) => {
      const { fam, round, teacher } = await planned(k);
      expect(await k.call('lib/bookings/staff-actions.ts#remindAction', [null, k.form({ roundId: round.id, kind: 'missing' })], teacher.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { groupId: ['required'] } } });
      expect(await k.db.outboxMail.count({ where: { to: fam.guardians[0].email } })).toBe(0);
    },
  },

  'lib/bookings/staff-actions.ts#allocateAction': {
    allowed: async (k) => {
      const { fam, round, teacher } = await planned(k, { mode: 'FAIR' });
      await k.db.roundPreference.create({ data: { schoolId: fam.school.id, roundId: round.id, childId: fam.child.id, userId: fam.guardians[0].id, householdId: fam.households[0], blockIds: [round.blocks[0].id] } });
      expect(await k.call('lib/bookings/staff-actions.ts#allocateAction', [null, k.form({ roundId: round.id })], teacher.cookie)).toEqual({ result: { ok: true, data: { booked: 1, outsidePreference: 0, unplaced: 0 } } });
      expect(await k.db.booking.findMany({ where: { roundId: round.id }, select: { childId: true, bookedById: true } })).toEqual([{ childId: fam.child.id, bookedById: teacher.id }]);
      expect((await k.db.talkRound.findUniqueOrThrow({ where: { id: round.id } })).allocatedAt).not.toBeNull();
    },
    outsider: async (k) => {
      const { round } = await planned(k, { mode: 'FAIR' });
      for (const o of await staffOutsiders(k)) expect(await k.call('lib/bookings/staff-actions.ts#allocateAction', [null, k.form({ roundId: round.id })], o.cookie)).toEqual(NOT_FOUND);
      expect(await k.db.talkRound.findUniqueOrThrow({ where: { id: round.id }, select: { allocatedAt: true, _count: { select: { bookings: true } } } })).toEqual({ allocatedAt: null, _count: { bookings: 0 } });
    },
    badInput: async (k) => {
      const { round, teacher } = await planned(k, { mode: 'FAIR' });
      expect(await k.call('lib/bookings/staff-actions.ts#allocateAction', [null, k.form({ roundId: 'not an id' })], teacher.cookie)).toMatchObject({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { roundId: [expect.any(String)] } } });
      expect(await k.db.talkRound.findUniqueOrThrow({ where: { id: round.id }, select: { allocatedAt: true } })).toEqual({ allocatedAt: null });
    },
  },

  'lib/bookings/staff-actions.ts#bookOnBehalfAction': {
    allowed: async (k) => {
      const { fam, round, slots, teacher } = await planned(k);
      expect(await k.call('lib/bookings/staff-actions.ts#bookOnBehalfAction', [null, k.form({ roundId: round.id, childId: fam.child.id, slotId: slots[0].id })], teacher.cookie)).toEqual(OK);
      expect(await k.db.booking.findMany({ where: { roundId: round.id }, select: { childId: true, bookedById: true, claims: { select: { slotId: true } } } })).toEqual([{ childId: fam.child.id, bookedById: teacher.id, claims: [{ slotId: slots[0].id }] }]);
    },
    outsider: async (k) => {
      const { fam, round, slots } = await planned(k);
      for (const o of await staffOutsiders(k)) expect(await k.call('lib/bookings/staff-actions.ts#bookOnBehalfAction', [null, k.form({ roundId: round.id, childId: fam.child.id, slotId: slots[0].id })], o.cookie)).toEqual(NOT_FOUND);
      expect(await bookingsOf(k, round.id)()).toEqual([]);
    },
    badInput: async (k) => {
      const { fam, round, teacher } = await planned(k);
      expect(await k.call('lib/bookings/staff-actions.ts#bookOnBehalfAction', [null, k.form({ roundId: round.id, childId: fam.child.id })], teacher.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { slotId: ['required'] } } });
      expect(await bookingsOf(k, round.id)()).toEqual([]);
    },
  },

  'lib/bookings/staff-actions.ts#staffCancelAction': {
    allowed: async (k) => {
      const { round, teacher } = await booked(k);
      expect(await k.call('lib/bookings/staff-actions.ts#staffCancelAction', [null, k.form({ bookingId: round.bookingId })], teacher.cookie)).toEqual(OK);
      expect(await bookingsOf(k, round.id)()).toEqual([]);
    },
    outsider: async (k) => {
      const { round } = await booked(k);
      await k.unchanged(bookingsOf(k, round.id), async () => {
        for (const o of await staffOutsiders(k)) expect(await k.call('lib/bookings/staff-actions.ts#staffCancelAction', [null, k.form({ bookingId: round.bookingId })], o.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const { round, teacher } = await booked(k);
      await k.unchanged(bookingsOf(k, round.id), async () => {
        expect(await k.call('lib/bookings/staff-actions.ts#staffCancelAction', [null, k.form({})], teacher.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { bookingId: ['required'] } } });
      });
    },
  },

  'lib/bookings/staff-actions.ts#addSlotAction': {
    allowed: async (k) => {
      const { g, round, teacher } = await planned(k);
      expect(await k.call('lib/bookings/staff-actions.ts#addSlotAction', [null, k.form({ roundGroup: `${round.id}:${g.id}`, date: round.day, time: '17:00' })], teacher.cookie)).toEqual(OK);
      expect(await k.db.slot.findMany({ where: { roundId: round.id, startsAt: zonedToUtc(`${round.day}T17:00`) }, select: { groupId: true, endsAt: true } })).toEqual([{ groupId: g.id, endsAt: zonedToUtc(`${round.day}T17:15`) }]);
    },
    outsider: async (k) => {
      const { g, round } = await planned(k);
      await k.unchanged(() => k.db.slot.count({ where: { roundId: round.id } }), async () => {
        for (const o of await staffOutsiders(k)) expect(await k.call('lib/bookings/staff-actions.ts#addSlotAction', [null, k.form({ roundGroup: `${round.id}:${g.id}`, date: round.day, time: '17:00' })], o.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const { g, round, teacher } = await planned(k);
      await k.unchanged(() => k.db.slot.count({ where: { roundId: round.id } }), async () => {
        expect(await k.call('lib/bookings/staff-actions.ts#addSlotAction', [null, k.form({ roundGroup: `${round.id}:${g.id}`, time: '17:00' })], teacher.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { date: ['required'] } } });
      });
    },
  },
};
