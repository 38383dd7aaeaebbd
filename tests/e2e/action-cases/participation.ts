import { expect } from '@playwright/test';
import { dayIn } from '../support';
import type { ActionCases, Kit } from './types';

// Taking part (lib/participation): activities that need help (staff post for the groups they teach,
// a class parent for theirs), signing up and withdrawing (guardians of the activity's groups),
// the fair allocation, talents (a guardian's own) and class parents (appointed by the group's
// teacher). Fixtures live in new groups of the second demo school, so no demo family is mailed.

const K = (name: string) => `lib/participation/actions.ts#${name}`;
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const invalid = (fieldErrors: Record<string, string[]>) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors } });
const SCHOOL = 'de-regenboog';
const DAY = 86_400_000;

/** A new group of this year at the second school, with a family and a teacher of its own. */
async function setting(k: Kit) {
  const s = await k.school(SCHOOL);
  const group = await k.db.group.create({ data: { schoolId: s.id, schoolYearId: s.year.id, name: `Helpen ${k.uid()}`, grade: 6 } });
  const family = await k.family({ school: SCHOOL, group: group.name });
  const teacher = await k.staff({ role: 'TEACHER', school: SCHOOL, groups: [group.name] });
  return { s, group, family, teacher };
}
type Setting = Awaited<ReturnType<typeof setting>>;

/** An activity of the setting's group with one role; `deadline` in days from now (negative: passed). */
const activity = (k: Kit, c: Setting, opts: { allocation?: 'FIRST_COME' | 'FAIR'; kind?: 'DRIVER' | 'HELPER'; deadline?: number } = {}) =>
  k.db.activity.create({
    data: {
      schoolId: c.s.id, groupId: c.group.id, title: `Uitje ${k.uid()}`, startsAt: new Date(Date.now() + 14 * DAY), endsAt: new Date(Date.now() + 14 * DAY + 4 * 3_600_000),
      signupDeadline: new Date(Date.now() + (opts.deadline ?? 7) * DAY), allocation: opts.allocation ?? 'FIRST_COME', createdById: c.teacher.id,
      roles: { create: { kind: opts.kind ?? 'HELPER', label: 'Begeleiden', places: 2 } },
    },
    include: { roles: true },
  });

const signups = (k: Kit, activityId: string) => k.db.activitySignup.findMany({ where: { activityId }, orderBy: { createdAt: 'asc' }, select: { userId: true, status: true, seats: true, claim: { select: { place: true } } } });
const byCreator = (k: Kit, userId: string) => k.db.activity.findMany({ where: { createdById: userId }, select: { id: true } });
const classParents = (k: Kit, groupId: string) => k.db.classParent.findMany({ where: { groupId }, select: { userId: true } });

const activityForm = (groupId: string, over: Record<string, string> = {}) => ({
  title: 'Excursie naar het bos', description: 'Met de hele groep', groupId, startsAt: `${dayIn(14)}T09:00`, endsAt: `${dayIn(14)}T15:00`, signupDeadline: `${dayIn(7)}T18:00`, allocation: 'FIRST_COME',
  'roles.0.kind': 'DRIVER', 'roles.0.label': 'Rijden', 'roles.0.places': '3', ...over,
});

