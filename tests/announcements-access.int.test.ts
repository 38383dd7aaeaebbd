import { beforeAll, describe, expect, it } from 'vitest';
import { mayAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { announcementList, confirmationByGroup, postingOptions } from '@/lib/announcements/queries';
import { attachmentFor, confirmAnnouncement, type NewAnnouncement, openAnnouncement, postAnnouncement, remindAnnouncement } from '@/lib/announcements/service';
import { prisma } from '@/lib/db';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// Announcements are a school-wide kind (lib/access/policy.ts `announcement`): not in the child
// matrix, so its cells are here. Every refusal is NOT_FOUND, as if the announcement did not exist.

const NOW = new Date('2026-11-16T09:00:00Z');
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'));
const post = (over: Partial<NewAnnouncement>): NewAnnouncement => ({ title: 'T', body: 'Tekst', kind: 'NOTICE', audience: 'groups', groupIds: [], urgent: false, confirmRead: true, ...over });

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const other = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const teacherA = await createUser(school.id, 'TEACHER');
  const teacherB = await createUser(school.id, 'TEACHER');
  const care: Actor = { ...(await createUser(school.id, 'TEACHER')).actor, care: true };
  const a = await createGroup(school.id, year.id, '4A', [teacherA.user.id]);
  const b = await createGroup(school.id, year.id, '7B', [teacherB.user.id]);
  const famA = await createFamily(school.id, year.id, [a.id], { guardians: 2, separated: true, informationOnly: true });
  const famB = await createFamily(school.id, year.id, [b.id]);
  const otherDirector = await createUser(other.school.id, 'DIRECTOR');
  const otherFamily = await createFamily(other.school.id, other.year.id, [(await createGroup(other.school.id, other.year.id, '4A')).id]);
  const toA = await postAnnouncement(director.actor, post({ title: 'Voor 4A', groupIds: [a.id], attachments: [{ name: 'a.pdf', data: PDF }] }), NOW);
  const toB = await postAnnouncement(teacherB.actor, post({ title: 'Voor 7B', groupIds: [b.id], attachments: [{ name: 'b.pdf', data: PDF }] }), NOW);
  const toAll = await postAnnouncement(director.actor, post({ title: 'Voor iedereen', audience: 'school' }), NOW);
  const fileOf = async (id: string) => (await prisma.announcementAttachment.findFirstOrThrow({ where: { announcementId: id } })).id;
  return {
    school, director: director.actor, teacherA: teacherA.actor, teacherB: teacherB.actor, care, a, b,
    authorityA: famA.guardians[0].actor, informationA: famA.guardians[1].actor, guardianB: famB.guardians[0].actor,
    otherDirector: otherDirector.actor, otherGuardian: otherFamily.guardians[0].actor,
    toA, toB, toAll, fileA: await fileOf(toA), fileB: await fileOf(toB),
  };
}
beforeAll(async () => {
  w = await world();
});

const titles = async (actor: Actor) => (await announcementList(actor)).map((x) => x.title).sort();
const code = (p: Promise<unknown>) => p.then(() => 'ok', (e) => e.code);

