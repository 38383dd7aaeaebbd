import { beforeAll, describe, expect, it } from 'vitest';
import { detectAttachmentType } from '@/lib/announcements/files';
import { announcementList, confirmationByGroup } from '@/lib/announcements/queries';
import { prisma } from '@/lib/db';
import { seedDemoAnnouncements } from '@/prisma/demo/announcements';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The demo's announcements on a school like the demo's (the lead wires seedDemoAnnouncements into the seed).
const NOW = new Date('2026-11-18T10:00:00Z');
let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const groups = [await createGroup(school.id, year.id, '5A', [teacher.user.id]), await createGroup(school.id, year.id, '3B'), await createGroup(school.id, year.id, '7')];
  for (const g of groups) for (let i = 0; i < 12; i++) await createFamily(school.id, year.id, [g.id], { guardians: i % 3 === 0 ? 2 : 1, separated: i % 6 === 0 });
  await seedDemoAnnouncements(school.id, NOW);
  return { school, director, teacher, groups };
}
beforeAll(async () => {
  w = await world();
}, 120_000);

describe('demo announcements', () => {
  it('last month’s newsletter with a PDF, an older urgent storm notice, this week’s notice to 5A', async () => {
    const list = await announcementList(w.director.actor);
    expect(list.map((a) => [a.title, a.kind, a.urgent, a.confirmRead, a.wholeSchool, a.groups, a.attachments])).toEqual([
      ['Gymles verplaatst naar donderdag', 'NOTICE', false, false, false, ['5A'], 0],
      ['Nieuwsbrief oktober', 'NEWSLETTER', false, true, true, [], 1],
      ['School dicht wegens storm', 'NOTICE', true, false, true, [], 0],
    ]);
    expect(+NOW - +list[1].publishedAt).toBeGreaterThan(29 * 86_400_000);
    const pdf = await prisma.announcementAttachment.findFirstOrThrow({ where: { announcementId: list[1].id } });
    expect([pdf.fileName, pdf.mimeType, detectAttachmentType(pdf.data)]).toEqual(['Nieuwsbrief oktober.pdf', 'application/pdf', 'application/pdf']);
  });

  it('the newsletter is confirmed by 70-85% of the families, varying per group; not everyone', async () => {
    const news = (await announcementList(w.director.actor)).find((a) => a.kind === 'NEWSLETTER')!;
    const view = await confirmationByGroup(w.director.actor, news.id, NOW);
    const shares = view.groups.map((g) => g.confirmed / g.total);
    for (const s of shares) {
      expect(s).toBeGreaterThanOrEqual(0.65);
      expect(s).toBeLessThanOrEqual(0.9);
    }
    expect(new Set(shares).size).toBeGreaterThan(1);
    expect(view.groups.every((g) => g.read >= g.confirmed && g.notConfirmed.length === g.total - g.confirmed)).toBe(true);
  });

  it('this week’s notice is read by some of 5A’s families and by no one outside 5A', async () => {
    const notice = (await announcementList(w.director.actor)).find((a) => a.title.startsWith('Gymles'))!;
    const view = await confirmationByGroup(w.director.actor, notice.id, NOW);
    expect(view.groups.map((g) => g.name)).toEqual(['5A']);
    // 12 families in 5A, two of them separated: 14 households, of which the demo has 45% (6) read it.
    expect([view.read, view.total]).toEqual([6, 14]);
    expect(await prisma.announcementRead.count({ where: { announcementId: notice.id } })).toBe(view.read);
    expect(notice.publishedAt <= NOW).toBe(true);
  });

  it('some parents chose the digest; only this week’s notice still waits for it, and no old mail waits to be sent', async () => {
    expect(await prisma.notificationPreference.count({ where: { schoolId: w.school.id, mode: 'DIGEST' } })).toBe(9); // of 48 parents every eighth for announcements (6), every sixteenth for messages too (3)
    expect((await prisma.digestItem.findMany({ where: { schoolId: w.school.id, sentAt: null }, distinct: ['title'], select: { title: true } })).map((d) => d.title)).toEqual(['Gymles verplaatst naar donderdag']);
    expect(await prisma.outboxMail.count({ where: { schoolId: w.school.id, sentAt: null } })).toBe(0);
  });
});