export const cases: ActionCases = {
  [K('createActivityAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const answer = await k.call(K('createActivityAction'), [null, k.form(activityForm(c.group.id))], c.teacher.cookie);
      const [a] = await k.db.activity.findMany({ where: { createdById: c.teacher.id }, select: { id: true, schoolId: true, groupId: true, title: true, allocation: true, roles: { select: { kind: true, label: true, places: true } } } });
      expect(answer).toEqual({ redirect: `/helpen/${a.id}` });
      expect(a).toEqual({ id: a.id, schoolId: c.s.id, groupId: c.group.id, title: 'Excursie naar het bos', allocation: 'FIRST_COME', roles: [{ kind: 'DRIVER', label: 'Rijden', places: 3 }] });
    },
    outsider: async (k) => {
      // Another group's teacher; a guardian who is not the group's class parent; the whole school (the director's).
      const [c, other] = [await setting(k), await setting(k)];
      for (const who of [other.teacher, c.family.guardians[0]]) {
        await k.unchanged(() => byCreator(k, who.id), async () => {
          expect(await k.call(K('createActivityAction'), [null, k.form(activityForm(c.group.id))], who.cookie)).toEqual(NOT_FOUND);
        });
      }
      await k.unchanged(() => byCreator(k, c.teacher.id), async () => {
        expect(await k.call(K('createActivityAction'), [null, k.form(activityForm(''))], c.teacher.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const c = await setting(k);
      await k.unchanged(() => byCreator(k, c.teacher.id), async () => {
        expect(await k.call(K('createActivityAction'), [null, k.form(activityForm(c.group.id, { signupDeadline: `${dayIn(15)}T18:00` }))], c.teacher.cookie)).toEqual(invalid({ signupDeadline: ['helping.deadlineAfterStart'] }));
      });
    },
  },

  [K('signUpAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const a = await activity(k, c);
      const answer = await k.call(K('signUpAction'), [null, k.form({ roleId: a.roles[0].id })], c.family.guardians[0].cookie);
      expect(answer).toEqual({ result: { ok: true, data: { id: expect.any(String), status: 'PLACED' } } });
      expect(await signups(k, a.id)).toEqual([{ userId: c.family.guardians[0].id, status: 'PLACED', seats: null, claim: { place: 1 } }]);
    },
    outsider: async (k) => {
      // A guardian of another group of the same school.
      const [c, other] = [await setting(k), await setting(k)];
      const a = await activity(k, c);
      await k.unchanged(() => signups(k, a.id), async () => {
        expect(await k.call(K('signUpAction'), [null, k.form({ roleId: a.roles[0].id })], other.family.guardians[0].cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      // A driver says how many children they can take.
      const c = await setting(k);
      const a = await activity(k, c, { kind: 'DRIVER' });
      await k.unchanged(() => signups(k, a.id), async () => {
        expect(await k.call(K('signUpAction'), [null, k.form({ roleId: a.roles[0].id })], c.family.guardians[0].cookie)).toEqual(invalid({ seats: ['required'] }));
        expect(await k.call(K('signUpAction'), [null, k.form({ roleId: a.roles[0].id, seats: '9' })], c.family.guardians[0].cookie)).toEqual(invalid({ seats: ['outOfRange'] }));
      });
    },
  },

  [K('withdrawAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const a = await activity(k, c);
      expect(await k.call(K('signUpAction'), [null, k.form({ roleId: a.roles[0].id })], c.family.guardians[0].cookie)).toEqual({ result: { ok: true, data: { id: expect.any(String), status: 'PLACED' } } });
      expect(await k.call(K('withdrawAction'), [null, k.form({ roleId: a.roles[0].id })], c.family.guardians[0].cookie)).toEqual({ result: { ok: true } });
      expect(await signups(k, a.id)).toEqual([{ userId: c.family.guardians[0].id, status: 'WITHDRAWN', seats: null, claim: null }]);
    },
    outsider: async (k) => {
      // Another family of the same group cannot withdraw someone else's place.
      const c = await setting(k);
      const neighbour = await k.family({ school: SCHOOL, group: c.group.name });
      const a = await activity(k, c);
      expect(await k.call(K('signUpAction'), [null, k.form({ roleId: a.roles[0].id })], c.family.guardians[0].cookie)).toEqual({ result: { ok: true, data: { id: expect.any(String), status: 'PLACED' } } });
      await k.unchanged(() => signups(k, a.id), async () => {
        expect(await k.call(K('withdrawAction'), [null, k.form({ roleId: a.roles[0].id })], neighbour.guardians[0].cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const c = await setting(k);
      const a = await activity(k, c);
      expect(await k.call(K('signUpAction'), [null, k.form({ roleId: a.roles[0].id })], c.family.guardians[0].cookie)).toEqual({ result: { ok: true, data: { id: expect.any(String), status: 'PLACED' } } });
      await k.unchanged(() => signups(k, a.id), async () => {
        expect(await k.call(K('withdrawAction'), [null, k.form({})], c.family.guardians[0].cookie)).toEqual(invalid({ roleId: ['required'] }));
      });
    },
  },

  [K('allocateActivityAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const a = await activity(k, c, { allocation: 'FAIR', deadline: -1 });
      await k.db.activitySignup.create({ data: { schoolId: c.s.id, activityId: a.id, roleId: a.roles[0].id, userId: c.family.guardians[0].id, householdId: c.family.households[0], status: 'WAITING' } });
      expect(await k.call(K('allocateActivityAction'), [null, k.form({ activityId: a.id })], c.teacher.cookie)).toEqual({ result: { ok: true, data: { placed: 1 } } });
      expect(await signups(k, a.id)).toEqual([{ userId: c.family.guardians[0].id, status: 'PLACED', seats: null, claim: { place: 1 } }]);
      expect((await k.db.activity.findUniqueOrThrow({ where: { id: a.id } })).allocatedAt).toEqual(expect.any(Date));
    },
    outsider: async (k) => {
      const [c, other] = [await setting(k), await setting(k)];
      const a = await activity(k, c, { allocation: 'FAIR', deadline: -1 });
      await k.db.activitySignup.create({ data: { schoolId: c.s.id, activityId: a.id, roleId: a.roles[0].id, userId: c.family.guardians[0].id, householdId: c.family.households[0], status: 'WAITING' } });
      await k.unchanged(async () => [await signups(k, a.id), (await k.db.activity.findUniqueOrThrow({ where: { id: a.id } })).allocatedAt], async () => {
        for (const who of [other.teacher, c.family.guardians[0]]) expect(await k.call(K('allocateActivityAction'), [null, k.form({ activityId: a.id })], who.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const c = await setting(k);
      const a = await activity(k, c, { allocation: 'FAIR', deadline: -1 });
      await k.unchanged(() => k.db.activity.findUniqueOrThrow({ where: { id: a.id }, select: { allocatedAt: true } }), async () => {
        expect(await k.call(K('allocateActivityAction'), [null, k.form({})], c.teacher.cookie)).toEqual(invalid({ activityId: ['required'] }));
      });
    },
  },

  // A guardian's own talents: the outsider is someone whose access to every child has ended, and
  // staff (not a guardian: requireRole's 404).
  [K('saveTalentsAction')]: {
    allowed: async (k) => {
      const f = await k.family();
      expect(await k.call(K('saveTalentsAction'), [null, k.form({ helpWith: ['DRIVING', 'READING'], talents: 'Fietsen repareren' })], f.guardians[0].cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.guardianTalent.findMany({ where: { userId: f.guardians[0].id }, select: { schoolId: true, helpWith: true, talents: true } })).toEqual([{ schoolId: f.school.id, helpWith: ['DRIVING', 'READING'], talents: 'Fietsen repareren' }]);
    },
    outsider: async (k) => {
      const f = await k.family();
      const teacher = await k.staff({ role: 'TEACHER', groups: ['3A'] });
      await k.db.guardianship.updateMany({ where: { userId: f.guardians[0].id }, data: { endedAt: new Date(), endReason: 'OTHER' } });
      await k.unchanged(() => k.db.guardianTalent.findMany({ where: { userId: { in: [f.guardians[0].id, teacher.id] } } }), async () => {
        expect(await k.call(K('saveTalentsAction'), [null, k.form({ helpWith: ['DRIVING'], talents: 'x' })], f.guardians[0].cookie)).toEqual(NOT_FOUND);
        expect(await k.call(K('saveTalentsAction'), [null, k.form({ helpWith: ['DRIVING'], talents: 'x' })], teacher.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      // Without the form's text field: refused rather than wiping what the parent wrote.
      const f = await k.family();
      await k.db.guardianTalent.create({ data: { schoolId: f.school.id, userId: f.guardians[0].id, helpWith: ['CREATIVE'], talents: 'Schilderen' } });
      await k.unchanged(() => k.db.guardianTalent.findMany({ where: { userId: f.guardians[0].id }, select: { helpWith: true, talents: true } }), async () => {
        expect(await k.call(K('saveTalentsAction'), [null, k.form({ helpWith: ['DRIVING'] })], f.guardians[0].cookie)).toEqual(invalid({ talents: ['required'] }));
      });
    },
  },

  [K('appointClassParentAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      expect(await k.call(K('appointClassParentAction'), [null, k.form({ groupId: c.group.id, userId: c.family.guardians[0].id })], c.teacher.cookie)).toEqual({ result: { ok: true } });
      expect(await classParents(k, c.group.id)).toEqual([{ userId: c.family.guardians[0].id }]);
    },
    outsider: async (k) => {
      // Another group's teacher; and the right teacher naming a guardian of another group.
      const [c, other] = [await setting(k), await setting(k)];
      await k.unchanged(() => classParents(k, c.group.id), async () => {
        expect(await k.call(K('appointClassParentAction'), [null, k.form({ groupId: c.group.id, userId: c.family.guardians[0].id })], other.teacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(K('appointClassParentAction'), [null, k.form({ groupId: c.group.id, userId: other.family.guardians[0].id })], c.teacher.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const c = await setting(k);
      await k.unchanged(() => classParents(k, c.group.id), async () => {
        expect(await k.call(K('appointClassParentAction'), [null, k.form({ groupId: c.group.id })], c.teacher.cookie)).toEqual(invalid({ userId: ['required'] }));
      });
    },
  },

  [K('removeClassParentAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      await k.db.classParent.create({ data: { schoolId: c.s.id, groupId: c.group.id, userId: c.family.guardians[0].id } });
      expect(await k.call(K('removeClassParentAction'), [null, k.form({ groupId: c.group.id, userId: c.family.guardians[0].id })], c.teacher.cookie)).toEqual({ result: { ok: true } });
      expect(await classParents(k, c.group.id)).toEqual([]);
    },
    outsider: async (k) => {
      const [c, other] = [await setting(k), await setting(k)];
      await k.db.classParent.create({ data: { schoolId: c.s.id, groupId: c.group.id, userId: c.family.guardians[0].id } });
      await k.unchanged(() => classParents(k, c.group.id), async () => {
        expect(await k.call(K('removeClassParentAction'), [null, k.form({ groupId: c.group.id, userId: c.family.guardians[0].id })], other.teacher.cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const c = await setting(k);
      await k.db.classParent.create({ data: { schoolId: c.s.id, groupId: c.group.id, userId: c.family.guardians[0].id } });
      await k.unchanged(() => classParents(k, c.group.id), async () => {
        expect(await k.call(K('removeClassParentAction'), [null, k.form({ userId: c.family.guardians[0].id })], c.teacher.cookie)).toEqual(invalid({ groupId: ['required'] }));
      });
    },
  },
};
