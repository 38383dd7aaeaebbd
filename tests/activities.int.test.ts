import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/access/action';
import { prisma } from '@/lib/db';
import { allocateActivities, allocateActivity, createActivity, remindActivities, runActivityJobs, signUp, withdraw } from '@/lib/participation/activities';
import { activityDetail } from '@/lib/participation/queries';
import { activitySchema, type ActivityInput } from '@/lib/participation/schemas';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// Activities with places (lib/participation/activities.ts): first come with a waiting list, the
// database deciding the last place, withdrawal handing it on, the deadline, fair allocation per
// household and the reminder the day before.

const NOW = new Date('2026-11-16T09:00:00Z'); // a Monday
const DAY = 86_400_000;
const at = (days: number, base = NOW) => new Date(base.getTime() + days * DAY);

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const teacher = await createUser(school.id, 'TEACHER');
  const director = await createUser(school.id, 'DIRECTOR');
  const group = await createGroup(school.id, year.id, '5A', [teacher.user.id]);
  const families = [];
  for (let i = 0; i < 6; i++) families.push(await createFamily(school.id, year.id, [group.id]));
  const g = families.map((f) => f.guardians[0]);
  return { school, year, teacher, director, group, g };
}
beforeAll(async () => {
  w = await world();
});

const excursion = (over: Partial<ActivityInput> = {}): ActivityInput => ({
  title: 'Uitje naar het bos',
  description: 'Met de hele groep',
  groupId: w.group.id,
  startsAt: at(10),
  endsAt: new Date(at(10).getTime() + 5 * 3_600_000),
  signupDeadline: at(7),
  allocation: 'FIRST_COME',
  roles: [
    { kind: 'DRIVER', label: 'Chauffeur', places: 2 },
    { kind: 'SUPERVISOR', label: 'Begeleider', places: 4 },
  ],
  ...over,
});
const roleOf = async (activityId: string, kind: 'DRIVER' | 'SUPERVISOR') => (await prisma.activityRole.findFirstOrThrow({ where: { activityId, kind } })).id;
const statuses = async (roleId: string) =>
  (await prisma.activitySignup.findMany({ where: { roleId }, orderBy: { createdAt: 'asc' }, select: { userId: true, status: true } })).map((s) => [w.g.findIndex((x) => x.user.id === s.userId), s.status]);

