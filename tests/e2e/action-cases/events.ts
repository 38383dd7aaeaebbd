import { expect } from '@playwright/test';
import { zonedToUtc } from '@/lib/format/time';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// Group events (the information evening): the group's teacher or the director plans one and takes
// attendance. Each case works at a new school of its own (the demo director's event list is what
// taking-part.spec reads); the outsider is a teacher of another group and another school's director
// (NOT_FOUND), or a guardian (the 404 page).

const A = (name: string) => `lib/events/actions.ts#${name}`;
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const invalid = (fieldErrors: Record<string, string[]>) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors } });
const daysAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function eventSchool(k: Kit) {
  const slug = await k.newSchool();
  const school = await k.school(slug);
  const [g, other] = [await k.newGroup(slug), await k.newGroup(slug)];
  const stage = await k.db.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'information_evening' } });
  return {
    slug, school, group: g, stage,
    families: [await k.family({ school: slug, group: g.name }), await k.family({ school: slug, group: g.name })],
    teacher: await k.staff({ role: 'TEACHER', school: slug, groups: [g.name] }),
    otherTeacher: await k.staff({ role: 'TEACHER', school: slug, groups: [other.name] }),
    otherDirector: await k.staff({ role: 'DIRECTOR', school: await k.newSchool() }),
  };
}
const eventsOf = (k: Kit, schoolId: string) => () => k.db.groupEvent.findMany({ where: { schoolId }, include: { attendance: { orderBy: { childId: 'asc' } } } });
const eventOf = (k: Kit, s: Awaited<ReturnType<typeof eventSchool>>) => {
  const startsAt = zonedToUtc(`${daysAhead(-2)}T19:00`);
  return k.db.groupEvent.create({ data: { schoolId: s.school.id, stageId: s.stage.id, groupId: s.group.id, startsAt, endsAt: new Date(+startsAt + 3_600_000), createdById: s.teacher.id } });
};

export const cases: ActionCases = {
  [A('createEventAction')]: {
    allowed: async (k) => {
      const s = await eventSchool(k);
      const date = daysAhead(10);
      expect(await k.call(A('createEventAction'), [null, k.form({ stageId: s.stage.id, groupId: s.group.id, date, from: '19:00', to: '20:30', location: 'Aula' })], s.teacher.cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.groupEvent.findMany({ where: { schoolId: s.school.id }, select: { stageId: true, groupId: true, startsAt: true, endsAt: true, location: true, createdById: true } })).toEqual([
        { stageId: s.stage.id, groupId: s.group.id, startsAt: zonedToUtc(`${date}T19:00`), endsAt: zonedToUtc(`${date}T20:30`), location: 'Aula', createdById: s.teacher.id },
      ]);
    },
    outsider: async (k) => {
      const s = await eventSchool(k);
      const fields = { stageId: s.stage.id, groupId: s.group.id, date: daysAhead(10), from: '19:00', to: '20:00' };
      await k.unchanged(eventsOf(k, s.school.id), async () => {
        expect(await k.call(A('createEventAction'), [null, k.form(fields)], s.otherTeacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('createEventAction'), [null, k.form(fields)], s.otherDirector.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('createEventAction'), [null, k.form(fields)], s.families[0].guardians[0].cookie)).toEqual({ notFound: true });
        // A talk stage is not a group event.
        const talk = await k.db.stageDefinition.findFirstOrThrow({ where: { schoolId: s.school.id, key: 'parent_tell' } });
        expect(await k.call(A('createEventAction'), [null, k.form({ ...fields, stageId: talk.id })], s.teacher.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const s = await eventSchool(k);
      await k.unchanged(eventsOf(k, s.school.id), async () => {
        expect(await k.call(A('createEventAction'), [null, k.form({ stageId: s.stage.id, groupId: s.group.id, date: daysAhead(10), from: '20:00', to: '19:00' })], s.teacher.cookie)).toEqual(invalid({ to: ['blockEndsBeforeStart'] }));
        expect(await k.call(A('createEventAction'), [null, k.form({ stageId: s.stage.id, groupId: s.group.id, date: 'morgen', from: '19', to: '20:00' })], s.teacher.cookie)).toEqual(invalid({ date: ['invalidDateTime'], from: ['invalidDateTime'] }));
      });
    },
  },

  [A('attendanceSheetAction')]: {
    allowed: async (k) => {
      const s = await eventSchool(k);
      const event = await eventOf(k, s);
      const [present, absent] = s.families.map((f) => f.child.id);
      expect(await k.call(A('attendanceSheetAction'), [null, k.form({ eventId: event.id, present: [present] })], s.teacher.cookie)).toEqual({ result: { ok: true } });
      const rows = await k.db.eventAttendance.findMany({ where: { eventId: event.id }, select: { childId: true, present: true, markedById: true } });
      expect(rows.sort((a, b) => a.childId.localeCompare(b.childId))).toEqual([{ childId: present, present: true, markedById: s.teacher.id }, { childId: absent, present: false, markedById: s.teacher.id }].sort((a, b) => a.childId.localeCompare(b.childId)));
    },
    outsider: async (k) => {
      const s = await eventSchool(k);
      const event = await eventOf(k, s);
      const present = s.families.map((f) => f.child.id);
      // Another group's child on this sheet is not the teacher's to mark.
      const stranger = await k.family({ school: s.slug, group: (await k.db.group.findFirstOrThrow({ where: { teachers: { some: { userId: s.otherTeacher.id } } } })).name });
      await k.unchanged(eventsOf(k, s.school.id), async () => {
        expect(await k.call(A('attendanceSheetAction'), [null, k.form({ eventId: event.id, present })], s.otherTeacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('attendanceSheetAction'), [null, k.form({ eventId: event.id, present })], s.otherDirector.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('attendanceSheetAction'), [null, k.form({ eventId: event.id, present: [stranger.child.id] })], s.teacher.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const s = await eventSchool(k);
      await eventOf(k, s);
      await k.unchanged(eventsOf(k, s.school.id), async () => {
        expect(await k.call(A('attendanceSheetAction'), [null, k.form({ present: [s.families[0].child.id] })], s.teacher.cookie)).toEqual(invalid({ eventId: ['required'] }));
      });
    },
  },
};
