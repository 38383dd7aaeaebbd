import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/access/action';
import { cleanFileName, contentDisposition, detectAttachmentType, MAX_ATTACHMENT_BYTES } from '@/lib/announcements/files';
import { announcementList, confirmationByGroup, latestAnnouncements, unreadCount } from '@/lib/announcements/queries';
import { announcementFormSchema } from '@/lib/announcements/schemas';
import { attachmentFor, confirmAnnouncement, type NewAnnouncement, openAnnouncement, postAnnouncement, remindAnnouncement } from '@/lib/announcements/service';
import { prisma } from '@/lib/db';
import { saveNotificationPreferences } from '@/lib/notify/preferences';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// A Monday in the school year (the factory's 2026-2027).
const NOW = new Date('2026-11-16T09:00:00Z');
const PDF = new Uint8Array([...Buffer.from('%PDF-1.7\n%demo\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const duo = await createUser(school.id, 'TEACHER');
  const teacherB = await createUser(school.id, 'TEACHER');
  const a = await createGroup(school.id, year.id, '5A', [teacher.user.id, duo.user.id]);
  const b = await createGroup(school.id, year.id, '6B', [teacherB.user.id]);
  // A mother of three: two children in 5A, one in 6B (one household).
  const three = await createFamily(school.id, year.id, [a.id, a.id, b.id]);
  // Separated parents of one child in 5A; the father (other household) has information only.
  const split = await createFamily(school.id, year.id, [a.id], { guardians: 2, separated: true, informationOnly: true });
  // Two parents in one household, child in 5A.
  const together = await createFamily(school.id, year.id, [a.id], { guardians: 2 });
  const onlyB = await createFamily(school.id, year.id, [b.id]);
  // Access ended: no news any more.
  const ended = await createFamily(school.id, year.id, [a.id]);
  await prisma.guardianship.updateMany({ where: { userId: ended.guardians[0].user.id }, data: { endedAt: new Date('2026-10-01') } });
  return { school, year, director, teacher, duo, teacherB, a, b, three, split, together, onlyB, ended };
}
beforeAll(async () => {
  w = await world();
});

const input = (over: Partial<NewAnnouncement> = {}): NewAnnouncement => ({
  title: 'Schoolreisje',
  body: 'Beste ouders,\n\nWe gaan op 4 juni naar het bos.\nNeem een lunchpakket mee.',
  kind: 'NOTICE',
  audience: 'groups',
  groupIds: [],
  urgent: false,
  confirmRead: false,
  ...over,
});
const mailsTo = (email: string, kind = 'announcement') => prisma.outboxMail.findMany({ where: { to: email, kind }, select: { subject: true, text: true } });

describe('announcement files', () => {
  it('recognises PDF, PNG, JPEG and WebP by their bytes, nothing else', () => {
    const webp = new Uint8Array([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]);
    expect([PDF, PNG, new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), webp].map(detectAttachmentType)).toEqual(['application/pdf', 'image/png', 'image/jpeg', 'image/webp']);
    for (const bad of ['<html><script>alert(1)</script>', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'RIFF\0\0\0\0WAVE', '%PD', '']) expect(detectAttachmentType(new Uint8Array(Buffer.from(bad)))).toBeNull();
  });

  it('keeps a file name without folders or quotes, and names the download in ASCII and UTF-8', () => {
    expect(cleanFileName('C:\\fakepath\\..\\Nieuwsbrief "nov".pdf', 'application/pdf')).toBe('Nieuwsbrief nov.pdf');
    expect(cleanFileName('///', 'image/png')).toBe('bijlage.png');
    expect(contentDisposition('Brief é (1).pdf')).toBe(`attachment; filename="Brief e (1).pdf"; filename*=UTF-8''Brief%20%C3%A9%20%281%29.pdf`);
  });

  it('the form refuses too many and too large files, and a post without groups, before anything is read', () => {
    const file = (size: number) => new File([new Uint8Array(size)], 'x.pdf');
    const base = { title: 'T', body: 'B', kind: 'NOTICE', audience: 'groups', groupIds: [w.a.id], urgent: false, confirmRead: false };
    expect(parseInput(announcementFormSchema, { ...base, attachments: [file(MAX_ATTACHMENT_BYTES + 1)] })).toMatchObject({ ok: false, fieldErrors: { 'attachments': ['announcements.fileTooLarge'] } });
    expect(parseInput(announcementFormSchema, { ...base, attachments: Array.from({ length: 6 }, () => file(10)) })).toMatchObject({ ok: false, fieldErrors: { attachments: ['announcements.tooManyFiles'] } });
    expect(parseInput(announcementFormSchema, { ...base, groupIds: [], attachments: [] })).toMatchObject({ ok: false, fieldErrors: { groupIds: ['announcements.pickGroups'] } });
    expect(parseInput(announcementFormSchema, { groupIds: [], attachments: [] })).toMatchObject({ ok: false, fieldErrors: { title: ['required'], body: ['required'], kind: ['required'], audience: ['required'] } });
    expect(parseInput(announcementFormSchema, { ...base, attachments: [file(MAX_ATTACHMENT_BYTES)] }).ok).toBe(true);
  });
});

describe('posting and receiving', () => {
  it('a teacher posts to their group: one mail per guardian with live access, information-only included, a mother of three once', async () => {
    const id = await postAnnouncement(w.teacher.actor, input({ groupIds: [w.a.id], attachments: [{ name: 'brief.pdf', data: PDF }, { name: 'route.png', data: PNG }] }), NOW);
    const expected = [w.three.guardians[0], ...w.split.guardians, ...w.together.guardians].map((g) => g.user.email).sort();
    const mails = await prisma.outboxMail.findMany({ where: { kind: 'announcement', schoolId: w.school.id }, select: { to: true, subject: true, text: true } });
    expect(mails.map((m) => m.to).sort()).toEqual(expected);
    expect(mails[0].subject).toBe('Schoolreisje');
    expect(mails[0].text).toContain('We gaan op 4 juni naar het bos.\nNeem een lunchpakket mee.');
    expect(mails[0].text).toContain('Er zijn 2 bijlagen bij');
    expect(mails[0].text).toContain(`/mededelingen/${id}`);
    const stored = await prisma.announcementAttachment.findMany({ where: { announcementId: id }, orderBy: { createdAt: 'asc' }, select: { fileName: true, mimeType: true, size: true, schoolId: true } });
    expect(stored).toEqual([
      { fileName: 'brief.pdf', mimeType: 'application/pdf', size: PDF.byteLength, schoolId: w.school.id },
      { fileName: 'route.png', mimeType: 'image/png', size: PNG.byteLength, schoolId: w.school.id },
    ]);
    await prisma.outboxMail.deleteMany({ where: { schoolId: w.school.id } });
  });

  it('refuses a file that is not what it says, and writes nothing', async () => {
    const before = [await prisma.announcement.count({ where: { schoolId: w.school.id } }), await prisma.outboxMail.count({ where: { schoolId: w.school.id } })];
    const html = new Uint8Array(Buffer.from('<html><script>alert(document.cookie)</script></html>'));
    await expect(postAnnouncement(w.teacher.actor, input({ groupIds: [w.a.id], attachments: [{ name: 'brief.pdf', data: PDF }, { name: 'nieuwsbrief.pdf', data: html }] }), NOW)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { fieldErrors: { attachments: ['announcements.fileType'] }, values: { name: 'nieuwsbrief.pdf' } },
    });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PDF);
    await expect(postAnnouncement(w.teacher.actor, input({ groupIds: [w.a.id], attachments: [{ name: 'groot.pdf', data: big }] }), NOW)).rejects.toMatchObject({ details: { fieldErrors: { attachments: ['announcements.fileTooLarge'] } } });
    await expect(postAnnouncement(w.teacher.actor, input({ groupIds: [w.a.id], attachments: Array.from({ length: 6 }, () => ({ name: 'a.pdf', data: PDF })) }), NOW)).rejects.toMatchObject({ details: { fieldErrors: { attachments: ['announcements.tooManyFiles'] } } });
    expect([await prisma.announcement.count({ where: { schoolId: w.school.id } }), await prisma.outboxMail.count({ where: { schoolId: w.school.id } })]).toEqual(before);
  });

  it('a whole-school newsletter reaches every family once; a digest choice waits, urgent goes at once anyway', async () => {
    const mother = w.three.guardians[0];
    await saveNotificationPreferences(mother.actor, { ANNOUNCEMENT: 'DIGEST', MESSAGE: 'IMMEDIATE' });
    const id = await postAnnouncement(w.director.actor, input({ title: 'Nieuwsbrief november', kind: 'NEWSLETTER', audience: 'school' }), NOW);
    const everyone = [mother, ...w.split.guardians, ...w.together.guardians, ...w.onlyB.guardians].map((g) => g.user.email).sort();
    const mailed = (await prisma.outboxMail.findMany({ where: { kind: 'announcement', schoolId: w.school.id }, select: { to: true } })).map((m) => m.to).sort();
    expect(mailed).toEqual(everyone.filter((e) => e !== mother.user.email));
    expect(await prisma.digestItem.findMany({ where: { schoolId: w.school.id }, select: { userId: true, kind: true, title: true, path: true } })).toEqual([
      { userId: mother.user.id, kind: 'ANNOUNCEMENT', title: 'Nieuwsbrief november', path: `/mededelingen/${id}` },
    ]);

    await postAnnouncement(w.director.actor, input({ title: 'School dicht wegens storm', audience: 'school', urgent: true }), NOW);
    expect(await mailsTo(mother.user.email)).toEqual([{ subject: 'Dringend: School dicht wegens storm', text: expect.stringContaining('Lees het in het ouderportaal: http') }]);
    expect(await prisma.digestItem.count({ where: { schoolId: w.school.id } })).toBe(1);
    await prisma.digestItem.deleteMany({ where: { schoolId: w.school.id } });
    await saveNotificationPreferences(mother.actor, { ANNOUNCEMENT: 'IMMEDIATE', MESSAGE: 'IMMEDIATE' });
  });

  it('guardians see their list newest first with unread marked; opening records the read once', async () => {
    const father = w.split.guardians[1].actor; // information only, other household
    const list = await announcementList(father);
    expect(list.map((a) => [a.title, a.read])).toEqual([
      ['School dicht wegens storm', null],
      ['Nieuwsbrief november', null],
      ['Schoolreisje', null],
    ]);
    expect(await unreadCount(father)).toBe(3);
    const first = await openAnnouncement(father, list[2].id, NOW);
    expect(first.read).toEqual({ readAt: NOW, confirmedAt: null });
    expect(first.attachments.map((f) => f.fileName)).toEqual(['brief.pdf', 'route.png']);
    expect((await openAnnouncement(father, list[2].id, new Date(+NOW + 3600_000))).read?.readAt).toEqual(NOW);
    expect(await unreadCount(father)).toBe(2);
    const card = await latestAnnouncements(father);
    expect([card.unread, card.latest.map((a) => a.title)]).toEqual([2, ['School dicht wegens storm', 'Nieuwsbrief november', 'Schoolreisje']]);
    // Only guardians read; staff opening it leaves no read behind.
    await openAnnouncement(w.teacher.actor, list[2].id, NOW);
    expect(await prisma.announcementRead.count({ where: { announcementId: list[2].id } })).toBe(1);
    // The attachment: the bytes as uploaded, with the type found in them.
    const f = await attachmentFor(father, list[2].id, first.attachments[0].id);
    expect([f.mimeType, f.fileName, Buffer.from(f.data).equals(Buffer.from(PDF))]).toEqual(['application/pdf', 'brief.pdf', true]);
  });
});

