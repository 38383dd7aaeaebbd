import { expect } from '@playwright/test';
import type { Family } from './kit';
import type { ActionCases, Kit } from './types';

// Conversations (lib/messages): a guardian's thread is their household's, a teacher answers the
// group's inbox, another family or another group's teacher reaches nothing.

const K = (name: string) => `lib/messages/actions.ts#${name}`;
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };

/** A question about the family's child, asked through the action itself; its thread id. */
async function ask(k: Kit, f: Family, subject = `Vraag ${k.uid()}`) {
  const answer = await k.call(K('askQuestionAction'), [null, k.form({ about: f.child.id, subject, body: 'Hoe gaat het met lezen?' })], f.guardians[0].cookie);
  expect(answer).toEqual({ redirect: expect.stringMatching(/^\/berichten\/[\w-]+\?verstuurd=1$/) });
  return (answer as { redirect: string }).redirect.split('/')[2].split('?')[0];
}

/** A worry at the teacher's step, raised through the action itself; its thread id. */
async function complain(k: Kit, f: Family) {
  const answer = await k.call(K('raiseComplaintAction'), [null, k.form({ childId: f.child.id, to: 'TEACHER', subject: `Zorg ${k.uid()}`, body: 'Het gaat niet goed op het plein.' })], f.guardians[0].cookie);
  expect(answer).toEqual({ redirect: expect.stringMatching(/^\/berichten\/[\w-]+\?verstuurd=1$/) });
  return (answer as { redirect: string }).redirect.split('/')[2].split('?')[0];
}

const threadState = (k: Kit, id: string) =>
  k.db.thread.findUniqueOrThrow({
    where: { id },
    select: { inbox: true, complaintStep: true, assigneeId: true, closedAt: true, replyDueAt: true, lastMessageAt: true, messages: { select: { body: true, authorId: true }, orderBy: { createdAt: 'asc' } }, promises: { select: { answeredAt: true } } },
  });
const startedBy = (k: Kit, userId: string) => k.db.thread.findMany({ where: { startedById: userId }, select: { id: true } });

