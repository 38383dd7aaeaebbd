import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { liveSession, openSession } from '@/lib/auth/session';
import { consumeSignInToken } from '@/lib/auth/sign-in-link';
import { prisma } from '@/lib/db';
import { applyImport, previewImport } from '@/lib/import/apply';
import { toCsv } from '@/lib/import/csv';
import { PUPIL_COLUMNS, STAFF_COLUMNS } from '@/lib/import/schemas';
import { childDetail, guardianHome } from '@/lib/people/queries';
import { childFile } from '@/lib/records/service';
import { endGuardianshipSchema, familySettingsSchema, inviteSchema } from '@/lib/team/schemas';
import { teamOverview } from '@/lib/team/queries';
import { deactivateStaff, endGuardianship, inviteStaff, resetSignIn, setFamilySettings, setGroupTeachers } from '@/lib/team/service';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

const BASE = 'http://portal.test';
const uid = () => randomUUID().slice(0, 8);

let a: Awaited<ReturnType<typeof createSchool>>;
let b: Awaited<ReturnType<typeof createSchool>>;
let director: Actor;
let otherDirector: Actor;
beforeAll(async () => {
  // Imports, sessions and ended guardianships here run on the real clock: the school year of today.
  a = await createSchool({ yearOf: new Date() });
  b = await createSchool({ yearOf: new Date() });
  director = (await createUser(a.school.id, 'DIRECTOR')).actor;
  otherDirector = (await createUser(b.school.id, 'DIRECTOR')).actor;
});

const rows = async (schoolId: string) => ({
  users: await prisma.user.count(),
  memberships: await prisma.membership.count({ where: { schoolId } }),
  outbox: await prisma.outboxMail.count(),
  groupTeachers: await prisma.groupTeacher.count({ where: { schoolId } }),
  guardianships: await prisma.guardianship.count({ where: { schoolId, endedAt: { not: null } } }),
  audit: await prisma.fileAudit.count({ where: { schoolId } }),
});

describe('invite', () => {
  it('creates the user and a teacher membership, and mails a sign-in link that works', async () => {
    const email = `new-${uid()}@school.test`;
    const input = inviteSchema.parse({ email: ` ${email.toUpperCase()} `, firstName: 'Noor', prefix: '', lastName: 'Jansen', careCoordinator: 'on' });
    const { userId } = await inviteStaff(director, input, BASE);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } });
    expect([user.email, user.firstName, user.prefix, user.lastName, user.passwordHash]).toEqual([email, 'Noor', null, 'Jansen', null]);
    expect(user.memberships.map((m) => [m.schoolId, m.role, m.careCoordinator])).toEqual([[a.school.id, 'TEACHER', true]]);
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: email } });
    expect([mail.kind, mail.schoolId, mail.subject]).toEqual(['team_invite', a.school.id, `Welkom in het ouderportaal van ${a.school.name}`]);
    const token = mail.text.match(/\/inloggen\/link\?token=([\w-]+)/)![1];
    expect(mail.text).toContain(`${BASE}/inloggen/link?token=`);
    expect((await consumeSignInToken(token))?.id).toBe(userId);
  });

  it('links someone another school knows without renaming them, and refuses a second invitation', async () => {
    const elsewhere = await createUser(b.school.id, 'TEACHER');
    const before = await prisma.user.findUniqueOrThrow({ where: { id: elsewhere.user.id } });
    await inviteStaff(director, inviteSchema.parse({ email: elsewhere.user.email, firstName: 'Ander', lastName: 'Naam' }), BASE);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: elsewhere.user.id }, include: { memberships: { orderBy: { schoolId: 'asc' } } } });
    expect([after.firstName, after.lastName]).toEqual([before.firstName, before.lastName]);
    expect(after.memberships.map((m) => m.schoolId).sort()).toEqual([a.school.id, b.school.id].sort());

    const counts = await rows(a.school.id);
    await expect(inviteStaff(director, inviteSchema.parse({ email: elsewhere.user.email, firstName: 'X', lastName: 'Y' }), BASE)).rejects.toMatchObject({ code: 'INVALID_INPUT', messageKey: 'alreadyOnTeam' });
    expect(await rows(a.school.id)).toEqual(counts);
  });

  it('refuses bad input with translated keys, and anyone but a director', async () => {
    const bad = inviteSchema.safeParse({ email: 'geen-adres', firstName: ' ', lastName: 'x'.repeat(101) });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message]).sort()).toEqual([['email', 'invalidEmail'], ['firstName', 'required'], ['lastName', 'tooLong']]);
    const teacher = (await createUser(a.school.id, 'TEACHER')).actor;
    const counts = await rows(a.school.id);
    await expect(inviteStaff(teacher, inviteSchema.parse({ email: `t-${uid()}@school.test`, firstName: 'A', lastName: 'B' }), BASE)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await rows(a.school.id)).toEqual(counts);
  });
});

