import { beforeAll, describe, expect, it } from 'vitest';
import { childDetail, directorHome, guardianHome, teacherHome } from '@/lib/people/queries';
import { prisma } from '@/lib/db';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The access layer against a real PostgreSQL: two schools, two groups, two families.
let a: Awaited<ReturnType<typeof world>>;

async function world() {
  const s1 = await createSchool();
  const s2 = await createSchool();
  const teacher = await createUser(s1.school.id, 'TEACHER');
  const duo = await createUser(s1.school.id, 'TEACHER');
  const otherTeacher = await createUser(s1.school.id, 'TEACHER');
  const director = await createUser(s1.school.id, 'DIRECTOR');
  const director2 = await createUser(s2.school.id, 'DIRECTOR');
  const g5 = await createGroup(s1.school.id, s1.year.id, '5A', [teacher.user.id, duo.user.id]);
  const g7 = await createGroup(s1.school.id, s1.year.id, '7B', [otherTeacher.user.id]);
  const gOther = await createGroup(s2.school.id, s2.year.id, '5A');
  const family = await createFamily(s1.school.id, s1.year.id, [g5.id, g7.id], { guardians: 2, separated: true, informationOnly: true });
  const neighbours = await createFamily(s1.school.id, s1.year.id, [g7.id]);
  const elsewhere = await createFamily(s2.school.id, s2.year.id, [gOther.id]);
  return { s1, s2, teacher, duo, otherTeacher, director, director2, g5, g7, family, neighbours, elsewhere };
}

beforeAll(async () => {
  a = await world();
});

describe('guardian', () => {
  it('sees each of their children with group and teachers, and nobody else', async () => {
    const { children } = await guardianHome(a.family.guardians[0].actor);
    expect(children.map((c) => c.id).sort()).toEqual(a.family.children.map((c) => c.id).sort());
    const in5 = children.find((c) => c.enrolments[0].group.name === '5A')!;
    expect(in5.enrolments[0].group.teachers.map((t) => t.user.id).sort()).toEqual([a.teacher.user.id, a.duo.user.id].sort());
  });

  it('with information rights only sees exactly the same as the parent with authority', async () => {
    const [withAuthority, infoOnly] = a.family.guardians;
    const seen = async (g: typeof infoOnly) => (await guardianHome(g.actor)).children.map((c) => c.id).sort();
    expect(await seen(infoOnly)).toEqual(await seen(withAuthority));
  });

  it("cannot open another family's child or a child of another school", async () => {
    const g = a.family.guardians[0].actor;
    await expect(childDetail(g, a.neighbours.children[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(childDetail(g, a.elsewhere.children[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(childDetail(g, a.family.children[0].id)).resolves.toMatchObject({ id: a.family.children[0].id });
  });

  it('acting at another school sees nothing of this one', async () => {
    const user = a.family.guardians[0].user;
    const m = await prisma.membership.create({ data: { schoolId: a.s2.school.id, userId: user.id, role: 'GUARDIAN' } });
    const there = { userId: user.id, schoolId: a.s2.school.id, role: 'GUARDIAN' as const, membershipId: m.id };
    expect((await guardianHome(there)).children).toEqual([]);
    await expect(childDetail(there, a.family.children[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('teacher', () => {
  it('sees their groups (shared with the duo colleague) and only those pupils', async () => {
    const { groups } = await teacherHome(a.teacher.actor);
    expect(groups.map((g) => g.name)).toEqual(['5A']);
    expect((await teacherHome(a.duo.actor)).groups.map((g) => g.id)).toEqual([a.g5.id]);
    await expect(childDetail(a.teacher.actor, a.family.children[0].id)).resolves.toMatchObject({ id: a.family.children[0].id, lastName: a.family.children[0].lastName });
    await expect(childDetail(a.teacher.actor, a.neighbours.children[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(childDetail(a.teacher.actor, a.elsewhere.children[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sees the whole school only where the school allows it', async () => {
    await prisma.school.update({ where: { id: a.s1.school.id }, data: { teachersSeeAllPupils: true } });
    try {
      await expect(childDetail(a.teacher.actor, a.neighbours.children[0].id)).resolves.toMatchObject({ id: a.neighbours.children[0].id, lastName: a.neighbours.children[0].lastName });
      await expect(childDetail(a.teacher.actor, a.elsewhere.children[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await prisma.school.update({ where: { id: a.s1.school.id }, data: { teachersSeeAllPupils: false } });
    }
  });
});

describe('director', () => {
  it('sees every group and child of the school, with totals', async () => {
    const home = await directorHome(a.director.actor);
    expect(home.groups.map((g) => g.name)).toEqual(['5A', '7B']);
    expect(home.totals.children).toBe(3);
    expect(home.totals.guardians).toBe(3);
    await expect(childDetail(a.director.actor, a.neighbours.children[0].id)).resolves.toMatchObject({ id: a.neighbours.children[0].id, lastName: a.neighbours.children[0].lastName });
  });

  it('sees nothing of another school', async () => {
    await expect(childDetail(a.director.actor, a.elsewhere.children[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const home = await directorHome(a.director2.actor);
    expect(home.groups.map((g) => g.id)).not.toContain(a.g5.id);
    expect(home.totals.children).toBe(1);
  });
});
