import { expect } from '@playwright/test';
import { dayIn } from '../support';
import type { ActionCases, Kit } from './types';

// Meetings (lib/meetings): staff invite the groups they teach (the director the whole school),
// guardians answer for their household, staff tick households present. Fixtures live in new groups
// of the second demo school, so no demo family is invited.

const K = (name: string) => `lib/meetings/actions.ts#${name}`;
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const invalid = (fieldErrors: Record<string, string[]>) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors } });
const SCHOOL = 'de-regenboog';
const DAY = 86_400_000;

async function setting(k: Kit) {
  const s = await k.school(SCHOOL);
  const group = await k.db.group.create({ data: { schoolId: s.id, schoolYearId: s.year.id, name: `Avond ${k.uid()}`, grade: 7 } });
  const family = await k.family({ school: SCHOOL, group: group.name });
  const teacher = await k.staff({ role: 'TEACHER', school: SCHOOL, groups: [group.name] });
  return { s, group, family, teacher };
}
type Setting = Awaited<ReturnType<typeof setting>>;

const meeting = (k: Kit, c: Setting) =>
  k.db.meeting.create({
    data: {
      schoolId: c.s.id, kind: 'THEME_EVENING', title: `Thema-avond ${k.uid()}`, startsAt: new Date(Date.now() + 7 * DAY), endsAt: new Date(Date.now() + 7 * DAY + 2 * 3_600_000), createdById: c.teacher.id,
      groups: { create: { groupId: c.group.id } },
    },
  });

const byCreator = (k: Kit, userId: string) => k.db.meeting.findMany({ where: { createdById: userId }, select: { id: true } });
const rsvps = (k: Kit, meetingId: string) => k.db.meetingRsvp.findMany({ where: { meetingId }, select: { householdId: true, answer: true, people: true, answeredById: true } });
const attendance = (k: Kit, meetingId: string) => k.db.meetingAttendance.findMany({ where: { meetingId }, select: { householdId: true, present: true, markedById: true } });

const meetingForm = (groupIds: string[], over: Record<string, string> = {}) => ({
  kind: 'THEME_EVENING', title: 'Mediawijsheid', description: 'Over schermtijd', location: 'Aula', date: dayIn(10), from: '19:30', to: '21:00', audience: 'groups', groupIds, targetPercent: '60', ...over,
});

export const cases: ActionCases = {
  [K('createMeetingAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const answer = await k.call(K('createMeetingAction'), [null, k.form(meetingForm([c.group.id]))], c.teacher.cookie);
      const [m] = await k.db.meeting.findMany({
        where: { createdById: c.teacher.id },
        select: { id: true, schoolId: true, kind: true, title: true, location: true, wholeSchool: true, targetPercent: true, startsAt: true, endsAt: true, groups: { select: { groupId: true } } },
      });
      expect(answer).toEqual({ redirect: `/bijeenkomsten/${m.id}` });
      const wall = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(d);
      expect({ ...m, startsAt: wall(m.startsAt), endsAt: wall(m.endsAt) }).toEqual({
        id: m.id, schoolId: c.s.id, kind: 'THEME_EVENING', title: 'Mediawijsheid', location: 'Aula', wholeSchool: false, targetPercent: 60, startsAt: `${dayIn(10)} 19:30`, endsAt: `${dayIn(10)} 21:00`, groups: [{ groupId: c.group.id }],
      });
      expect(await k.db.outboxMail.count({ where: { to: c.family.guardians[0].email, kind: 'meeting_invitation' } })).toBe(1);
    },
    outsider: async (k) => {
      // A group the teacher does not teach, and the whole school (the director's).
      const [c, other] = [await setting(k), await setting(k)];
      await k.unchanged(() => byCreator(k, c.teacher.id), async () => {
        expect(await k.call(K('createMeetingAction'), [null, k.form(meetingForm([other.group.id]))], c.teacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(K('createMeetingAction'), [null, k.form(meetingForm([], { audience: 'school' }))], c.teacher.cookie)).toEqual(NOT_FOUND);
      });
      expect(await k.db.outboxMail.count({ where: { to: other.family.guardians[0].email } })).toBe(0);
    },
    badInput: async (k) => {
      const c = await setting(k);
      await k.unchanged(() => byCreator(k, c.teacher.id), async () => {
        expect(await k.call(K('createMeetingAction'), [null, k.form(meetingForm([c.group.id], { from: '21:00', to: '19:30' }))], c.teacher.cookie)).toEqual(invalid({ to: ['blockEndsBeforeStart'] }));
        expect(await k.call(K('createMeetingAction'), [null, k.form(meetingForm([c.group.id], { date: dayIn(-2) }))], c.teacher.cookie)).toEqual({ result: { ok: false, error: 'IN_THE_PAST', fieldErrors: { date: ['IN_THE_PAST'] } } });
      });
    },
  },

  [K('rsvpAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const m = await meeting(k, c);
      expect(await k.call(K('rsvpAction'), [null, k.form({ meetingId: m.id, answer: 'YES', people: '2' })], c.family.guardians[0].cookie)).toEqual({ result: { ok: true } });
      expect(await rsvps(k, m.id)).toEqual([{ householdId: c.family.households[0], answer: 'YES', people: 2, answeredById: c.family.guardians[0].id }]);
    },
    outsider: async (k) => {
      // A guardian of another group of the same school.
      const [c, other] = [await setting(k), await setting(k)];
      const m = await meeting(k, c);
      await k.unchanged(() => rsvps(k, m.id), async () => {
        expect(await k.call(K('rsvpAction'), [null, k.form({ meetingId: m.id, answer: 'YES' })], other.family.guardians[0].cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const c = await setting(k);
      const m = await meeting(k, c);
      await k.unchanged(() => rsvps(k, m.id), async () => {
        expect(await k.call(K('rsvpAction'), [null, k.form({ meetingId: m.id, answer: 'YES', people: '11' })], c.family.guardians[0].cookie)).toEqual(invalid({ people: ['outOfRange'] }));
      });
    },
  },

  [K('attendanceFormAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const m = await meeting(k, c);
      expect(await k.call(K('attendanceFormAction'), [null, k.form({ meetingId: m.id, householdId: c.family.households[0], present: 'true' })], c.teacher.cookie)).toEqual({ result: { ok: true } });
      expect(await attendance(k, m.id)).toEqual([{ householdId: c.family.households[0], present: true, markedById: c.teacher.id }]);
    },
    outsider: async (k) => {
      // Another group's teacher; and the right teacher ticking a household that was not invited.
      const [c, other] = [await setting(k), await setting(k)];
      const m = await meeting(k, c);
      await k.unchanged(() => attendance(k, m.id), async () => {
        expect(await k.call(K('attendanceFormAction'), [null, k.form({ meetingId: m.id, householdId: c.family.households[0], present: 'true' })], other.teacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(K('attendanceFormAction'), [null, k.form({ meetingId: m.id, householdId: other.family.households[0], present: 'true' })], c.teacher.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const c = await setting(k);
      const m = await meeting(k, c);
      await k.unchanged(() => attendance(k, m.id), async () => {
        expect(await k.call(K('attendanceFormAction'), [null, k.form({ meetingId: m.id, present: 'true' })], c.teacher.cookie)).toEqual(invalid({ householdId: ['required'] }));
      });
    },
  },
};