describe('deactivate and reset sign-in', () => {
  it('ends the membership and every session at once; what they wrote keeps its author', async () => {
    const teacher = await createUser(a.school.id, 'TEACHER');
    const group = await createGroup(a.school.id, a.year.id, `5${uid()}`, [teacher.user.id]);
    const { children } = await createFamily(a.school.id, a.year.id, [group.id]);
    const record = await prisma.talkRecord.create({
      data: { schoolId: a.school.id, childId: children[0].id, kind: 'talk', title: 'Gesprek', heldOn: new Date('2026-10-01'), notes: {}, authorId: teacher.user.id },
    });
    const sid = await openSession(teacher.user.id);
    expect((await liveSession(teacher.user.id, sid))?.map((m) => m.role)).toEqual(['TEACHER']);

    await deactivateStaff(director, teacher.actor.membershipId);

    expect(await liveSession(teacher.user.id, sid)).toBeNull();
    expect(await prisma.membership.count({ where: { userId: teacher.user.id } })).toBe(0);
    expect(await prisma.groupTeacher.count({ where: { userId: teacher.user.id } })).toBe(0);
    // A new session (a link still in their mailbox) finds no school to act in.
    expect(await liveSession(teacher.user.id, await openSession(teacher.user.id))).toEqual([]);
    const kept = await prisma.talkRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(kept.authorId).toBe(teacher.user.id);
    expect(await prisma.user.count({ where: { id: teacher.user.id } })).toBe(1);
  });

  it('keeps a colleague who is also staff elsewhere at the other school', async () => {
    const teacher = await createUser(a.school.id, 'TEACHER');
    await prisma.membership.create({ data: { schoolId: b.school.id, userId: teacher.user.id, role: 'TEACHER' } });
    const sid = await openSession(teacher.user.id);
    await deactivateStaff(director, teacher.actor.membershipId);
    expect(await liveSession(teacher.user.id, sid)).toBeNull();
    expect((await liveSession(teacher.user.id, await openSession(teacher.user.id)))?.map((m) => m.schoolId)).toEqual([b.school.id]);
  });

  it('reset sign-in clears the password and ends every session', async () => {
    const teacher = await createUser(a.school.id, 'TEACHER');
    await prisma.user.update({ where: { id: teacher.user.id }, data: { passwordHash: 'scrypt$x' } });
    const sid = await openSession(teacher.user.id);
    await resetSignIn(director, teacher.actor.membershipId);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: teacher.user.id } })).passwordHash).toBeNull();
    expect(await liveSession(teacher.user.id, sid)).toBeNull();
    expect(await prisma.membership.count({ where: { userId: teacher.user.id } })).toBe(1);
  });

  it("another school's director, a parent or the director themself is refused, nothing changes", async () => {
    const teacher = await createUser(a.school.id, 'TEACHER');
    await prisma.user.update({ where: { id: teacher.user.id }, data: { passwordHash: 'scrypt$x' } });
    const sid = await openSession(teacher.user.id);
    const parent = (await createUser(a.school.id, 'GUARDIAN')).actor;
    const counts = await rows(a.school.id);
    for (const actor of [otherDirector, parent]) {
      await expect(deactivateStaff(actor, teacher.actor.membershipId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(resetSignIn(actor, teacher.actor.membershipId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    // A guardian's membership is not a team member's.
    await expect(deactivateStaff(director, parent.membershipId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deactivateStaff(director, director.membershipId)).rejects.toMatchObject({ code: 'INVALID_INPUT', messageKey: 'notYourself' });
    expect(await rows(a.school.id)).toEqual(counts);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: teacher.user.id } })).passwordHash).toBe('scrypt$x');
    expect(await liveSession(teacher.user.id, sid)).not.toBeNull();
  });
});

