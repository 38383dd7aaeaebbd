// Demo traffic for announcements in De Distelvlinder: last month's newsletter (whole school, with a
// PDF, reading confirmed by ~70-85% of the families per group), an older urgent notice (storm),
// an incidental notice to 5A this week, and some parents who chose the daily digest. Posted
// through the real service, so recipients, digest items and mails are what the portal would make.
import PDFDocument from 'pdfkit';
import type { Actor } from '@/lib/auth/actor';
import { postAnnouncement } from '@/lib/announcements/service';
import { prisma } from '@/lib/db';
import { zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { DEMO_LOGINS } from '@/lib/school/demo-school';
import { currentSchoolYear, stillAtSchool } from '@/lib/school/year';

const DAY = 86_400_000;
const HOUR = 3_600_000;

function newsletterPdf(title: string, paragraphs: string[]) {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.fontSize(20).text(title).moveDown();
  for (const p of paragraphs) doc.fontSize(11).text(p).moveDown(0.6);
  doc.end();
  return done.then(() => new Uint8Array(Buffer.concat(chunks)));
}

async function staffActor(schoolId: string, where: { email?: string; role: 'DIRECTOR' | 'TEACHER'; groupId?: string }): Promise<Actor | null> {
  const m = await prisma.membership.findFirst({
    where: { schoolId, role: where.role, user: { ...(where.email ? { email: where.email } : {}), ...(where.groupId ? { groupTeachers: { some: { groupId: where.groupId } } } : {}) } },
    orderBy: { createdAt: 'asc' },
  });
  return m ? { userId: m.userId, schoolId, role: m.role, membershipId: m.id } : null;
}

/**
 * Reads (and confirmations) by the families of each group: `rate(i)` of the households of the i-th
 * group, the demo logins left out so they find it unread. A household reads through its first guardian.
 */
async function readBy(schoolId: string, schoolYearId: string, announcementId: string, publishedAt: Date, now: Date, rate: (i: number) => { read: number; confirm: number }, groupIds?: string[]) {
  const demo = Object.values(DEMO_LOGINS).map((l) => l.email);
  const groups = await prisma.group.findMany({
    where: { schoolId, schoolYearId, ...(groupIds ? { id: { in: groupIds } } : {}) },
    orderBy: [{ grade: 'asc' }, { name: 'asc' }],
    select: { enrolments: { where: { child: stillAtSchool(now) }, orderBy: { childId: 'asc' }, select: { child: { select: { guardianships: { where: { endedAt: null }, orderBy: { id: 'asc' }, select: { userId: true, householdId: true, user: { select: { email: true } } } } } } } } },
  });
  const done = new Map<string, { readAt: Date; confirmedAt: Date | null }>();
  for (const [i, g] of groups.entries()) {
    const households = new Map<string, { userId: string; email: string }>();
    for (const e of g.enrolments) for (const l of e.child.guardianships) if (!households.has(l.householdId)) households.set(l.householdId, { userId: l.userId, email: l.user.email });
    const list = [...households.values()].filter((h) => !demo.includes(h.email));
    const { read, confirm } = rate(i);
    for (const [j, h] of list.entries()) {
      if (done.has(h.userId) || j >= Math.round(list.length * read)) continue;
      const readAt = new Date(Math.min(+publishedAt + ((j * 7 + i * 3) % 96) * HOUR + 20 * 60_000, +now - 60_000));
      done.set(h.userId, { readAt, confirmedAt: j < Math.round(list.length * confirm) ? new Date(+readAt + 2 * 60_000) : null });
    }
  }
  await prisma.announcementRead.createMany({ data: [...done].map(([userId, r]) => ({ schoolId, announcementId, userId, ...r })), skipDuplicates: true });
}

export async function seedDemoAnnouncements(schoolId: string, now: Date) {
  const year = await currentSchoolYear(schoolId, now);
  const director = (await staffActor(schoolId, { email: DEMO_LOGINS.director.email, role: 'DIRECTOR' })) ?? (await staffActor(schoolId, { role: 'DIRECTOR' }));
  if (!year || !director) return;
  const g5a = await prisma.group.findFirst({ where: { schoolId, schoolYearId: year.id, name: '5A' } });
  const teacher5a = g5a ? ((await staffActor(schoolId, { email: DEMO_LOGINS.teacher.email, role: 'TEACHER', groupId: g5a.id })) ?? (await staffActor(schoolId, { role: 'TEACHER', groupId: g5a.id }))) : null;

  // About one in eight parents (not the demo logins) chose one summary a day for announcements, a few also for messages.
  const demo = Object.values(DEMO_LOGINS).map((l) => l.email);
  const parents = await prisma.membership.findMany({ where: { schoolId, role: 'GUARDIAN', user: { email: { notIn: demo } } }, orderBy: { userId: 'asc' }, select: { userId: true } });
  await prisma.notificationPreference.createMany({
    data: parents.flatMap((p, i) => [
      ...(i % 8 === 3 ? [{ schoolId, userId: p.userId, kind: 'ANNOUNCEMENT' as const, mode: 'DIGEST' as const }] : []),
      ...(i % 16 === 3 ? [{ schoolId, userId: p.userId, kind: 'MESSAGE' as const, mode: 'DIGEST' as const }] : []),
    ]),
    skipDuplicates: true,
  });

  // Six weeks ago: the school closed for a storm, announced early that morning.
  const stormAt = new Date(+now - 45 * DAY);
  stormAt.setUTCHours(5, 40, 0, 0);
  const storm = await postAnnouncement(
    director,
    {
      title: 'School dicht wegens storm',
      body: 'Beste ouders,\n\nHet KNMI heeft code rood afgegeven voor vandaag. De school blijft daarom vandaag dicht; er is ook geen opvang.\n\nMorgen gaan we weer gewoon open. Blijf veilig binnen.\n\nIngrid Hoekstra, directeur',
      kind: 'NOTICE',
      audience: 'school',
      groupIds: [],
      urgent: true,
      confirmRead: false,
    },
    stormAt,
  );
  await readBy(schoolId, year.id, storm, stormAt, now, (i) => ({ read: 0.9 + (i % 3) * 0.03, confirm: 0 }));

  // Last month's newsletter, with the PDF version attached and a request to confirm reading.
  const newsAt = new Date(+now - 30 * DAY);
  newsAt.setUTCHours(14, 30, 0, 0);
  const month = new Intl.DateTimeFormat('nl-NL', { month: 'long', timeZone: 'Europe/Amsterdam' }).format(newsAt);
  const paragraphs = [
    'Beste ouders en verzorgers,',
    'De eerste gesprekken van dit schooljaar zijn gevoerd. Dank voor uw komst en voor alles wat u ons over uw kind vertelde.',
    'Op vrijdag hebben alle kinderen vrij vanwege een studiedag van het team. De opvang is die dag open voor wie zich heeft aangemeld.',
    'De bibliotheek zoekt nog ouders die op dinsdagochtend willen helpen met het uitlenen van boeken. Aanmelden kan bij de leerkracht van uw kind.',
    'In de bijlage vindt u deze nieuwsbrief als PDF, met de agenda van de komende weken.',
  ];
  const news = await postAnnouncement(
    director,
    {
      title: `Nieuwsbrief ${month}`,
      body: paragraphs.join('\n\n'),
      kind: 'NEWSLETTER',
      audience: 'school',
      groupIds: [],
      urgent: false,
      confirmRead: true,
      attachments: [{ name: `Nieuwsbrief ${month}.pdf`, data: await newsletterPdf(`Nieuwsbrief ${month}`, paragraphs) }],
    },
    newsAt,
  );
  // Confirmed by 70-85% of the families, varying per group; a few more opened it without confirming.
  await readBy(schoolId, year.id, news, newsAt, now, (i) => {
    const confirm = 0.7 + ((i * 7) % 16) / 100;
    return { read: Math.min(0.95, confirm + 0.06), confirm };
  });

  // This week: an incidental notice to 5A from its teacher.
  if (g5a && teacher5a) {
    // This morning before school, or just now when the demo starts earlier than that.
    const morning = zonedToUtc(`${zonedDateKey(now)}T07:30`);
    const noticeAt = +now - +morning > 10 * 60_000 ? morning : new Date(+now - 5 * 60_000);
    const notice = await postAnnouncement(
      teacher5a,
      {
        title: 'Gymles verplaatst naar donderdag',
        body: 'Beste ouders van groep 5A,\n\nDeze week is de gymles niet op dinsdag maar op donderdag, omdat de gymzaal dinsdag gebruikt wordt voor de schoolfotograaf.\n\nWilt u uw kind donderdag gymkleding en gymschoenen meegeven?\n\nGroeten van Loes en Jan',
        kind: 'NOTICE',
        audience: 'groups',
        groupIds: [g5a.id],
        urgent: false,
        confirmRead: false,
      },
      noticeAt,
    );
    await readBy(schoolId, year.id, notice, noticeAt, now, () => ({ read: 0.45, confirm: 0 }), [g5a.id]);
  }

  // What was mailed and summarised back then went out long ago; this week's items wait for today's digest.
  await prisma.outboxMail.updateMany({ where: { schoolId, sentAt: null, kind: { in: ['announcement', 'announcement_reminder'] } }, data: { sentAt: now } });
  await prisma.digestItem.updateMany({ where: { schoolId, sentAt: null, title: { in: ['School dicht wegens storm', `Nieuwsbrief ${month}`] } }, data: { sentAt: now } });
}
