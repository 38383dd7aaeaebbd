import { expect } from '@playwright/test';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// The expectations charter: the director edits and publishes the school's, guardians acknowledge the
// current version, the director reminds a group. Every case works at a new school of its own (the
// demo's charter is what charter.spec reads); the outsider is the director or a guardian of another
// school, or a teacher (the 404 page).

const A = (name: string) => `lib/charter/actions.ts#${name}`;
const NOT_FOUND = { result: { ok: false, error: 'NOT_FOUND' } };
const invalid = (fieldErrors: Record<string, string[]>) => ({ result: { ok: false, error: 'INVALID_INPUT', fieldErrors } });

/** A new school, its director, and (as the draft page makes it) an open draft; with `published` a version 1 before it. */
async function charterSchool(k: Kit, published = false) {
  const slug = await k.newSchool();
  const school = await k.school(slug);
  const director = await k.staff({ role: 'DIRECTOR', school: slug });
  let version;
  if (published) {
    version = await k.db.charterVersion.create({ data: { schoolId: school.id, number: 1, title: 'Afspraken 1', intro: '', publishedAt: new Date(), createdById: director.id } });
    await k.db.charterSection.create({ data: { schoolId: school.id, versionId: version.id, position: 0, title: 'Contact', parentsMayExpect: ['Antwoord binnen twee dagen'], schoolMayExpect: ['Ouders lezen berichten'] } });
  }
  const draft = await k.db.charterVersion.create({ data: { schoolId: school.id, number: published ? 2 : 1, title: 'Concept', intro: '', createdById: director.id } });
  return { slug, school, director, draft, version };
}
const versions = (k: Kit, schoolId: string) => () =>
  k.db.charterVersion.findMany({ where: { schoolId }, orderBy: { number: 'asc' }, select: { id: true, title: true, intro: true, publishedAt: true, sections: { orderBy: { position: 'asc' }, select: { title: true, parentsMayExpect: true, schoolMayExpect: true } } } });
const draftForm = (k: Kit, intent: 'save' | 'publish') =>
  k.form({ title: 'Samen voor het kind', intro: 'Wat we van elkaar verwachten', sectionTitle: ['Contact', 'Gesprekken'], parents: ['Antwoord binnen twee dagen\nEen vast aanspreekpunt', 'Twee gesprekken per jaar'], school: ['Ouders lezen berichten', ''], intent });

