import { expect } from '@playwright/test';
import type { ActionCases, Kit } from './types';

// Announcements (lib/announcements): staff post to the groups they teach (the director also to the
// whole school), guardians of those groups confirm reading, whoever could post reminds once. The
// fixtures live in a new group of the second demo school, so no demo family is mailed.
// (GET /api/announcements/{id}/attachments/{attachmentId} only reads.)

const K = (name: string) => `lib/announcements/actions.ts#${name}`;
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const SCHOOL = 'de-regenboog';

/** A new group of this year at the second school, with a family and a teacher of its own. */
async function setting(k: Kit) {
  const s = await k.school(SCHOOL);
  const group = await k.db.group.create({ data: { schoolId: s.id, schoolYearId: s.year.id, name: `Mededeling ${k.uid()}`, grade: 5 } });
  const family = await k.family({ school: SCHOOL, group: group.name });
  const teacher = await k.staff({ role: 'TEACHER', school: SCHOOL, groups: [group.name] });
  return { s, group, family, teacher };
}

const announcement = (k: Kit, c: Awaited<ReturnType<typeof setting>>, confirmRead = true) =>
  k.db.announcement.create({
    data: { schoolId: c.s.id, authorId: c.teacher.id, title: `Luizencontrole ${k.uid()}`, body: 'Woensdag is er luizencontrole.', confirmRead, groups: { create: { groupId: c.group.id } } },
  });

const byAuthor = (k: Kit, authorId: string) => k.db.announcement.findMany({ where: { authorId }, select: { id: true } });
const reads = (k: Kit, announcementId: string) => k.db.announcementRead.findMany({ where: { announcementId }, select: { userId: true, confirmedAt: true } });

export const cases: ActionCases = {
  [K('postAnnouncementAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const answer = await k.call(K('postAnnouncementAction'), [null, k.form({ title: 'Schoolreisje', body: 'We gaan naar de dierentuin.', kind: 'NOTICE', audience: 'groups', groupIds: [c.group.id], confirmRead: 'on' })], c.teacher.cookie);
      const [a] = await k.db.announcement.findMany({
        where: { authorId: c.teacher.id },
        select: { id: true, schoolId: true, title: true, body: true, kind: true, wholeSchool: true, urgent: true, confirmRead: true, groups: { select: { groupId: true } } },
      });
      expect(answer).toEqual({ redirect: `/mededelingen/${a.id}` });
      expect(a).toEqual({ id: a.id, schoolId: c.s.id, title: 'Schoolreisje', body: 'We gaan naar de dierentuin.', kind: 'NOTICE', wholeSchool: false, urgent: false, confirmRead: true, groups: [{ groupId: c.group.id }] });
      // Its one family heard of it (the default: a mail at once).
      expect(await k.db.outboxMail.count({ where: { to: c.family.guardians[0].email, kind: 'announcement' } })).toBe(1);
    },
    outsider: async (k) => {
      // A group the teacher does not teach, and the whole school (the director's).
      const c = await setting(k);
      const other = await setting(k);
      await k.unchanged(() => byAuthor(k, c.teacher.id), async () => {
        expect(await k.call(K('postAnnouncementAction'), [null, k.form({ title: 'Niet mijn groep', body: 'x', kind: 'NOTICE', audience: 'groups', groupIds: [other.group.id] })], c.teacher.cookie)).toEqual(NOT_FOUND);
        expect(await k.call(K('postAnnouncementAction'), [null, k.form({ title: 'Hele school', body: 'x', kind: 'NOTICE', audience: 'school' })], c.teacher.cookie)).toEqual(NOT_FOUND);
      });
      expect(await k.db.outboxMail.count({ where: { to: other.family.guardians[0].email } })).toBe(0);
    },
    badInput: async (k) => {
      const c = await setting(k);
      await k.unchanged(() => byAuthor(k, c.teacher.id), async () => {
        expect(await k.call(K('postAnnouncementAction'), [null, k.form({ title: 'Geen groep', body: 'x', kind: 'NOTICE', audience: 'groups' })], c.teacher.cookie)).toEqual({
          result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { groupIds: ['announcements.pickGroups'] } },
        });
      });
    },
  },

  [K('confirmAnnouncementAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const a = await announcement(k, c);
      expect(await k.call(K('confirmAnnouncementAction'), [null, k.form({ announcementId: a.id })], c.family.guardians[0].cookie)).toEqual({ result: { ok: true } });
      expect(await reads(k, a.id)).toEqual([{ userId: c.family.guardians[0].id, confirmedAt: expect.any(Date) }]);
    },
    outsider: async (k) => {
      // A guardian of another group of the same school.
      const [c, other] = [await setting(k), await setting(k)];
      const a = await announcement(k, c);
      await k.unchanged(() => reads(k, a.id), async () => {
        expect(await k.call(K('confirmAnnouncementAction'), [null, k.form({ announcementId: a.id })], other.family.guardians[0].cookie)).toEqual(NOT_FOUND);
      });
    },
    badInput: async (k) => {
      const c = await setting(k);
      const a = await announcement(k, c);
      await k.unchanged(() => reads(k, a.id), async () => {
        expect(await k.call(K('confirmAnnouncementAction'), [null, k.form({})], c.family.guardians[0].cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { announcementId: ['required'] } } });
      });
    },
  },

  [K('remindAnnouncementAction')]: {
    allowed: async (k) => {
      const c = await setting(k);
      const a = await announcement(k, c);
      expect(await k.call(K('remindAnnouncementAction'), [null, k.form({ announcementId: a.id })], c.teacher.cookie)).toEqual({ result: { ok: true, data: { sent: 1 } } });
      expect((await k.db.announcement.findUniqueOrThrow({ where: { id: a.id } })).remindedAt).toEqual(expect.any(Date));
      expect(await k.db.outboxMail.count({ where: { to: c.family.guardians[0].email, kind: 'announcement_reminder' } })).toBe(1);
    },
    outsider: async (k) => {
      const [c, other] = [await setting(k), await setting(k)];
      const a = await announcement(k, c);
      await k.unchanged(() => k.db.announcement.findUniqueOrThrow({ where: { id: a.id }, select: { remindedAt: true } }), async () => {
        expect(await k.call(K('remindAnnouncementAction'), [null, k.form({ announcementId: a.id })], other.teacher.cookie)).toEqual(NOT_FOUND);
      });
      expect(await k.db.outboxMail.count({ where: { to: c.family.guardians[0].email, kind: 'announcement_reminder' } })).toBe(0);
    },
    badInput: async (k) => {
      const c = await setting(k);
      const a = await announcement(k, c);
      await k.unchanged(() => k.db.announcement.findUniqueOrThrow({ where: { id: a.id }, select: { remindedAt: true } }), async () => {
        expect(await k.call(K('remindAnnouncementAction'), [null, k.form({})], c.teacher.cookie)).toEqual({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors: { announcementId: ['required'] } } });
      });
    },
  },
};
