import { beforeAll, describe, expect, it } from 'vitest';
import { mayAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { allocateActivity, createActivity, signUp, withdraw } from '@/lib/participation/activities';
import { appointClassParent } from '@/lib/participation/class-parents';
import { activityDetail, activityList, postingOptions } from '@/lib/participation/queries';
import type { ActivityInput } from '@/lib/participation/schemas';
import { prisma } from '@/lib/db';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// Activities are a school-wide kind (lib/access/policy.ts `activity`): not in the child matrix, so
// its cells are here. Every refusal is NOT_FOUND, as if the activity did not exist.

const NOW = new Date('2026-11-16T09:00:00Z');
const DAY = 86_400_000;
const input = (title: string, groupId: string | null): ActivityInput => ({
  title,
  description: '',
  groupId,
  startsAt: new Date(NOW.getTime() + 10 * DAY),
  endsAt: new Date(NOW.getTime() + 10.2 * DAY),
  signupDeadline: new Date(NOW.getTime() + 7 * DAY),
  allocation: 'FIRST_COME',
  roles: [{ kind: 'SUPERVISOR', label: 'Begeleider', places: 3 }],
});

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const other = await createSchool();
  const director = (await createUser(school.id, 'DIRECTOR')).actor;
  const teacherA = await createUser(school.id, 'TEACHER');
  const teacherB = await createUser(school.id, 'TEACHER');
  const care: Actor = { ...(await createUser(school.id, 'TEACHER')).actor, care: true };
  const a = await createGroup(school.id, year.id, '4A', [teacherA.user.id]);
  const b = await createGroup(school.id, year.id, '7B', [teacherB.user.id]);
  const famA = await createFamily(school.id, year.id, [a.id], { guardians: 2, separated: true, informationOnly: true });
  const famB = await createFamily(school.id, year.id, [b.id]);
  const otherDirector = (await createUser(other.school.id, 'DIRECTOR')).actor;
  const otherGuardian = (await createFamily(other.school.id, other.year.id, [(await createGroup(other.school.id, other.year.id, '4A')).id])).guardians[0].actor;
  const toA = await createActivity(teacherA.actor, input('Voor 4A', a.id), NOW);
  const toB = await createActivity(teacherB.actor, input('Voor 7B', b.id), NOW);
  const toAll = await createActivity(director, input('Kerstdiner', null), NOW);
  const roleOf = async (id: string) => (await prisma.activityRole.findFirstOrThrow({ where: { activityId: id } })).id;
  // The mother in 4A is its class parent.
  await appointClassParent(teacherA.actor, { groupId: a.id, userId: famA.guardians[0].user.id }, NOW);
  return {
    school, a, b, director, teacherA: teacherA.actor, teacherB: teacherB.actor, care,
    classParentA: famA.guardians[0].actor, informationA: famA.guardians[1].actor, guardianB: famB.guardians[0].actor,
    otherDirector, otherGuardian, toA, toB, toAll, roleA: await roleOf(toA), roleB: await roleOf(toB), roleAll: await roleOf(toAll),
  };
}
beforeAll(async () => {
  w = await world();
});

const titles = async (actor: Actor) => (await activityList(actor, NOW)).map((x) => x.title).sort();
const code = (p: Promise<unknown>) => p.then(() => 'ok', (e) => e.code);