describe('groups and duos', () => {
  it('sets the teachers of a group this year, only from this school\'s team', async () => {
    const t1 = await createUser(a.school.id, 'TEACHER');
    const t2 = await createUser(a.school.id, 'TEACHER');
    const t3 = await createUser(a.school.id, 'TEACHER');
    const group = await createGroup(a.school.id, a.year.id, `4${uid()}`, [t3.user.id]);
    await setGroupTeachers(director, group.id, [t1.user.id, t2.user.id]);
    const teachers = async () => (await prisma.groupTeacher.findMany({ where: { groupId: group.id } })).map((g) => g.userId).sort();
    expect(await teachers()).toEqual([t1.user.id, t2.user.id].sort());

    const stranger = await createUser(b.school.id, 'TEACHER');
    const parent = await createUser(a.school.id, 'GUARDIAN');
    await expect(setGroupTeachers(director, group.id, [t1.user.id, stranger.user.id])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setGroupTeachers(director, group.id, [parent.user.id])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setGroupTeachers(otherDirector, group.id, [])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await teachers()).toEqual([t1.user.id, t2.user.id].sort());
  });
});

describe('ending a guardian\'s access', () => {
  it('the parent no longer reaches the child from the next request; the log has the reason; the other parent keeps access', async () => {
    const group = await createGroup(a.school.id, a.year.id, `6${uid()}`);
    const { guardians, children } = await createFamily(a.school.id, a.year.id, [group.id], { guardians: 2, separated: true });
    const [mother, father] = guardians.map((g) => g.actor);
    const child = children[0];
    await childFile(father, child.id); // reachable before
    const g = await prisma.guardianship.findFirstOrThrow({ where: { childId: child.id, userId: father.userId } });

    await endGuardianship(director, endGuardianshipSchema.parse({ guardianshipId: g.id, reason: 'COURT_ORDER' }));

    await expect(childFile(father, child.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(guardianHome(father)).resolves.toMatchObject({ children: [] });
    expect((await guardianHome(mother)).children.map((c) => c.id)).toEqual([child.id]);
    const ended = await prisma.guardianship.findUniqueOrThrow({ where: { id: g.id } });
    expect([ended.endReason, ended.endNote, ended.endedAt !== null]).toEqual(['COURT_ORDER', null, true]);
    const audit = await prisma.fileAudit.findMany({ where: { childId: child.id, subject: { startsWith: 'guardianEnded' } } });
    expect(audit.map((x) => [x.actorId, x.action, x.subject])).toEqual([[director.userId, 'write', `guardianEnded COURT_ORDER ${father.userId}`]]);
    // No other child here: the membership goes too, so there is no empty home.
    expect(await prisma.membership.count({ where: { userId: father.userId, schoolId: a.school.id } })).toBe(0);
    expect(await prisma.membership.count({ where: { userId: mother.userId, schoolId: a.school.id } })).toBe(1);
    // Ending it again finds nothing to end.
    await expect(endGuardianship(director, endGuardianshipSchema.parse({ guardianshipId: g.id, reason: 'MOVED_AWAY' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the membership while the guardian has another child here', async () => {
    const g1 = await createGroup(a.school.id, a.year.id, `3${uid()}`);
    const g2 = await createGroup(a.school.id, a.year.id, `7${uid()}`);
    const { guardians, children } = await createFamily(a.school.id, a.year.id, [g1.id, g2.id]);
    const parent = guardians[0].actor;
    const link = await prisma.guardianship.findFirstOrThrow({ where: { childId: children[0].id, userId: parent.userId } });
    await endGuardianship(director, endGuardianshipSchema.parse({ guardianshipId: link.id, reason: 'OTHER', note: 'Pleeggezin' }));
    expect((await guardianHome(parent)).children.map((c) => c.id)).toEqual([children[1].id]);
    expect(await prisma.membership.count({ where: { userId: parent.userId, schoolId: a.school.id } })).toBe(1);
    expect((await prisma.guardianship.findUniqueOrThrow({ where: { id: link.id } })).endNote).toBe('Pleeggezin');
  });

  it('refuses bad input, another school\'s director and a teacher, with nothing written', async () => {
    const group = await createGroup(a.school.id, a.year.id, `2${uid()}`);
    const { guardians, children } = await createFamily(a.school.id, a.year.id, [group.id]);
    const link = await prisma.guardianship.findFirstOrThrow({ where: { childId: children[0].id } });
    const bad = [{ guardianshipId: link.id, reason: 'OTHER' }, { guardianshipId: link.id, reason: 'BORED' }, { guardianshipId: link.id, reason: 'OTHER', note: 'x'.repeat(501) }];
    expect(bad.map((v) => endGuardianshipSchema.safeParse(v).error?.issues[0].message)).toEqual(['endNoteRequired', 'endReasonRequired', 'tooLong']);
    const teacher = (await createUser(a.school.id, 'TEACHER')).actor;
    const counts = await rows(a.school.id);
    for (const actor of [otherDirector, teacher, guardians[0].actor]) {
      await expect(endGuardianship(actor, { guardianshipId: link.id, reason: 'COURT_ORDER', note: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await rows(a.school.id)).toEqual(counts);
    expect((await guardianHome(guardians[0].actor)).children).toHaveLength(1);
  });
});

describe('the import cannot reach into another school', () => {
  const pupils = (r: (string | null)[][]) => toCsv(PUPIL_COLUMNS, r);

  it("linking another school's parent never changes their name or phone; the preview says so", async () => {
    const email = `shared-${uid()}@voorbeeld.nl`;
    const other = await prisma.user.create({ data: { email, firstName: 'Marieke', lastName: 'Bakker', phone: '0611111111' } });
    await prisma.membership.create({ data: { schoolId: b.school.id, userId: other.id, role: 'GUARDIAN' } });
    const file = { pupils: pupils([[`p${uid()}`, 'Sanne', null, 'Bakker', '14-03-2019', '3A', 'Mariek', null, 'Bakker-Jansen', email, '0699999999', 'moeder', 'ja', '1']]) };

    const preview = await previewImport(director, file);
    expect(preview.changes.filter((c) => c.entity === 'linkedElsewhere')).toEqual([{ entity: 'linkedElsewhere', label: `Mariek Bakker-Jansen <${email}>`, fields: ['firstName', 'lastName', 'phone'] }]);
    await applyImport(director, file);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: other.id } });
    expect([after.firstName, after.lastName, after.phone]).toEqual(['Marieke', 'Bakker', '0611111111']);
    expect(await prisma.membership.count({ where: { userId: other.id, schoolId: a.school.id, role: 'GUARDIAN' } })).toBe(1);

    // Now a parent at both schools: a re-import still leaves them as they are.
    await applyImport(director, file);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).phone).toBe('0611111111');
  });

  it('a parent known only here is still corrected by the import', async () => {
    const email = `own-${uid()}@voorbeeld.nl`;
    const row = (phone: string) => [[`p${uid()}`, 'Daan', null, 'Vos', '02-11-2016', '6', 'Eva', null, 'Vos', email, phone, 'moeder', 'ja', '1']];
    await applyImport(director, { pupils: pupils(row('0611111111')) });
    await applyImport(director, { pupils: pupils(row('0622222222')) });
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).phone).toBe('0622222222');
  });

  it('access ended by the director is not given back by a re-import', async () => {
    const email = `ended-${uid()}@voorbeeld.nl`;
    const file = { pupils: pupils([[`p${uid()}`, 'Lot', null, 'Kok', '02-11-2017', '5', 'Bas', null, 'Kok', email, null, 'vader', 'ja', '1']]) };
    await applyImport(director, file);
    const link = await prisma.guardianship.findFirstOrThrow({ where: { user: { email } } });
    await endGuardianship(director, { guardianshipId: link.id, reason: 'COURT_ORDER', note: null });
    const preview = await previewImport(director, file);
    expect(preview.changes.filter((c) => c.entity === 'accessEnded').map((c) => c.label)).toEqual([`${file.pupils.split('\n')[1].split(';')[0]}: ${email}`]);
    await applyImport(director, file);
    expect((await prisma.guardianship.findUniqueOrThrow({ where: { id: link.id } })).endedAt).not.toBeNull();
  });
});

describe('import as a sync', () => {
  it('previews by name who loses access, writes nothing until confirmed, then ends exactly that', async () => {
    const c = await createSchool({ yearOf: new Date() });
    const boss = (await createUser(c.school.id, 'DIRECTOR')).actor;
    const pupils = (r: (string | null)[][]) => toCsv(PUPIL_COLUMNS, r);
    const staffCsv = (r: (string | null)[][]) => toCsv(STAFF_COLUMNS, r);
    const keep = ['3001', 'Sanne', null, 'Bakker', '14-03-2019', '3A', 'Marieke', null, 'Bakker', `m-${uid()}@voorbeeld.nl`, null, 'moeder', 'ja', '1'];
    const gone = ['3002', 'Daan', 'de', 'Vries', '02-11-2016', '6', 'Jeroen', 'de', 'Vries', `j-${uid()}@voorbeeld.nl`, null, 'vader', 'ja', '1'];
    const t1 = `t1-${uid()}@school.test`;
    const t2 = `t2-${uid()}@school.test`;
    await applyImport(boss, { pupils: pupils([keep, gone]), staff: staffCsv([['Loes', null, 'Brouwer', t1, 'leerkracht', '3A'], ['Arjan', 'van', 'Dijk', t2, 'leerkracht', '3A 6']]) });
    const jeroen = await prisma.user.findUniqueOrThrow({ where: { email: gone[9]! } });
    const daan = await prisma.child.findFirstOrThrow({ where: { schoolId: c.school.id, pupilNumber: '3002' } });
    const jeroenActor: Actor = { userId: jeroen.id, schoolId: c.school.id, role: 'GUARDIAN', membershipId: (await prisma.membership.findFirstOrThrow({ where: { userId: jeroen.id } })).id };
    await childFile(jeroenActor, daan.id);

    const files = { pupils: pupils([keep]), staff: staffCsv([['Loes', null, 'Brouwer', t1, 'leerkracht', '3A'], ['Arjan', 'van', 'Dijk', t2, 'leerkracht', '6']]) };
    // Without sync nothing ends.
    expect(await previewImport(boss, files)).toMatchObject({ losing: [], leaving: [], unassigned: [] });
    const before = await rows(c.school.id);
    const preview = await previewImport(boss, files, { sync: true });
    expect(preview.losing.map(({ guardian, child }) => ({ guardian, child }))).toEqual([{ guardian: `Jeroen de Vries <${gone[9]}>`, child: 'Daan de Vries' }]);
    expect(preview.leaving.map((x) => x.child)).toEqual(['Daan de Vries']);
    expect(preview.unassigned.map(({ teacher, group }) => ({ teacher, group }))).toEqual([{ teacher: 'Arjan van Dijk', group: '3A' }]);
    expect(await rows(c.school.id)).toEqual(before);
    await childFile(jeroenActor, daan.id);

    await applyImport(boss, files, { sync: true });
    await expect(childFile(jeroenActor, daan.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.membership.count({ where: { userId: jeroen.id, schoolId: c.school.id } })).toBe(0);
    expect((await prisma.child.findUniqueOrThrow({ where: { id: daan.id } })).leftAt).not.toBeNull();
    const g3a = await prisma.group.findFirstOrThrow({ where: { schoolId: c.school.id, name: '3A' }, select: { teachers: { select: { user: { select: { email: true } } } } } });
    expect(g3a.teachers.map((x) => x.user.email)).toEqual([t1]);
    const audit = await prisma.fileAudit.findMany({ where: { childId: daan.id, action: 'write' }, orderBy: { id: 'asc' } });
    expect(audit.map((x) => x.subject)).toEqual([`guardianEnded IMPORT_SYNC ${jeroen.id}`, 'leftSchool']);
    // The family that stays is untouched, and syncing the same files again ends nothing more.
    expect((await previewImport(boss, files, { sync: true })).losing).toEqual([]);
  });
});

describe("the school's family settings", () => {
  it('the director lets parents see the other household’s contact details; off again hides them; nobody else may change it', async () => {
    const g = await createGroup(a.school.id, a.year.id);
    const family = await createFamily(a.school.id, a.year.id, [g.id], { guardians: 2, separated: true });
    const [mother, father] = family.guardians;
    const emailsSeenBy = async (actor: Actor) => (await childDetail(actor, family.children[0].id)).guardianships.map((x) => x.user.email).filter(Boolean).sort();
    expect(await emailsSeenBy(mother.actor)).toEqual([mother.user.email]);

    await setFamilySettings(director, familySettingsSchema.parse({ shareGuardianContacts: 'on' }));
    expect(await emailsSeenBy(mother.actor)).toEqual([mother.user.email, father.user.email].sort());
    expect((await teamOverview(director)).shareGuardianContacts).toBe(true);

    // Another school's director and a teacher: not found, nothing changed.
    const teacher = await createUser(a.school.id, 'TEACHER');
    await expect(setFamilySettings(otherDirector, { shareGuardianContacts: false })).resolves.toBeUndefined(); // their own school, not this one
    await expect(setFamilySettings(teacher.actor, { shareGuardianContacts: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setFamilySettings(mother.actor, { shareGuardianContacts: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await prisma.school.findUniqueOrThrow({ where: { id: a.school.id } })).shareGuardianContacts).toBe(true);

    await setFamilySettings(director, familySettingsSchema.parse({}));
    expect(await emailsSeenBy(mother.actor)).toEqual([mother.user.email]);
  });
});

describe('a school without a school year yet', () => {
  it('the team page lists the team (the groups wait for the year) instead of a 404', async () => {
    const fresh = await createSchool();
    await prisma.schoolYear.delete({ where: { id: fresh.year.id } });
    const dir = await createUser(fresh.school.id, 'DIRECTOR');
    const overview = await teamOverview(dir.actor);
    expect(overview.year).toBeNull();
    expect(overview.groups).toEqual([]);
    expect(overview.staff.map((m) => m.user.id)).toEqual([dir.user.id]);
  });
});