describe('first come, with a waiting list', () => {
  it('places drivers until full, then waits in order; a withdrawal hands the place to the first waiting, who is mailed', async () => {
    const id = await createActivity(w.teacher.actor, excursion(), NOW);
    const driver = await roleOf(id, 'DRIVER');
    expect((await signUp(w.g[0].actor, { roleId: driver, seats: 3 }, NOW)).status).toBe('PLACED');
    expect((await signUp(w.g[1].actor, { roleId: driver, seats: 2 }, at(0.01))).status).toBe('PLACED');
    expect((await signUp(w.g[2].actor, { roleId: driver, seats: 4 }, at(0.02))).status).toBe('WAITING');
    expect((await signUp(w.g[3].actor, { roleId: driver, seats: 1 }, at(0.03))).status).toBe('WAITING');
    expect(await prisma.activityPlace.count({ where: { roleId: driver } })).toBe(2);

    const staff = await activityDetail(w.teacher.actor, id, NOW);
    const d = staff.roles.find((r) => r.id === driver)!;
    expect([d.taken, d.places]).toEqual([2, 2]);
    expect(d.placed!.map((p) => [p.email, p.seats])).toEqual([[w.g[0].user.email, 3], [w.g[1].user.email, 2]]);
    expect(d.waiting!.map((p) => p.email)).toEqual([w.g[2].user.email, w.g[3].user.email]);
    const mine = await activityDetail(w.g[3].actor, id, NOW);
    expect(mine.roles.find((r) => r.id === driver)!.mine).toEqual({ status: 'WAITING', seats: 1, position: 2 });
    expect(mine.roles.find((r) => r.id === driver)!.placed).toBeNull();

    expect(await withdraw(w.g[0].actor, driver, at(1))).toEqual({ promoted: w.g[2].user.id });
    expect(await statuses(driver)).toEqual([[0, 'WITHDRAWN'], [1, 'PLACED'], [2, 'PLACED'], [3, 'WAITING']]);
    expect(await prisma.activityPlace.count({ where: { roleId: driver } })).toBe(2);
    const mails = await prisma.outboxMail.findMany({ where: { schoolId: w.school.id, kind: 'activity_placed' }, select: { to: true, subject: true, text: true } });
    expect(mails.map((m) => m.to)).toEqual([w.g[2].user.email]);
    expect(mails[0].subject).toBe('U helpt mee: Uitje naar het bos');
    expect(mails[0].text).toContain('U bent ingedeeld als Chauffeur bij "Uitje naar het bos" op donderdag 26 november 2026 om 10:00.');

    // A waiting one withdrawing frees nothing and promotes nobody.
    expect(await withdraw(w.g[3].actor, driver, at(1))).toEqual({ promoted: null });
  });

  it('refuses a driver without seats, a second sign-up and anything after the deadline, writing nothing', async () => {
    const id = await createActivity(w.teacher.actor, excursion(), NOW);
    const driver = await roleOf(id, 'DRIVER');
    await expect(signUp(w.g[0].actor, { roleId: driver }, NOW)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { fieldErrors: { seats: ['required'] } } });
    expect(await prisma.activitySignup.count({ where: { roleId: driver } })).toBe(0);
    await signUp(w.g[0].actor, { roleId: driver, seats: 2 }, NOW);
    await expect(signUp(w.g[0].actor, { roleId: driver, seats: 2 }, NOW)).rejects.toMatchObject({ code: 'CONFLICT', details: { fieldErrors: { roleId: ['helping.alreadySignedUp'] } } });
    const late = new Date(at(7).getTime() + 60_000);
    await expect(signUp(w.g[1].actor, { roleId: driver, seats: 2 }, late)).rejects.toMatchObject({ code: 'DEADLINE_PASSED', details: { fieldErrors: { roleId: ['helping.deadlinePassed'] } } });
    await expect(withdraw(w.g[0].actor, driver, late)).rejects.toMatchObject({ code: 'DEADLINE_PASSED' });
    expect(await statuses(driver)).toEqual([[0, 'PLACED']]);
  });

  it('two parents racing for the last place: one placed, one waiting, never both', async () => {
    for (let round = 0; round < 4; round++) {
      const id = await createActivity(w.teacher.actor, excursion({ roles: [{ kind: 'SUPERVISOR', label: 'Begeleider', places: 1 }] }), NOW);
      const role = await roleOf(id, 'SUPERVISOR');
      const results = await Promise.all([signUp(w.g[4].actor, { roleId: role }, NOW), signUp(w.g[5].actor, { roleId: role }, NOW)]);
      expect(results.map((r) => r.status).sort()).toEqual(['PLACED', 'WAITING']);
      expect(await prisma.activityPlace.count({ where: { roleId: role } })).toBe(1);
    }
  });

  it('the form refuses a deadline after the start and an empty form with translated keys', () => {
    const base = { title: 'T', groupId: null, startsAt: '2026-11-26T10:00', endsAt: '2026-11-26T15:00', allocation: 'FIRST_COME', roles: [{ kind: 'DRIVER', label: 'Chauffeur', places: '3' }] };
    expect(parseInput(activitySchema, { ...base, signupDeadline: '2026-11-27T10:00' })).toMatchObject({ ok: false, fieldErrors: { signupDeadline: ['helping.deadlineAfterStart'] } });
    expect(parseInput(activitySchema, { roles: [] })).toMatchObject({ ok: false, fieldErrors: { title: ['required'], startsAt: ['required'], roles: ['required'] } });
    const ok = parseInput(activitySchema, { ...base, signupDeadline: '2026-11-23T17:00' });
    expect(ok.ok && [ok.data.startsAt.toISOString(), ok.data.signupDeadline.toISOString(), ok.data.roles[0].places]).toEqual(['2026-11-26T09:00:00.000Z', '2026-11-23T16:00:00.000Z', 3]);
  });
});

