import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/access/action';
import { prisma } from '@/lib/db';
import { appointClassParent, classParentGroups, myClassParentGroups, removeClassParent } from '@/lib/participation/class-parents';
import { talentSchema } from '@/lib/participation/schemas';
import { myTalents, saveTalents, searchTalents } from '@/lib/participation/talents';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// Talents (policy row `talent`: guardians write their own, staff search) and class parents
// (appointed by the director or the group's teacher, only a guardian of the group).

const NOW = new Date('2026-11-16T09:00:00Z');
let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const other = await createSchool();
  const director = (await createUser(school.id, 'DIRECTOR')).actor;
  const teacherA = await createUser(school.id, 'TEACHER');
  const teacherB = await createUser(school.id, 'TEACHER');
  const a = await createGroup(school.id, year.id, '3A', [teacherA.user.id]);
  const b = await createGroup(school.id, year.id, '6B', [teacherB.user.id]);
  const famAB = await createFamily(school.id, year.id, [a.id, b.id]);
  const famB = await createFamily(school.id, year.id, [b.id]);
  const otherDirector = (await createUser(other.school.id, 'DIRECTOR')).actor;
  return { school, a, b, director, teacherA: teacherA.actor, teacherB: teacherB.actor, mother: famAB.guardians[0], father: famB.guardians[0], otherDirector };
}
beforeAll(async () => {
  w = await world();
});

describe('talents', () => {
  it('a guardian records their own; staff find them by kind and words, with groups and mail; guardians and another school cannot search', async () => {
    await saveTalents(w.mother.actor, { helpWith: ['DRIVING', 'LANGUAGE', 'DRIVING'], talents: 'Ik spreek Turks en kan timmeren' });
    await saveTalents(w.father.actor, { helpWith: ['CREATIVE'], talents: 'Fotograferen' });
    expect(await myTalents(w.mother.actor)).toMatchObject({ helpWith: ['DRIVING', 'LANGUAGE'], talents: 'Ik spreek Turks en kan timmeren' });
    const found = await searchTalents(w.teacherA, { kind: 'LANGUAGE' }, NOW);
    expect(found).toEqual([{ userId: w.mother.user.id, name: `Test ${w.mother.user.lastName}`, email: w.mother.user.email, helpWith: ['DRIVING', 'LANGUAGE'], talents: 'Ik spreek Turks en kan timmeren', groups: ['3A', '6B'] }]);
    expect((await searchTalents(w.director, { q: 'foto' }, NOW)).map((r) => r.userId)).toEqual([w.father.user.id]);
    expect((await searchTalents(w.director, { kind: 'CREATIVE', q: 'turks' }, NOW)).length).toBe(0);
    expect((await searchTalents(w.director, {}, NOW)).length).toBe(2);
    await expect(searchTalents(w.mother.actor, {}, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await searchTalents(w.otherDirector, {}, NOW)).toEqual([]);
    await expect(saveTalents(w.teacherA, { helpWith: [], talents: '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an unknown kind and too long a text', () => {
    expect(parseInput(talentSchema, { helpWith: ['FLYING'], talents: '' })).toMatchObject({ ok: false });
    expect(parseInput(talentSchema, { helpWith: [], talents: 'x'.repeat(1001) })).toMatchObject({ ok: false, fieldErrors: { talents: ['tooLong'] } });
    // Without the form's text field (an empty POST) nothing is overwritten: the field is required, empty is allowed.
    expect(parseInput(talentSchema, { helpWith: [], talents: null })).toMatchObject({ ok: false, fieldErrors: { talents: ['required'] } });
    expect(parseInput(talentSchema, { helpWith: [], talents: '' })).toMatchObject({ ok: true });
  });
});

describe('class parents', () => {
  it('the group’s teacher or the director appoints a guardian of the group; others are not found', async () => {
    await expect(appointClassParent(w.teacherB, { groupId: w.a.id, userId: w.mother.user.id }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(appointClassParent(w.teacherA, { groupId: w.a.id, userId: w.father.user.id }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(appointClassParent(w.mother.actor, { groupId: w.a.id, userId: w.mother.user.id }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(appointClassParent(w.otherDirector, { groupId: w.a.id, userId: w.mother.user.id }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.classParent.count({ where: { schoolId: w.school.id } })).toBe(0);

    await appointClassParent(w.teacherA, { groupId: w.a.id, userId: w.mother.user.id }, NOW);
    await appointClassParent(w.director, { groupId: w.b.id, userId: w.father.user.id }, NOW);
    expect((await myClassParentGroups(w.mother.actor, NOW)).map((g) => g.name)).toEqual(['3A']);
    const view = await classParentGroups(w.teacherB, NOW);
    expect(view.map((g) => [g.name, g.classParents.map((c) => c.userId), g.candidates.map((c) => c.userId)])).toEqual([['6B', [w.father.user.id], [w.mother.user.id]]]);

    await expect(removeClassParent(w.teacherB, { groupId: w.a.id, userId: w.mother.user.id }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await removeClassParent(w.director, { groupId: w.a.id, userId: w.mother.user.id }, NOW);
    expect(await myClassParentGroups(w.mother.actor, NOW)).toEqual([]);
  });
});