describe('announcement access', () => {
  it('reads the table: staff write, the director also to the whole school, guardians confirm', () => {
    const rows = (['director', 'teacherA', 'care', 'authorityA', 'informationA'] as const).map((who) => [who, ...(['read', 'write', 'writeWholeSchool', 'confirm'] as const).map((v) => mayAtSchool(w[who], 'announcement', v))]);
    expect(rows).toEqual([
      ['director', true, true, true, false],
      ['teacherA', true, true, false, false],
      ['care', true, true, false, false],
      ['authorityA', true, false, false, true],
      ['informationA', true, false, false, true],
    ]);
  });

  it('a guardian of group A reads A’s and the whole school’s, never B’s nor its attachment; information-only too', async () => {
    for (const g of [w.authorityA, w.informationA]) {
      expect(await titles(g)).toEqual(['Voor 4A', 'Voor iedereen']);
      expect((await openAnnouncement(g, w.toA, NOW)).title).toBe('Voor 4A');
      expect((await attachmentFor(g, w.toA, w.fileA)).fileName).toBe('a.pdf');
      expect(await code(openAnnouncement(g, w.toB, NOW))).toBe('NOT_FOUND');
      expect(await code(attachmentFor(g, w.toB, w.fileB))).toBe('NOT_FOUND');
      // B's file asked for under A's announcement (which they may read) is not found either.
      expect(await code(attachmentFor(g, w.toA, w.fileB))).toBe('NOT_FOUND');
      expect(await code(confirmAnnouncement(g, w.toB, NOW))).toBe('NOT_FOUND');
    }
    expect(await titles(w.guardianB)).toEqual(['Voor 7B', 'Voor iedereen']);
  });

  it('a guardian whose access ended reads nothing, not even the whole school’s', async () => {
    await prisma.guardianship.updateMany({ where: { userId: w.guardianB.userId }, data: { endedAt: NOW } });
    expect(await titles(w.guardianB)).toEqual([]);
    expect(await code(openAnnouncement(w.guardianB, w.toAll, NOW))).toBe('NOT_FOUND');
    await prisma.guardianship.updateMany({ where: { userId: w.guardianB.userId }, data: { endedAt: null } });
  });

  it('a teacher sees their groups’ and the whole school’s; the internal supervisor and director all', async () => {
    expect(await titles(w.teacherA)).toEqual(['Voor 4A', 'Voor iedereen']);
    expect(await code(openAnnouncement(w.teacherA, w.toB, NOW))).toBe('NOT_FOUND');
    expect(await code(attachmentFor(w.teacherA, w.toB, w.fileB))).toBe('NOT_FOUND');
    expect(await code(confirmationByGroup(w.teacherA, w.toB, NOW))).toBe('NOT_FOUND');
    for (const s of [w.care, w.director]) expect(await titles(s)).toEqual(['Voor 4A', 'Voor 7B', 'Voor iedereen']);
    // On a whole-school announcement a teacher follows only the families of their own groups.
    expect((await confirmationByGroup(w.teacherA, w.toAll, NOW)).groups.map((g) => g.name)).toEqual(['4A']);
    expect((await confirmationByGroup(w.director, w.toAll, NOW)).groups.map((g) => g.name)).toEqual(['4A', '7B']);
    // Guardians have no sender's view.
    expect(await code(confirmationByGroup(w.authorityA, w.toA, NOW))).toBe('NOT_FOUND');
  });

  it('a teacher of A cannot post to B nor to the whole school, nor remind B’s; nothing is written', async () => {
    const before = await prisma.announcement.count({ where: { schoolId: w.school.id } });
    expect(await code(postAnnouncement(w.teacherA, post({ groupIds: [w.b.id] }), NOW))).toBe('NOT_FOUND');
    expect(await code(postAnnouncement(w.teacherA, post({ groupIds: [w.a.id, w.b.id] }), NOW))).toBe('NOT_FOUND');
    expect(await code(postAnnouncement(w.teacherA, post({ audience: 'school' }), NOW))).toBe('NOT_FOUND');
    expect(await code(postAnnouncement(w.care, post({ audience: 'school' }), NOW))).toBe('NOT_FOUND');
    expect(await code(remindAnnouncement(w.teacherA, w.toAll, NOW))).toBe('NOT_FOUND'); // whole school: the director's
    expect(await code(postAnnouncement(w.authorityA, post({ groupIds: [w.a.id] }), NOW))).toBe('NOT_FOUND');
    expect(await prisma.announcement.count({ where: { schoolId: w.school.id } })).toBe(before);
    expect((await postingOptions(w.teacherA, NOW))).toEqual({ groups: [{ id: w.a.id, name: '4A' }], wholeSchool: false });
    expect((await postingOptions(w.director, NOW)).groups.map((g) => g.name)).toEqual(['4A', '7B']);
  });

  it('another school finds nothing: not the announcement, its file, its view, a reminder or a post to its groups', async () => {
    for (const x of [w.otherDirector, w.otherGuardian]) {
      expect(await titles(x)).toEqual([]);
      expect(await code(openAnnouncement(x, w.toAll, NOW))).toBe('NOT_FOUND');
      expect(await code(attachmentFor(x, w.toA, w.fileA))).toBe('NOT_FOUND');
    }
    expect(await code(confirmationByGroup(w.otherDirector, w.toA, NOW))).toBe('NOT_FOUND');
    expect(await code(remindAnnouncement(w.otherDirector, w.toA, NOW))).toBe('NOT_FOUND');
    expect(await code(confirmAnnouncement(w.otherGuardian, w.toAll, NOW))).toBe('NOT_FOUND');
    expect(await code(postAnnouncement(w.otherDirector, post({ groupIds: [w.a.id] }), NOW))).toBe('NOT_FOUND');
  });
});
