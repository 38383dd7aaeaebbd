import { beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeCharter, acknowledgementByGroup, charterDraft, charterToAcknowledge, charterVersion, publishDefaultCharter, publishedCharter, remindCharter, saveCharterDraft } from '@/lib/charter/service';
import { DEFAULT_CHARTER } from '@/lib/charter/default-charter';
import { prisma } from '@/lib/db';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const other = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const otherDirector = await createUser(other.school.id, 'DIRECTOR');
  const g = await createGroup(school.id, year.id, '4A');
  const family = await createFamily(school.id, year.id, [g.id], { guardians: 2 });
  const otherFamily = await createFamily(other.school.id, other.year.id, [(await createGroup(other.school.id, other.year.id, '4A')).id]);
  return { school, other, director, otherDirector, g, family, otherFamily };
}
beforeAll(async () => {
  w = await world();
});

describe('expectations charter', () => {
  it('ships the default charter with a section per criterion, both directions filled', () => {
    expect(DEFAULT_CHARTER.sections).toHaveLength(10);
    for (const s of DEFAULT_CHARTER.sections) {
      expect(s.parentsMayExpect.length).toBeGreaterThanOrEqual(2);
      expect(s.schoolMayExpect.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('a guardian is asked to acknowledge each published version; a new version asks again', async () => {
    const parent = w.family.guardians[0].actor;
    expect(await charterToAcknowledge(parent)).toBeNull(); // nothing published yet
    await publishDefaultCharter(w.director.actor);
    const v1 = (await publishedCharter(w.school.id))!;
    expect((await charterToAcknowledge(parent))?.id).toBe(v1.id);
    await acknowledgeCharter(parent, v1.id);
    await acknowledgeCharter(parent, v1.id); // twice is fine
    expect(await charterToAcknowledge(parent)).toBeNull();

    // The director edits a draft (a copy of v1) and publishes version 2.
    const draft = await charterDraft(w.director.actor);
    expect(draft.number).toBe(2);
    await saveCharterDraft(w.director.actor, { title: 'Onze afspraken 2027', intro: 'Nieuw', sections: [{ title: 'Gesprekken', parentsMayExpect: ['De school plant drie gesprekken.'], schoolMayExpect: ['Ouders komen naar de gesprekken.'] }] }, true);
    const v2 = (await publishedCharter(w.school.id))!;
    expect([v2.number, v2.title, v2.sections.length]).toEqual([2, 'Onze afspraken 2027', 1]);
    expect((await charterToAcknowledge(parent))?.id).toBe(v2.id);
    await expect(acknowledgeCharter(parent, v1.id)).rejects.toMatchObject({ code: 'CONFLICT' }); // only the current one
    // Older versions stay readable, unchanged.
    expect((await charterVersion(parent, v1.id)).sections).toHaveLength(10);
  });

  it('the director sees acknowledgement per group and reminds only those who have not agreed', async () => {
    const v2 = (await publishedCharter(w.school.id))!;
    await acknowledgeCharter(w.family.guardians[0].actor, v2.id);
    const { groups } = await acknowledgementByGroup(w.director.actor);
    expect(groups.find((g) => g.id === w.g.id)).toMatchObject({ acknowledged: 1, total: 2 });
    expect(await remindCharter(w.director.actor, w.g.id)).toBe(1);
    expect(await prisma.outboxMail.count({ where: { kind: 'charter_reminder', to: w.family.guardians[1].user.email } })).toBe(1);
  });

  it('belongs to one school: other roles cannot edit, another school sees nothing', async () => {
    await expect(charterDraft(w.family.guardians[0].actor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const v2 = (await publishedCharter(w.school.id))!;
    await expect(charterVersion(w.otherFamily.guardians[0].actor, v2.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(acknowledgeCharter(w.otherFamily.guardians[0].actor, v2.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await remindCharter(w.otherDirector.actor, w.g.id).catch((e) => e.code)).toBe('NOT_FOUND');
    // A draft is only the director's to read.
    const draft = await charterDraft(w.director.actor);
    await expect(charterVersion(w.family.guardians[0].actor, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