describe('confirm reading', () => {
  let id: string;
  it('a guardian confirms only when asked; the first confirmation counts', async () => {
    id = await postAnnouncement(w.teacher.actor, input({ title: 'Luizencontrole', groupIds: [w.a.id], confirmRead: true }), NOW);
    const plain = (await announcementList(w.together.guardians[0].actor)).find((a) => a.title === 'Schoolreisje')!;
    await expect(confirmAnnouncement(w.together.guardians[0].actor, plain.id, NOW)).rejects.toMatchObject({ code: 'CONFLICT' });
    const later = new Date(+NOW + 7200_000);
    await confirmAnnouncement(w.together.guardians[0].actor, id, NOW);
    await confirmAnnouncement(w.together.guardians[0].actor, id, later);
    expect(await prisma.announcementRead.findUnique({ where: { announcementId_userId: { announcementId: id, userId: w.together.guardians[0].user.id } }, select: { readAt: true, confirmedAt: true, schoolId: true } })).toEqual({ readAt: NOW, confirmedAt: NOW, schoolId: w.school.id });
    // Staff cannot confirm (the policy's confirm is for guardians).
    await expect(confirmAnnouncement(w.teacher.actor, id, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the sender sees per group which families confirmed: a household counts when any of its guardians did', async () => {
    // The separated father (information only) confirms for his household, not for the mother's.
    await openAnnouncement(w.split.guardians[1].actor, id, NOW);
    await confirmAnnouncement(w.split.guardians[1].actor, id, NOW);
    await openAnnouncement(w.three.guardians[0].actor, id, NOW);
    const view = await confirmationByGroup(w.teacher.actor, id, NOW);
    const name = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;
    expect(view.groups.map((g) => [g.name, g.total, g.read, g.confirmed])).toEqual([['5A', 4, 3, 2]]);
    expect([view.total, view.read, view.confirmed]).toEqual([4, 3, 2]);
    const notConfirmed = view.groups[0].notConfirmed.map((h) => h.guardians).sort();
    expect(notConfirmed).toEqual([[name(w.three.guardians[0].user)], [name(w.split.guardians[0].user)]].sort());
    expect(view.groups[0].notConfirmed.find((h) => h.guardians[0] === name(w.three.guardians[0].user))!.children).toHaveLength(2);
    const card = await latestAnnouncements(w.teacher.actor);
    expect(card.latest[0]).toMatchObject({ title: 'Luizencontrole', confirmation: { confirmed: 2, total: 4 } });
  });

  it('one reminder goes to the guardians of households that have not confirmed; a second is refused', async () => {
    await prisma.outboxMail.deleteMany({ where: { schoolId: w.school.id } });
    await expect(remindAnnouncement(w.teacherB.actor, id, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' }); // not their group
    expect(await remindAnnouncement(w.duo.actor, id, NOW)).toBe(2); // the duo colleague may
    const reminded = (await prisma.outboxMail.findMany({ where: { kind: 'announcement_reminder', schoolId: w.school.id }, select: { to: true, subject: true } })).sort((x, y) => x.to.localeCompare(y.to));
    expect(reminded).toEqual([w.three.guardians[0].user.email, w.split.guardians[0].user.email].sort().map((to) => ({ to, subject: 'Herinnering: Luizencontrole' })));
    await expect(remindAnnouncement(w.teacher.actor, id, NOW)).rejects.toMatchObject({ code: 'ALREADY_REMINDED' });
    expect(await prisma.outboxMail.count({ where: { kind: 'announcement_reminder', schoolId: w.school.id } })).toBe(2);
    expect((await prisma.announcement.findUniqueOrThrow({ where: { id } })).remindedAt).toEqual(NOW);
    expect((await openAnnouncement(w.teacher.actor, id, NOW)).mayRemind).toBe(true);
    expect((await openAnnouncement(w.teacherB.actor, (await announcementList(w.teacherB.actor))[0].id, NOW)).mayRemind).toBe(false);
  });
});
