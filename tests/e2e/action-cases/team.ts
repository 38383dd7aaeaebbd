import { expect } from '@playwright/test';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// The director's team page: who teaches, who may sign in, which parent keeps access. The right actor
// is the school's director; outsiders are the other school's director and a teacher (whose answer is
// the 404 page: the action is not theirs to call at all).

const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const A = (name: string) => `lib/team/actions.ts#${name}`;
const membershipOf = (k: Kit, userId: string) => k.db.membership.findFirstOrThrow({ where: { userId }, select: { id: true } });
const outsiders = async (k: Kit) => ({ otherDirector: await k.staff({ role: 'DIRECTOR', school: 'de-regenboog' }), teacher: await k.staff({ role: 'TEACHER' }) });

/** Calls `key` with `fields` as both outsiders: the other school's director gets NOT_FOUND, a teacher the 404 page. */
async function refusedToOutsiders(k: Kit, key: string, fields: Record<string, string | string[]>) {
  const o = await outsiders(k);
  expect(await k.call(key, [null, k.form(fields)], o.otherDirector.cookie)).toEqual(NOT_FOUND);
  expect(await k.call(key, [null, k.form(fields)], o.teacher.cookie)).toEqual({ notFound: true });
}

const staffState = (k: Kit, userId: string) => async () => ({
  memberships: await k.db.membership.findMany({ where: { userId }, select: { role: true } }),
  liveSessions: await k.db.userSession.count({ where: { userId, endedAt: null } }),
  password: (await k.db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash,
});

export const cases: ActionCases = {
  [A('inviteStaffAction')]: {
    allowed: async (k) => {
      const director = await k.staff({ role: 'DIRECTOR' });
      const email = `nieuw-${k.uid()}@cases.test`;
      expect(await k.call(A('inviteStaffAction'), [null, k.form({ email, firstName: 'Nina', lastName: 'Nieuw', careCoordinator: 'on' })], director.cookie)).toEqual({ result: { ok: true } });
      const user = await k.db.user.findUniqueOrThrow({ where: { email }, select: { firstName: true, memberships: { select: { role: true, careCoordinator: true, school: { select: { slug: true } } } } } });
      expect(user).toEqual({ firstName: 'Nina', memberships: [{ role: 'TEACHER', careCoordinator: true, school: { slug: 'distelvlinder' } }] });
      expect(await k.db.outboxMail.findMany({ where: { to: email }, select: { kind: true } })).toEqual([{ kind: 'team_invite' }]);
    },
    outsider: async (k) => {
      // A teacher cannot invite at all; the other school's director invites to their own school only.
      const o = await outsiders(k);
      const email = `nieuw-${k.uid()}@cases.test`;
      expect(await k.call(A('inviteStaffAction'), [null, k.form({ email, firstName: 'Nina', lastName: 'Nieuw' })], o.teacher.cookie)).toEqual({ notFound: true });
      expect(await k.db.user.count({ where: { email } })).toBe(0);
      expect(await k.call(A('inviteStaffAction'), [null, k.form({ email, firstName: 'Nina', lastName: 'Nieuw' })], o.otherDirector.cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.membership.findMany({ where: { user: { email } }, select: { school: { select: { slug: true } } } })).toEqual([{ school: { slug: 'de-regenboog' } }]);
    },
    badInput: async (k) => {
      const director = await k.staff({ role: 'DIRECTOR' });
      const email = `nieuw-${k.uid()}@cases.test`;
      expect(await k.call(A('inviteStaffAction'), [null, k.form({ email, firstName: 'Nina' })], director.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { lastName: ['required'] } } });
      expect(await k.db.user.count({ where: { email } })).toBe(0);
      expect(await k.db.outboxMail.count({ where: { to: email } })).toBe(0);
    },
  },

  [A('deactivateStaffAction')]: {
    allowed: async (k) => {
      const director = await k.staff({ role: 'DIRECTOR' });
      const g = await k.newGroup();
      const teacher = await k.staff({ role: 'TEACHER', groups: [g.name] });
      const m = await membershipOf(k, teacher.id);
      expect(await k.call(A('deactivateStaffAction'), [null, k.form({ membershipId: m.id })], director.cookie)).toEqual({ result: { ok: true } });
      expect(await staffState(k, teacher.id)()).toMatchObject({ memberships: [], liveSessions: 0 });
      expect(await k.db.groupTeacher.count({ where: { userId: teacher.id } })).toBe(0);
    },
    outsider: async (k) => {
      const teacher = await k.staff({ role: 'TEACHER' });
      const m = await membershipOf(k, teacher.id);
      await k.unchanged(staffState(k, teacher.id), () => refusedToOutsiders(k, A('deactivateStaffAction'), { membershipId: m.id }));
    },
    badInput: async (k) => {
      // Their own membership: a director cannot lock themself out (a field message), nothing changes.
      const director = await k.staff({ role: 'DIRECTOR' });
      const m = await membershipOf(k, director.id);
      await k.unchanged(staffState(k, director.id), async () => {
        expect(await k.call(A('deactivateStaffAction'), [null, k.form({ membershipId: m.id })], director.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { membershipId: ['notYourself'] } } });
      });
    },
  },

  [A('resetSignInAction')]: {
    allowed: async (k) => {
      const director = await k.staff({ role: 'DIRECTOR' });
      const teacher = await k.staff({ role: 'TEACHER' });
      await k.db.user.update({ where: { id: teacher.id }, data: { passwordHash: 'scrypt$old' } });
      const m = await membershipOf(k, teacher.id);
      expect(await k.call(A('resetSignInAction'), [null, k.form({ membershipId: m.id })], director.cookie)).toEqual({ result: { ok: true } });
      expect(await staffState(k, teacher.id)()).toEqual({ memberships: [{ role: 'TEACHER' }], liveSessions: 0, password: null });
    },
    outsider: async (k) => {
      const teacher = await k.staff({ role: 'TEACHER' });
      await k.db.user.update({ where: { id: teacher.id }, data: { passwordHash: 'scrypt$old' } });
      const m = await membershipOf(k, teacher.id);
      await k.unchanged(staffState(k, teacher.id), () => refusedToOutsiders(k, A('resetSignInAction'), { membershipId: m.id }));
    },
    badInput: async (k) => {
      // A parent's membership is no staff member's: the reset is for staff passwords only.
      const director = await k.staff({ role: 'DIRECTOR' });
      const fam = await k.family({ group: (await k.newGroup()).name });
      const m = await membershipOf(k, fam.guardians[0].id);
      await k.unchanged(staffState(k, fam.guardians[0].id), async () => {
        expect(await k.call(A('resetSignInAction'), [null, k.form({ membershipId: m.id })], director.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(A('resetSignInAction'), [null, k.form({})], director.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { membershipId: ['required'] } } });
      });
    },
  },

  [A('groupTeachersAction')]: {
    allowed: async (k) => {
      const director = await k.staff({ role: 'DIRECTOR' });
      const g = await k.newGroup();
      await k.staff({ role: 'TEACHER', groups: [g.name] });
      const b = await k.staff({ role: 'TEACHER' });
      expect(await k.call(A('groupTeachersAction'), [null, k.form({ groupId: g.id, userIds: [b.id] })], director.cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.groupTeacher.findMany({ where: { groupId: g.id }, select: { userId: true } })).toEqual([{ userId: b.id }]);
    },
    outsider: async (k) => {
      const g = await k.newGroup();
      const a = await k.staff({ role: 'TEACHER', groups: [g.name] });
      const teachers = () => k.db.groupTeacher.findMany({ where: { groupId: g.id }, select: { userId: true } });
      await k.unchanged(teachers, () => refusedToOutsiders(k, A('groupTeachersAction'), { groupId: g.id, userIds: [] }));
      // The school's director cannot make a parent (no staff member) a group's teacher either.
      const director = await k.staff({ role: 'DIRECTOR' });
      const fam = await k.family({ group: g.name });
      await k.unchanged(teachers, async () => {
        expect(await k.call(A('groupTeachersAction'), [null, k.form({ groupId: g.id, userIds: [fam.guardians[0].id] })], director.cookie)).toEqual(NOT_FOUND);
      });
      expect(await teachers()).toEqual([{ userId: a.id }]);
    },
    badInput: async (k) => {
      const director = await k.staff({ role: 'DIRECTOR' });
      const g = await k.newGroup();
      await k.staff({ role: 'TEACHER', groups: [g.name] });
      const teachers = () => k.db.groupTeacher.findMany({ where: { groupId: g.id }, select: { userId: true } });
      await k.unchanged(teachers, async () => {
        expect(await k.call(A('groupTeachersAction'), [null, k.form({ groupId: g.id, userIds: Array.from({ length: 11 }, (_, i) => `u${i}`) })], director.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { userIds: ['tooManyTeachers'] } } });
      });
    },
  },

  [A('endGuardianshipAction')]: {
    allowed: async (k) => {
      const director = await k.staff({ role: 'DIRECTOR' });
      const fam = await k.family({ group: (await k.newGroup()).name, separated: true });
      const g = await k.db.guardianship.findFirstOrThrow({ where: { childId: fam.child.id, userId: fam.guardians[1].id } });
      expect(await k.call(A('endGuardianshipAction'), [null, k.form({ guardianshipId: g.id, reason: 'COURT_ORDER', childId: fam.child.id })], director.cookie)).toEqual({ result: { ok: true } });
      expect(await k.db.guardianship.findUniqueOrThrow({ where: { id: g.id }, select: { endedAt: true, endReason: true } })).toEqual({ endedAt: expect.any(Date), endReason: 'COURT_ORDER' });
      // Without a child left here, the father is no parent of this school any more.
      expect(await k.db.membership.count({ where: { userId: fam.guardians[1].id } })).toBe(0);
      expect((await k.api('GET', `/api/children/${fam.child.id}`, undefined, fam.guardians[1].cookie)).status).toBe(404);
    },
    outsider: async (k) => {
      const fam = await k.family({ group: (await k.newGroup()).name });
      const g = await k.db.guardianship.findFirstOrThrow({ where: { childId: fam.child.id } });
      await k.unchanged(() => k.db.guardianship.findUniqueOrThrow({ where: { id: g.id } }), () => refusedToOutsiders(k, A('endGuardianshipAction'), { guardianshipId: g.id, reason: 'COURT_ORDER' }));
    },
    badInput: async (k) => {
      const director = await k.staff({ role: 'DIRECTOR' });
      const fam = await k.family({ group: (await k.newGroup()).name });
      const g = await k.db.guardianship.findFirstOrThrow({ where: { childId: fam.child.id } });
      await k.unchanged(() => k.db.guardianship.findUniqueOrThrow({ where: { id: g.id } }), async () => {
        // "Other" must say what happened.
        expect(await k.call(A('endGuardianshipAction'), [null, k.form({ guardianshipId: g.id, reason: 'OTHER' })], director.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { note: ['endNoteRequired'] } } });
        expect(await k.call(A('endGuardianshipAction'), [null, k.form({ guardianshipId: g.id })], director.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { reason: ['endReasonRequired'] } } });
      });
    },
  },

  [A('familySettingsAction')]: {
    // A school-wide switch of the demo school: each case puts it back as it found it.
    allowed: async (k) => {
      const director = await k.staff({ role: 'DIRECTOR' });
      const read = () => k.db.school.findUniqueOrThrow({ where: { slug: 'distelvlinder' }, select: { shareGuardianContacts: true } });
      const before = await read();
      try {
        expect(await k.call(A('familySettingsAction'), [null, k.form(before.shareGuardianContacts ? {} : { shareGuardianContacts: 'on' })], director.cookie)).toEqual({ result: { ok: true } });
        expect(await read()).toEqual({ shareGuardianContacts: !before.shareGuardianContacts });
      } finally {
        await k.db.school.update({ where: { slug: 'distelvlinder' }, data: before });
      }
    },
    outsider: async (k) => {
      const read = () => k.db.school.findMany({ select: { slug: true, shareGuardianContacts: true }, orderBy: { slug: 'asc' } });
      const o = await outsiders(k);
      const other = await k.db.school.findUniqueOrThrow({ where: { slug: 'de-regenboog' }, select: { shareGuardianContacts: true } });
      try {
        // The other school's director switches their own school only; a teacher reaches nothing.
        const before = await read();
        expect(await k.call(A('familySettingsAction'), [null, k.form(other.shareGuardianContacts ? {} : { shareGuardianContacts: 'on' })], o.otherDirector.cookie)).toEqual({ result: { ok: true } });
        expect((await read()).find((s) => s.slug === 'distelvlinder')).toEqual(before.find((s) => s.slug === 'distelvlinder'));
        await k.unchanged(read, async () => {
          expect(await k.call(A('familySettingsAction'), [null, k.form({ shareGuardianContacts: 'on' })], o.teacher.cookie)).toEqual({ notFound: true });
        });
      } finally {
        await k.db.school.update({ where: { slug: 'de-regenboog' }, data: other });
      }
    },
    badInput: async (k) => {
      const director = await k.staff({ role: 'DIRECTOR' });
      const read = () => k.db.school.findUniqueOrThrow({ where: { slug: 'distelvlinder' }, select: { shareGuardianContacts: true } });
      await k.unchanged(read, async () => {
        expect(await k.call(A('familySettingsAction'), [null, k.form({ shareGuardianContacts: 'yes please' })], director.cookie)).toMatchObject({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { shareGuardianContacts: [expect.any(String)] } } });
      });
    },
  },
};
