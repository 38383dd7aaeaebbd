import { expect } from '@playwright/test';
import { zonedToUtc } from '@/lib/format/time';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// What a teacher sets on a round of their own group: the mark per pupil ("I want to see these
// parents", lib/talk-wishes) and their own rhythm of breaks (lib/bookings/rhythm.ts, which cuts the
// schedule's slots again). Each round is on a new group with a new family; the outsiders are a
// teacher of another group, the other school's director and the family's own parent (no staff page).

const WISH = 'lib/talk-wishes/actions.ts#setTalkWishAction';
const RHYTHM = 'lib/bookings/staff-actions.ts#setRhythmAction';
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const OK = { result: { ok: true } };
const invalid = (fieldErrors: Record<string, string[]>) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors } });

/** A new group with its teacher and one family, and a round on it of `slots` talks of 15 minutes from 15:00. */
async function planned(k: Kit, slots = 3) {
  const g = await k.newGroup();
  const fam = await k.family({ group: g.name });
  const teacher = await k.staff({ role: 'TEACHER', groups: [g.name] });
  const round = await k.round({ groups: [g.name], slots });
  return { g, fam, teacher, round, slots: round.slots[g.name] };
}
type Planned = Awaited<ReturnType<typeof planned>>;

async function staffOutsiders(k: Kit) {
  return [await k.staff({ role: 'TEACHER', groups: [(await k.newGroup()).name] }), await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' })];
}

const wishes = (k: Kit, roundId: string) => () => k.db.talkWish.findMany({ where: { roundId }, select: { schoolId: true, childId: true, kind: true, doubleSlot: true, note: true, byId: true } });
const wishForm = (k: Kit, p: Planned, over: Record<string, string> = {}) => k.form({ roundId: p.round.id, childId: p.fam.child.id, kind: 'REQUESTED', ...over });

/** The schedule as the rhythm leaves it: its slots, its own rhythm, its fixed breaks. */
const scheduleOf = (k: Kit, p: Planned) => async () => ({
  slots: await k.db.slot.findMany({ where: { roundId: p.round.id }, orderBy: { startsAt: 'asc' }, select: { groupId: true, teacherKey: true, startsAt: true, endsAt: true, blocked: true } }),
  rhythms: await k.db.scheduleRhythm.findMany({ where: { roundId: p.round.id }, select: { groupId: true, teacherKey: true, breakAfterTalks: true, breakMinutes: true, updatedById: true } }),
  breaks: await k.db.roundBreak.findMany({ where: { roundId: p.round.id }, select: { groupId: true, teacherKey: true, startsAt: true, endsAt: true } }),
});
const rhythmForm = (k: Kit, p: Planned, over: Record<string, string | string[]> = {}) => k.form({ roundId: p.round.id, groupId: p.g.id, teacherKey: '', breakAfterTalks: '0', breakMinutes: '0', ...over });

export const cases: ActionCases = {
  [WISH]: {
    allowed: async (k) => {
      const p = await planned(k);
      expect(await k.call(WISH, [null, wishForm(k, p, { doubleSlot: 'on', note: 'Graag met beide ouders' })], p.teacher.cookie)).toEqual(OK);
      expect(await wishes(k, p.round.id)()).toEqual([{ schoolId: p.fam.school.id, childId: p.fam.child.id, kind: 'REQUESTED', doubleSlot: true, note: 'Graag met beide ouders', byId: p.teacher.id }]);
      // Changed to "no talk needed" (the note emptied), then taken away.
      expect(await k.call(WISH, [null, wishForm(k, p, { kind: 'NOT_NEEDED' })], p.teacher.cookie)).toEqual(OK);
      expect(await wishes(k, p.round.id)()).toEqual([{ schoolId: p.fam.school.id, childId: p.fam.child.id, kind: 'NOT_NEEDED', doubleSlot: false, note: null, byId: p.teacher.id }]);
      expect(await k.call(WISH, [null, wishForm(k, p, { kind: 'NONE' })], p.teacher.cookie)).toEqual(OK);
      expect(await wishes(k, p.round.id)()).toEqual([]);
    },
    outsider: async (k) => {
      const p = await planned(k);
      // A pupil of another group (with a round of its own) is not the group's teacher's to mark in this round.
      const other = await k.family({ group: (await k.newGroup()).name });
      await k.unchanged(async () => [await wishes(k, p.round.id)(), await k.db.talkWish.count({ where: { childId: other.child.id } })], async () => {
        for (const o of await staffOutsiders(k)) {
          expect(await k.call(WISH, [null, wishForm(k, p)], o.cookie)).toEqual(NOT_FOUND);
        }
        expect(await k.call(WISH, [null, wishForm(k, p, { childId: other.child.id })], p.teacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(WISH, [null, wishForm(k, p)], p.fam.guardians[0].cookie)).toEqual({ notFound: true });
      });
      expect(await wishes(k, p.round.id)()).toEqual([]);
    },
    badInput: async (k) => {
      const p = await planned(k);
      await k.db.talkWish.create({ data: { schoolId: p.fam.school.id, roundId: p.round.id, childId: p.fam.child.id, kind: 'REQUESTED', byId: p.teacher.id } });
      await k.unchanged(wishes(k, p.round.id), async () => {
        const call = (over: Record<string, string>) => k.call(WISH, [null, wishForm(k, p, over)], p.teacher.cookie);
        expect(await call({ kind: 'NOT_NEEDED', doubleSlot: 'on' })).toEqual(invalid({ doubleSlot: ['doubleNeedsRequested'] }));
        expect(await call({ kind: 'MAYBE', note: 'x'.repeat(301) })).toEqual(invalid({ kind: ['invalidChoice'], note: ['tooLong'] }));
        // After the round's deadline the mark stays as it was.
        await k.db.talkRound.update({ where: { id: p.round.id }, data: { deadline: new Date(Date.now() - 60_000) } });
        expect(await call({ kind: 'NONE' })).toEqual({ result: { ok: false, error: 'DEADLINE_PASSED' } });
      });
    },
  },

  [RHYTHM]: {
    allowed: async (k) => {
      // Four talks from 15:00 to 16:00; a coffee break 15:00–15:15 and a break of 15 minutes after two talks.
      const p = await planned(k, 4);
      const at = (hm: string) => zonedToUtc(`${p.round.day}T${hm}`);
      const form = rhythmForm(k, p, { breakAfterTalks: '2', breakMinutes: '15', breakDate: [p.round.day], breakFrom: ['15:00'], breakTo: ['15:15'] });
      expect(await k.call(RHYTHM, [null, form], p.teacher.cookie)).toEqual(OK);
      expect(await scheduleOf(k, p)()).toEqual({
        slots: [
          { groupId: p.g.id, teacherKey: '', startsAt: at('15:15'), endsAt: at('15:30'), blocked: false },
          { groupId: p.g.id, teacherKey: '', startsAt: at('15:30'), endsAt: at('15:45'), blocked: false },
        ],
        rhythms: [{ groupId: p.g.id, teacherKey: '', breakAfterTalks: 2, breakMinutes: 15, updatedById: p.teacher.id }],
        breaks: [{ groupId: p.g.id, teacherKey: '', startsAt: at('15:00'), endsAt: at('15:15') }],
      });
    },
    outsider: async (k) => {
      const p = await planned(k, 4);
      await k.unchanged(scheduleOf(k, p), async () => {
        for (const o of await staffOutsiders(k)) {
          expect(await k.call(RHYTHM, [null, rhythmForm(k, p, { breakAfterTalks: '2', breakMinutes: '15' })], o.cookie)).toEqual(NOT_FOUND);
        }
        // The group's own teacher naming a schedule the round does not have (it does not split the duo).
        expect(await k.call(RHYTHM, [null, rhythmForm(k, p, { teacherKey: p.teacher.id, breakAfterTalks: '2', breakMinutes: '15' })], p.teacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(RHYTHM, [null, rhythmForm(k, p, { breakAfterTalks: '2', breakMinutes: '15' })], p.fam.guardians[0].cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const p = await planned(k, 4);
      await k.unchanged(scheduleOf(k, p), async () => {
        const call = (over: Record<string, string | string[]>) => k.call(RHYTHM, [null, rhythmForm(k, p, over)], p.teacher.cookie);
        expect(await call({ breakAfterTalks: '2', breakMinutes: '0' })).toEqual(invalid({ breakMinutes: ['breakIncomplete'] }));
        expect(await call({ breakAfterTalks: '41', breakMinutes: '15' })).toEqual(invalid({ breakAfterTalks: ['outOfRange'] }));
        expect(await call({ breakDate: [p.round.day], breakFrom: ['15:30'], breakTo: ['15:15'] })).toEqual(invalid({ breaks: ['breakEndsBeforeStart'] }));
        // A break on a day the round has no talks.
        expect(await call({ breakDate: ['2030-01-07'], breakFrom: ['15:00'], breakTo: ['15:15'] })).toEqual(invalid({ breaks: ['breakOutsideBlock'] }));
      });
      // A family has booked: the schedule is no longer cut again.
      await k.book(p.fam.guardians[0], p.round.id, p.fam.child.id, p.slots[3].id);
      await k.unchanged(scheduleOf(k, p), async () => {
        expect(await k.call(RHYTHM, [null, rhythmForm(k, p, { breakAfterTalks: '2', breakMinutes: '15' })], p.teacher.cookie)).toEqual({ result: { ok: false, error: 'SCHEDULE_HAS_BOOKINGS' } });
      });
    },
  },
};