export const cases: ActionCases = {
  [A('saveCharterAction')]: {
    allowed: async (k) => {
      const { school, director, draft } = await charterSchool(k);
      expect(await k.call(A('saveCharterAction'), [null, draftForm(k, 'publish')], director.cookie)).toEqual({ result: { ok: true } });
      const [v] = await versions(k, school.id)();
      expect({ ...v, publishedAt: v.publishedAt !== null }).toEqual({
        id: draft.id, title: 'Samen voor het kind', intro: 'Wat we van elkaar verwachten', publishedAt: true,
        sections: [
          { title: 'Contact', parentsMayExpect: ['Antwoord binnen twee dagen', 'Een vast aanspreekpunt'], schoolMayExpect: ['Ouders lezen berichten'] },
          { title: 'Gesprekken', parentsMayExpect: ['Twee gesprekken per jaar'], schoolMayExpect: [] },
        ],
      });
    },
    outsider: async (k) => {
      // Another school's director saves their own school's draft (there is none: CONFLICT); a teacher cannot at all.
      const { slug, school } = await charterSchool(k);
      const otherDirector = await k.staff({ role: 'DIRECTOR', school: await k.newSchool() });
      const teacher = await k.staff({ role: 'TEACHER', school: slug });
      await k.unchanged(versions(k, school.id), async () => {
        expect(await k.call(A('saveCharterAction'), [null, draftForm(k, 'publish')], otherDirector.cookie)).toEqual({ result: { ok: false, error: 'CONFLICT' } });
        expect(await k.call(A('saveCharterAction'), [null, draftForm(k, 'publish')], teacher.cookie)).toEqual({ notFound: true });
      });
    },
    badInput: async (k) => {
      const { school, director } = await charterSchool(k);
      await k.unchanged(versions(k, school.id), async () => {
        expect(await k.call(A('saveCharterAction'), [null, k.form({ title: '', intro: '', intent: 'publish' })], director.cookie)).toEqual(invalid({ title: ['required'], sections: ['required'] }));
      });
    },
  },

  [A('acknowledgeCharterAction')]: {
    allowed: async (k) => {
      const { slug, version } = await charterSchool(k, true);
      const fam = await k.family({ school: slug, group: (await k.newGroup(slug)).name });
      const parent = fam.guardians[0];
      expect(await k.call(A('acknowledgeCharterAction'), [k.form({ versionId: version!.id })], parent.cookie)).toEqual({ redirect: '/ouder' });
      expect(await k.db.charterAcknowledgement.findMany({ where: { versionId: version!.id }, select: { userId: true, schoolId: true } })).toEqual([{ userId: parent.id, schoolId: fam.school.id }]);
    },
    outsider: async (k) => {
      // A guardian of another school cannot acknowledge this school's version (nor a draft); home all the same.
      const { version, draft } = await charterSchool(k, true);
      const otherSlug = await k.newSchool();
      const other = await k.family({ school: otherSlug, group: (await k.newGroup(otherSlug)).name });
      const acks = () => k.db.charterAcknowledgement.findMany({ where: { versionId: { in: [version!.id, draft.id] } } });
      await k.unchanged(acks, async () => {
        expect(await k.call(A('acknowledgeCharterAction'), [k.form({ versionId: version!.id })], other.guardians[0].cookie)).toEqual({ redirect: '/ouder' });
        expect(await k.call(A('acknowledgeCharterAction'), [k.form({ versionId: draft.id })], other.guardians[0].cookie)).toEqual({ redirect: '/ouder' });
      });
    },
    badInput: async (k) => {
      const { slug, version, draft } = await charterSchool(k, true);
      const fam = await k.family({ school: slug, group: (await k.newGroup(slug)).name });
      const acks = () => k.db.charterAcknowledgement.findMany({ where: { versionId: { in: [version!.id, draft.id] } } });
      await k.unchanged(acks, async () => {
        for (const versionId of ['', 'x'.repeat(41), draft.id]) {
          expect(await k.call(A('acknowledgeCharterAction'), [k.form({ versionId })], fam.guardians[0].cookie)).toEqual({ redirect: '/ouder' });
        }
      });
    },
  },

  [A('remindCharterAction')]: {
    allowed: async (k) => {
      // Two families in the group, one has acknowledged: only the other is reminded.
      const { slug, director, version } = await charterSchool(k, true);
      const g = await k.newGroup(slug);
      const [done, todo] = [await k.family({ school: slug, group: g.name }), await k.family({ school: slug, group: g.name, separated: true })];
      await k.db.charterAcknowledgement.create({ data: { versionId: version!.id, schoolId: done.school.id, userId: done.guardians[0].id } });
      expect(await k.call(A('remindCharterAction'), [null, k.form({ groupId: g.id })], director.cookie)).toEqual({ result: { ok: true, data: { sent: 2 } } });
      const emails = [...done.guardians, ...todo.guardians].map((p) => p.email);
      expect(await k.db.outboxMail.findMany({ where: { to: { in: emails } }, select: { to: true, kind: true }, orderBy: { to: 'asc' } })).toEqual(todo.guardians.map((p) => ({ to: p.email, kind: 'charter_reminder' })).sort((a, b) => a.to.localeCompare(b.to)));
    },
    outsider: async (k) => {
      // Another school's director names this school's group: nobody here is mailed. A teacher: the 404 page.
      const { slug } = await charterSchool(k, true);
      const g = await k.newGroup(slug);
      const fam = await k.family({ school: slug, group: g.name });
      const other = await charterSchool(k, true);
      const teacher = await k.staff({ role: 'TEACHER', school: slug });
      const mails = () => k.db.outboxMail.findMany({ where: { to: fam.guardians[0].email } });
      await k.unchanged(mails, async () => {
        expect(await k.call(A('remindCharterAction'), [null, k.form({ groupId: g.id })], other.director.cookie)).toEqual({ result: { ok: true, data: { sent: 0 } } });
        expect(await k.call(A('remindCharterAction'), [null, k.form({ groupId: g.id })], teacher.cookie)).toEqual({ notFound: true });
      });
      // Without a published version there is nothing to remind of.
      const draftOnly = await charterSchool(k);
      const g2 = await k.newGroup(draftOnly.slug);
      expect(await k.call(A('remindCharterAction'), [null, k.form({ groupId: g2.id })], draftOnly.director.cookie)).toEqual(NOT_FOUND);
    },
    badInput: async (k) => {
      const { slug, director } = await charterSchool(k, true);
      const fam = await k.family({ school: slug, group: (await k.newGroup(slug)).name });
      await k.unchanged(() => k.db.outboxMail.findMany({ where: { to: fam.guardians[0].email } }), async () => {
        expect(await k.call(A('remindCharterAction'), [null, k.form({})], director.cookie)).toEqual(invalid({ groupId: ['required'] }));
      });
    },
  },
};