describe('activity access', () => {
  it('reads the table: staff write, guardians sign up and write as class parent', () => {
    const rows = (['director', 'teacherA', 'care', 'classParentA', 'informationA'] as const).map((who) => [who, ...(['read', 'write', 'writeAsClassParent', 'signUp'] as const).map((v) => mayAtSchool(w[who], 'activity', v))]);
    expect(rows).toEqual([
      ['director', true, true, false, false],
      ['teacherA', true, true, false, false],
      ['care', true, true, false, false],
      ['classParentA', true, false, true, true],
      ['informationA', true, false, true, true],
    ]);
  });

  it('lists: a guardian their children’s groups and the whole school; a teacher theirs and the school’s; care and director all; another school nothing', async () => {
    expect(await titles(w.classParentA)).toEqual(['Kerstdiner', 'Voor 4A']);
    expect(await titles(w.informationA)).toEqual(['Kerstdiner', 'Voor 4A']);
    expect(await titles(w.guardianB)).toEqual(['Kerstdiner', 'Voor 7B']);
    expect(await titles(w.teacherA)).toEqual(['Kerstdiner', 'Voor 4A']);
    expect(await titles(w.care)).toEqual(['Kerstdiner', 'Voor 4A', 'Voor 7B']);
    expect(await titles(w.director)).toEqual(['Kerstdiner', 'Voor 4A', 'Voor 7B']);
    expect(await titles(w.otherGuardian)).toEqual([]);
    expect(await titles(w.otherDirector)).toEqual([]);
  });

  it('another group’s guardian cannot open or sign up (NOT_FOUND); an information-only parent may help; staff do not sign up', async () => {
    expect(await code(activityDetail(w.guardianB, w.toA, NOW))).toBe('NOT_FOUND');
    expect(await code(signUp(w.guardianB, { roleId: w.roleA }, NOW))).toBe('NOT_FOUND');
    expect(await code(withdraw(w.guardianB, w.roleA, NOW))).toBe('NOT_FOUND');
    expect(await code(signUp(w.otherGuardian, { roleId: w.roleAll }, NOW))).toBe('NOT_FOUND');
    expect(await code(activityDetail(w.otherDirector, w.toA, NOW))).toBe('NOT_FOUND');
    expect(await code(signUp(w.teacherA, { roleId: w.roleA }, NOW))).toBe('NOT_FOUND');
    expect(await signUp(w.informationA, { roleId: w.roleA }, NOW)).toMatchObject({ status: 'PLACED' });
    expect(await signUp(w.guardianB, { roleId: w.roleAll }, NOW)).toMatchObject({ status: 'PLACED' });
    expect(await prisma.activitySignup.count({ where: { activityId: { in: [w.toA, w.toB, w.toAll] } } })).toBe(2);
  });

  it('who may post: a teacher only for their groups, the whole school only the director, a class parent only their group', async () => {
    expect(await code(createActivity(w.teacherA, input('x', w.b.id), NOW))).toBe('NOT_FOUND');
    expect(await code(createActivity(w.teacherA, input('x', null), NOW))).toBe('NOT_FOUND');
    expect(await code(createActivity(w.classParentA, input('x', w.b.id), NOW))).toBe('NOT_FOUND');
    expect(await code(createActivity(w.classParentA, input('x', null), NOW))).toBe('NOT_FOUND');
    expect(await code(createActivity(w.informationA, input('x', w.a.id), NOW))).toBe('NOT_FOUND');
    expect(await code(createActivity(w.guardianB, input('x', w.b.id), NOW))).toBe('NOT_FOUND');
    expect(await code(createActivity(w.otherDirector, input('x', w.a.id), NOW))).toBe('NOT_FOUND');
    expect(await prisma.activity.count({ where: { title: 'x' } })).toBe(0);
    expect(await code(createActivity(w.classParentA, input('Knutselmiddag 4A', w.a.id), NOW))).toBe('ok');
    expect(await code(createActivity(w.director, input('Schoolfeest', null), NOW))).toBe('ok');
    expect(await postingOptions(w.classParentA, NOW)).toEqual({ groups: [{ id: w.a.id, name: '4A' }], wholeSchool: false });
    expect(await postingOptions(w.teacherA, NOW)).toEqual({ groups: [{ id: w.a.id, name: '4A' }], wholeSchool: false });
    expect((await postingOptions(w.director, NOW)).wholeSchool).toBe(true);
    expect(await postingOptions(w.guardianB, NOW)).toEqual({ groups: [], wholeSchool: false });
  });

  it('names of helpers: the group’s teacher, the director and its class parent see them; another guardian only their own', async () => {
    const names = async (actor: Actor, id: string) => (await activityDetail(actor, id, NOW)).roles[0].placed;
    expect((await names(w.teacherA, w.toA))?.length).toBe(1);
    expect((await names(w.classParentA, w.toA))?.length).toBe(1);
    expect((await names(w.director, w.toA))?.length).toBe(1);
    expect(await names(w.informationA, w.toA)).toBeNull();
    expect(await names(w.teacherB, w.toAll)).toBeNull();
    expect(await code(allocateActivity(w.teacherB, w.toA, NOW))).toBe('NOT_FOUND');
  });
});