export const cases: ActionCases = {
  [K('askQuestionAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const id = await ask(k, f, 'Over het lezen');
      const t = await k.db.thread.findUniqueOrThrow({ where: { id }, select: { schoolId: true, kind: true, inbox: true, groupId: true, childId: true, subject: true, startedById: true, households: { select: { householdId: true } }, messages: { select: { body: true, authorRole: true } }, promises: { select: { answeredAt: true } } } });
      expect(t).toEqual({
        schoolId: f.school.id, kind: 'QUESTION', inbox: 'GROUP', groupId: f.group.id, childId: f.child.id, subject: 'Over het lezen', startedById: f.guardians[0].id,
        households: [{ householdId: f.households[0] }], messages: [{ body: 'Hoe gaat het met lezen?', authorRole: 'GUARDIAN' }], promises: [{ answeredAt: null }],
      });
    },
    outsider: async (k) => {
      const [f, other] = [await k.family(), await k.family()];
      await k.unchanged(() => startedBy(k, other.guardians[0].id), async () => {
        expect(await k.call(K('askQuestionAction'), [null, k.form({ about: f.child.id, subject: 'Niet van mij', body: 'Hallo' })], other.guardians[0].cookie)).toEqual(NOT_FOUND);
      });
      expect(await k.db.thread.count({ where: { childId: f.child.id } })).toBe(0);
    },
    badInput: async (k) => {
      const f = await k.family();
      await k.unchanged(() => startedBy(k, f.guardians[0].id), async () => {
        expect(await k.call(K('askQuestionAction'), [null, k.form({ about: f.child.id, subject: '  ', body: 'Hallo' })], f.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { subject: ['required'] } } });
      });
    },
  },

  [K('raiseComplaintAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const id = await complain(k, f);
      expect(await k.db.thread.findUniqueOrThrow({ where: { id }, select: { kind: true, inbox: true, complaintStep: true, groupId: true, childId: true, concernsUserId: true, startedById: true } })).toEqual({
        kind: 'COMPLAINT', inbox: 'GROUP', complaintStep: 'TEACHER', groupId: f.group.id, childId: f.child.id, concernsUserId: null, startedById: f.guardians[0].id,
      });
    },
    outsider: async (k) => {
      const [f, other] = [await k.family(), await k.family()];
      await k.unchanged(() => startedBy(k, other.guardians[0].id), async () => {
        expect(await k.call(K('raiseComplaintAction'), [null, k.form({ childId: f.child.id, to: 'DIRECTOR', subject: 'Niet van mij', body: 'Hallo' })], other.guardians[0].cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      // A complaint about a teacher at the teacher's own step: that teacher would read it.
      const f = await k.family();
      const teacher = await k.staff({ role: 'TEACHER', groups: ['3A'] });
      await k.unchanged(() => startedBy(k, f.guardians[0].id), async () => {
        expect(await k.call(K('raiseComplaintAction'), [null, k.form({ childId: f.child.id, to: 'TEACHER', concernsUserId: teacher.id, subject: 'Over de juf', body: 'Hallo' })], f.guardians[0].cookie)).toEqual({
          result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { concernsUserId: ['threads.concernsNeedsDirector'] } },
        });
      });
    },
  },

  [K('replyAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const teacher = await k.staff({ role: 'TEACHER', groups: ['3A'] });
      const id = await ask(k, f);
      expect(await k.call(K('replyAction'), [null, k.form({ threadId: id, body: 'Prima, dank u.' })], teacher.cookie)).toEqual({ result: { ok: true, data: { dueAt: null } } });
      const t = await threadState(k, id);
      expect(t.messages).toEqual([{ body: 'Hoe gaat het met lezen?', authorId: f.guardians[0].id }, { body: 'Prima, dank u.', authorId: teacher.id }]);
      expect(t.replyDueAt).toBeNull();
      expect(t.promises).toEqual([{ answeredAt: expect.any(Date) }]);
    },
    outsider: async (k) => {
      const [f, other] = [await k.family(), await k.family()];
      const otherTeacher = await k.staff({ role: 'TEACHER', groups: ['4B'] });
      const id = await ask(k, f);
      await k.unchanged(() => threadState(k, id), async () => {
        for (const who of [other.guardians[0], otherTeacher]) expect(await k.call(K('replyAction'), [null, k.form({ threadId: id, body: 'Ik lees mee' })], who.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const f = await k.family();
      const id = await ask(k, f);
      await k.unchanged(() => threadState(k, id), async () => {
        expect(await k.call(K('replyAction'), [null, k.form({ threadId: id, body: '' })], f.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { body: ['required'] } } });
      });
    },
  },

  [K('startConversationAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const teacher = await k.staff({ role: 'TEACHER', groups: ['3A'] });
      const answer = await k.call(K('startConversationAction'), [null, k.form({ childId: f.child.id, subject: 'Even bijpraten', body: 'Kunt u langskomen?' })], teacher.cookie);
      const [t] = await k.db.thread.findMany({ where: { startedById: teacher.id }, select: { id: true, inbox: true, groupId: true, childId: true, assigneeId: true, households: { select: { householdId: true } }, messages: { select: { body: true } } } });
      expect(answer).toEqual({ redirect: `/berichten/${t.id}` });
      expect(t).toEqual({ id: t.id, inbox: 'GROUP', groupId: f.group.id, childId: f.child.id, assigneeId: null, households: [{ householdId: f.households[0] }], messages: [{ body: 'Kunt u langskomen?' }] });
    },
    outsider: async (k) => {
      const f = await k.family();
      const otherTeacher = await k.staff({ role: 'TEACHER', groups: ['4B'] });
      const otherDirector = await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' });
      for (const who of [otherTeacher, otherDirector]) {
        expect(await k.call(K('startConversationAction'), [null, k.form({ childId: f.child.id, subject: 'Hallo', body: 'Hallo' })], who.cookie)).toEqual(NOT_FOUND);
      }
      expect(await k.db.thread.count({ where: { childId: f.child.id } })).toBe(0);
    },
    badInput: async (k) => {
      // Separated parents: the sender must choose one household or both, never both by default.
      const f = await k.family({ separated: true });
      const teacher = await k.staff({ role: 'TEACHER', groups: ['3A'] });
      expect(await k.call(K('startConversationAction'), [null, k.form({ childId: f.child.id, subject: 'Hallo', body: 'Hallo' })], teacher.cookie)).toEqual({
        result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { households: ['threads.chooseHousehold'] } },
      });
      expect(await k.db.thread.count({ where: { childId: f.child.id } })).toBe(0);
    },
  },

  [K('escalateAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const id = await complain(k, f);
      expect(await k.call(K('escalateAction'), [null, k.form({ threadId: id, body: 'De juf reageert niet.' })], f.guardians[0].cookie)).toEqual({ result: { ok: true, data: 'DIRECTOR' } });
      const t = await threadState(k, id);
      expect({ inbox: t.inbox, step: t.complaintStep, last: t.messages.at(-1)?.body }).toEqual({ inbox: 'DIRECTOR', step: 'DIRECTOR', last: 'De juf reageert niet.' });
      // The teacher's open question was withdrawn; the director's is the one open now.
      expect(t.promises).toEqual([{ answeredAt: null }]);
    },
    outsider: async (k) => {
      const [f, other] = [await k.family(), await k.family()];
      const id = await complain(k, f);
      await k.unchanged(() => threadState(k, id), async () => {
        expect(await k.call(K('escalateAction'), [null, k.form({ threadId: id, body: 'Naar de directeur' })], other.guardians[0].cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      // To the director only with a word on why.
      const f = await k.family();
      const id = await complain(k, f);
      await k.unchanged(() => threadState(k, id), async () => {
        expect(await k.call(K('escalateAction'), [null, k.form({ threadId: id, body: '' })], f.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { body: ['threads.whyDirector'] } } });
      });
    },
  },

  [K('handOverAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const [teacher, duo] = [await k.staff({ role: 'TEACHER', groups: ['3A'] }), await k.staff({ role: 'TEACHER', groups: ['3A'] })];
      const id = await ask(k, f);
      expect(await k.call(K('handOverAction'), [null, k.form({ threadId: id, assigneeId: duo.id })], teacher.cookie)).toEqual({ result: { ok: true } });
      expect((await threadState(k, id)).assigneeId).toBe(duo.id);
    },
    outsider: async (k) => {
      const f = await k.family();
      const [duo, otherTeacher] = [await k.staff({ role: 'TEACHER', groups: ['3A'] }), await k.staff({ role: 'TEACHER', groups: ['4B'] })];
      const id = await ask(k, f);
      await k.unchanged(() => threadState(k, id), async () => {
        expect(await k.call(K('handOverAction'), [null, k.form({ threadId: id, assigneeId: duo.id })], otherTeacher.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const f = await k.family();
      const teacher = await k.staff({ role: 'TEACHER', groups: ['3A'] });
      const id = await ask(k, f);
      await k.unchanged(() => threadState(k, id), async () => {
        expect(await k.call(K('handOverAction'), [null, k.form({ threadId: id, assigneeId: '' })], teacher.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { assigneeId: ['required'] } } });
      });
    },
  },

  [K('closeThreadAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      const id = await ask(k, f);
      expect(await k.call(K('closeThreadAction'), [null, k.form({ threadId: id, closed: 'true' })], f.guardians[0].cookie)).toEqual({ result: { ok: true } });
      expect((await threadState(k, id)).closedAt).toEqual(expect.any(Date));
    },
    outsider: async (k) => {
      const [f, other] = [await k.family(), await k.family()];
      const otherTeacher = await k.staff({ role: 'TEACHER', groups: ['4B'] });
      const id = await ask(k, f);
      await k.unchanged(() => threadState(k, id), async () => {
        for (const who of [other.guardians[0], otherTeacher]) expect(await k.call(K('closeThreadAction'), [null, k.form({ threadId: id, closed: 'true' })], who.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const f = await k.family();
      const id = await ask(k, f);
      await k.unchanged(() => threadState(k, id), async () => {
        expect(await k.call(K('closeThreadAction'), [null, k.form({ closed: 'true' })], f.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { threadId: ['required'] } } });
      });
    },
  },

  // Each staff member's own hours: there is no one else's row to reach, so the outsider is a
  // guardian (not staff: the 404 of requireRole) and a colleague whose hours stay as they were.
  [K('saveWorkingHoursAction')]: {
    allowed: async (k) => {
      const teacher = await k.staff({ role: 'TEACHER', groups: ['3A'] });
      expect(await k.call(K('saveWorkingHoursAction'), [null, k.form({ works1: 'on', start1: '09:00', end1: '15:30', works3: 'on', start3: '08:00', end3: '12:00' })], teacher.cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.workingHours.findMany({ where: { userId: teacher.id }, orderBy: { weekday: 'asc' }, select: { weekday: true, startMinute: true, endMinute: true } })).toEqual([
        { weekday: 1, startMinute: 540, endMinute: 930 },
        { weekday: 3, startMinute: 480, endMinute: 720 },
      ]);
    },
    outsider: async (k) => {
      const [f, teacher, colleague] = [await k.family(), await k.staff({ role: 'TEACHER', groups: ['3A'] }), await k.staff({ role: 'TEACHER', groups: ['3A'] })];
      const school = await k.school();
      await k.db.workingHours.create({ data: { schoolId: school.id, userId: colleague.id, weekday: 2, startMinute: 600, endMinute: 660 } });
      const rows = () => k.db.workingHours.findMany({ where: { userId: { in: [f.guardians[0].id, colleague.id] } }, select: { userId: true, weekday: true, startMinute: true, endMinute: true } });
      await k.unchanged(rows, async () => {
        expect(await k.call(K('saveWorkingHoursAction'), [null, k.form({ works1: 'on', start1: '09:00', end1: '15:00' })], f.guardians[0].cookie)).toEqual({ notFound: true });
        expect(await k.call(K('saveWorkingHoursAction'), [null, k.form({ works1: 'on', start1: '09:00', end1: '15:00' })], teacher.cookie)).toEqual({ result: { ok: true } });
      });
    },
    badInput: async (k) => {
      const teacher = await k.staff({ role: 'TEACHER', groups: ['3A'] });
      const school = await k.school();
      await k.db.workingHours.create({ data: { schoolId: school.id, userId: teacher.id, weekday: 4, startMinute: 480, endMinute: 1020 } });
      await k.unchanged(() => k.db.workingHours.findMany({ where: { userId: teacher.id }, select: { weekday: true, startMinute: true, endMinute: true } }), async () => {
        expect(await k.call(K('saveWorkingHoursAction'), [null, k.form({ works1: 'on', start1: '15:00', end1: '09:00' })], teacher.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { end1: ['threads.endBeforeStart'] } } });
      });
    },
  },
};