describe('fair allocation', () => {
  it('after the deadline, households that helped least this year are placed first, ties by sign-up time; once', async () => {
    // Earlier this year: family 0 helped twice, family 1 once, the others never.
    const past = await createActivity(w.teacher.actor, excursion({ title: 'Herfstwandeling', startsAt: at(-20), endsAt: at(-19.8), signupDeadline: at(-25) }), at(-31));
    const pastDriver = await roleOf(past, 'DRIVER');
    const pastSup = await roleOf(past, 'SUPERVISOR');
    await signUp(w.g[0].actor, { roleId: pastDriver, seats: 2 }, at(-31));
    await signUp(w.g[0].actor, { roleId: pastSup }, at(-31));
    await signUp(w.g[1].actor, { roleId: pastSup }, at(-31));

    const id = await createActivity(w.teacher.actor, excursion({ title: 'Kerstdiner', allocation: 'FAIR', roles: [{ kind: 'HELPER', label: 'Koken', places: 2 }] }), NOW);
    const role = (await prisma.activityRole.findFirstOrThrow({ where: { activityId: id } })).id;
    for (const [i, k] of [0, 1, 2, 3].entries()) expect((await signUp(w.g[k].actor, { roleId: role }, at(i * 0.1))).status).toBe('WAITING');
    await expect(allocateActivity(w.teacher.actor, id, at(6))).rejects.toMatchObject({ details: { fieldErrors: { activityId: ['helping.beforeDeadline'] } } });
    await expect(allocateActivity(w.g[0].actor, id, at(8))).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(await allocateActivity(w.teacher.actor, id, at(8))).toBe(2);
    expect(await statuses(role)).toEqual([[0, 'WAITING'], [1, 'WAITING'], [2, 'PLACED'], [3, 'PLACED']]);
    await expect(allocateActivity(w.director.actor, id, at(8))).rejects.toMatchObject({ details: { fieldErrors: { activityId: ['helping.alreadyAllocated'] } } });
    expect(await allocateActivities({ schoolId: w.school.id }, at(9))).toBe(0);
  });

  it('the job allocates a fair activity whose deadline passed', async () => {
    const id = await createActivity(w.teacher.actor, excursion({ title: 'Sportdag', allocation: 'FAIR', roles: [{ kind: 'HELPER', label: 'Post', places: 1 }] }), NOW);
    const role = (await prisma.activityRole.findFirstOrThrow({ where: { activityId: id } })).id;
    await signUp(w.g[5].actor, { roleId: role }, NOW);
    await signUp(w.g[4].actor, { roleId: role }, at(0.1));
    expect(await allocateActivities({ schoolId: w.school.id }, at(6))).toBe(0);
    expect(await allocateActivities({ schoolId: w.school.id }, at(8))).toBe(1);
    expect(await statuses(role)).toEqual([[5, 'PLACED'], [4, 'WAITING']]);
  });
});

describe('reminder the day before', () => {
  it('mails the placed helpers of tomorrow’s activities once, not the waiting ones nor later activities', async () => {
    const { school, year } = await createSchool();
    const teacher = await createUser(school.id, 'TEACHER');
    const group = await createGroup(school.id, year.id, '3A', [teacher.user.id]);
    const fams = [];
    for (let i = 0; i < 3; i++) fams.push((await createFamily(school.id, year.id, [group.id])).guardians[0]);
    const tomorrow = new Date('2026-11-17T08:30:00Z');
    const soon = await createActivity(teacher.actor, { ...excursion({ groupId: group.id, startsAt: tomorrow, endsAt: at(0.5, tomorrow), signupDeadline: at(0.5), roles: [{ kind: 'SUPERVISOR', label: 'Begeleider', places: 2 }] }) }, NOW);
    const later = await createActivity(teacher.actor, excursion({ groupId: group.id, startsAt: at(2), endsAt: at(2.2), signupDeadline: at(1) }), NOW);
    for (const f of fams) await signUp(f.actor, { roleId: await roleOf(soon, 'SUPERVISOR') }, NOW);
    await signUp(fams[0].actor, { roleId: await roleOf(later, 'SUPERVISOR') }, NOW);

    expect(await remindActivities({ schoolId: school.id }, new Date('2026-11-16T16:00:00Z'))).toBe(2);
    const mails = await prisma.outboxMail.findMany({ where: { schoolId: school.id, kind: 'activity_reminder' }, orderBy: { to: 'asc' }, select: { to: true, subject: true } });
    expect(mails).toEqual([fams[0], fams[1]].map((f) => ({ to: f.user.email, subject: 'Morgen: Uitje naar het bos' })).sort((a, b) => a.to.localeCompare(b.to)));
    expect(await remindActivities({ schoolId: school.id }, new Date('2026-11-16T18:00:00Z'))).toBe(0);
    // The periodic job finds the next day's activity of the same school and reminds it once too.
    // Another school's activity on the same day is due too: a run for this school leaves it alone.
    const other = await createSchool();
    const otherTeacher = await createUser(other.school.id, 'TEACHER');
    const otherGroup = await createGroup(other.school.id, other.year.id, '3A', [otherTeacher.user.id]);
    const otherParent = (await createFamily(other.school.id, other.year.id, [otherGroup.id])).guardians[0];
    const elsewhere = await createActivity(otherTeacher.actor, excursion({ groupId: otherGroup.id, startsAt: at(2), endsAt: at(2.2), signupDeadline: at(1) }), NOW);
    await signUp(otherParent.actor, { roleId: await roleOf(elsewhere, 'SUPERVISOR') }, NOW);
    expect(await runActivityJobs(new Date('2026-11-17T16:00:00Z'), { schoolId: school.id })).toEqual({ placed: 0, reminded: 1 });
    expect((await prisma.activity.findUniqueOrThrow({ where: { id: elsewhere } })).remindedAt).toBeNull();
    expect(await prisma.outboxMail.count({ where: { schoolId: school.id, kind: 'activity_reminder', to: fams[0].user.email } })).toBe(2);
    expect(await remindActivities({ schoolId: school.id }, new Date('2026-11-17T17:00:00Z'))).toBe(0);
  });
});
