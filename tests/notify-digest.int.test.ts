import { beforeAll, describe, expect, it } from 'vitest';
import type { NotifyKind } from '@/generated/prisma/client';
import { postAnnouncement } from '@/lib/announcements/service';
import { prisma } from '@/lib/db';
import { lastDigestMoment, sendDigests } from '@/lib/notify/digest';
import { notificationPreferences, saveNotificationPreferences } from '@/lib/notify/preferences';
import { portalUrl } from '@/lib/notify/url';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

const TZ = 'Europe/Amsterdam';
// Monday 16 November 2026 (CET, UTC+1): the digest moment 17:00 is 16:00 UTC.
const at = (iso: string) => new Date(iso);

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const other = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const a = await createGroup(school.id, year.id, '3A', [teacher.user.id]);
  const b = await createGroup(school.id, year.id, '8B');
  const three = await createFamily(school.id, year.id, [a.id, a.id, b.id]);
  const u = await createFamily(school.id, year.id, [b.id]);
  const v = await createFamily(school.id, year.id, [b.id]);
  const elsewhere = await createFamily(other.school.id, other.year.id, [(await createGroup(other.school.id, other.year.id, '3A')).id]);
  return { school, other, director, teacher, a, b, mother: three.guardians[0], u: u.guardians[0], v: v.guardians[0], elsewhere: elsewhere.guardians[0] };
}
beforeAll(async () => {
  w = await world();
});

const item = (schoolId: string, userId: string, kind: NotifyKind, title: string, path: string, createdAt: Date) => prisma.digestItem.create({ data: { schoolId, userId, kind, title, path, createdAt } });
const digests = (to: string) => prisma.outboxMail.findMany({ where: { kind: 'digest', to }, orderBy: { createdAt: 'asc' }, select: { subject: true, text: true } });

describe('notification preferences', () => {
  it('a guardian chooses per kind; no choice is "at once"; staff choose for messages only', async () => {
    expect(await notificationPreferences(w.u.actor)).toEqual([
      { kind: 'ANNOUNCEMENT', mode: 'IMMEDIATE' },
      { kind: 'MESSAGE', mode: 'IMMEDIATE' },
    ]);
    await saveNotificationPreferences(w.u.actor, { ANNOUNCEMENT: 'DIGEST', MESSAGE: 'IMMEDIATE' });
    expect(await notificationPreferences(w.u.actor)).toEqual([
      { kind: 'ANNOUNCEMENT', mode: 'DIGEST' },
      { kind: 'MESSAGE', mode: 'IMMEDIATE' },
    ]);
    expect(await notificationPreferences(w.teacher.actor)).toEqual([{ kind: 'MESSAGE', mode: 'IMMEDIATE' }]);
    await expect(saveNotificationPreferences(w.teacher.actor, { MESSAGE: 'DIGEST', ANNOUNCEMENT: 'DIGEST' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.notificationPreference.count({ where: { userId: w.teacher.user.id } })).toBe(0); // nothing written
    await saveNotificationPreferences(w.teacher.actor, { MESSAGE: 'DIGEST' });
    expect(await prisma.notificationPreference.findMany({ where: { userId: w.teacher.user.id }, select: { schoolId: true, kind: true, mode: true } })).toEqual([{ schoolId: w.school.id, kind: 'MESSAGE', mode: 'DIGEST' }]);
  });
});

describe('daily digest', () => {
  it('the digest moment is 17:00 on the school clock: today’s once passed, else yesterday’s (summer time too)', () => {
    expect(lastDigestMoment(at('2026-11-16T15:59:59Z'), TZ)).toEqual(at('2026-11-15T16:00:00Z'));
    expect(lastDigestMoment(at('2026-11-16T16:00:00Z'), TZ)).toEqual(at('2026-11-16T16:00:00Z'));
    expect(lastDigestMoment(at('2027-06-01T15:30:00Z'), TZ)).toEqual(at('2027-06-01T15:00:00Z'));
  });

  it('ONE mail per person listing what came before the moment, each item once; a second run sends nothing', async () => {
    const news = await item(w.school.id, w.u.user.id, 'ANNOUNCEMENT', 'Nieuwsbrief november', '/mededelingen/n1', at('2026-11-16T09:00:00Z'));
    await item(w.school.id, w.u.user.id, 'MESSAGE', 'Vraag over rekenen', '/berichten/t1', at('2026-11-16T11:00:00Z'));
    await item(w.school.id, w.u.user.id, 'ANNOUNCEMENT', 'Luizencontrole', '/mededelingen/n2', at('2026-11-16T10:00:00Z'));
    const late = await item(w.school.id, w.u.user.id, 'ANNOUNCEMENT', 'Na vijven', '/mededelingen/n3', at('2026-11-16T16:30:00Z'));
    await item(w.school.id, w.v.user.id, 'ANNOUNCEMENT', 'Nieuwsbrief november', '/mededelingen/n1', at('2026-11-16T09:00:00Z'));
    const away = await item(w.other.school.id, w.elsewhere.user.id, 'ANNOUNCEMENT', 'Elders', '/mededelingen/x', at('2026-11-16T09:00:00Z'));

    expect(await sendDigests({ schoolId: w.school.id }, at('2026-11-16T15:00:00Z'))).toBe(0); // 16:00: not yet
    const moment = at('2026-11-16T16:05:00Z');
    expect(await sendDigests({ schoolId: w.school.id }, moment)).toBe(2);
    expect(await digests(w.u.user.email)).toEqual([
      {
        subject: 'Uw dagelijkse samenvatting: 3 nieuwe berichten',
        text:
          'Beste Test,\n\nDit is er sinds de vorige samenvatting voor u binnengekomen in het ouderportaal:\n\n' +
          `Mededelingen\n- Nieuwsbrief november\n  ${portalUrl('/mededelingen/n1')}\n- Luizencontrole\n  ${portalUrl('/mededelingen/n2')}\n\n` +
          `Berichten\n- Vraag over rekenen\n  ${portalUrl('/berichten/t1')}\n\n` +
          'U krijgt deze samenvatting één keer per dag. Onder Account kunt u kiezen voor een e-mail bij elk bericht.\n\nMet vriendelijke groet,\nDe school',
      },
    ]);
    expect((await digests(w.v.user.email)).map((m) => m.subject)).toEqual(['Uw dagelijkse samenvatting: 1 nieuw bericht']);
    expect((await prisma.digestItem.findUniqueOrThrow({ where: { id: news.id } })).sentAt).toEqual(moment);
    expect((await prisma.digestItem.findUniqueOrThrow({ where: { id: late.id } })).sentAt).toBeNull(); // tomorrow's
    expect((await prisma.digestItem.findUniqueOrThrow({ where: { id: away.id } })).sentAt).toBeNull(); // the scope holds

    expect(await sendDigests({ schoolId: w.school.id }, at('2026-11-16T20:00:00Z'))).toBe(0);
    expect(await digests(w.u.user.email)).toHaveLength(1);
    expect(await sendDigests({ schoolId: w.school.id }, at('2026-11-17T16:01:00Z'))).toBe(1);
    expect((await digests(w.u.user.email)).map((m) => m.subject)).toEqual(['Uw dagelijkse samenvatting: 3 nieuwe berichten', 'Uw dagelijkse samenvatting: 1 nieuw bericht']);
  });

  it('two runs at the same moment (two server processes) send one digest between them', async () => {
    await item(w.school.id, w.v.user.id, 'ANNOUNCEMENT', 'Kerstviering', '/mededelingen/k', at('2026-12-14T09:00:00Z'));
    const now = at('2026-12-14T16:10:00Z');
    const [x, y] = await Promise.all([sendDigests({ schoolId: w.school.id }, now), sendDigests({ schoolId: w.school.id }, now)]);
    expect(x + y).toBe(1);
    expect((await digests(w.v.user.email)).map((m) => m.subject)).toHaveLength(2);
  });

  it('a mother of three who chose the digest gets one item per announcement, not per child, and one mail', async () => {
    await saveNotificationPreferences(w.mother.actor, { ANNOUNCEMENT: 'DIGEST', MESSAGE: 'IMMEDIATE' });
    await postAnnouncement(w.director.actor, { title: 'Studiedag', body: 'Vrijdag zijn alle kinderen vrij.', kind: 'NOTICE', audience: 'school', groupIds: [], urgent: false, confirmRead: false }, new Date());
    await postAnnouncement(w.director.actor, { title: 'Gymles 3A en 8B', body: 'Neem gymschoenen mee.', kind: 'NOTICE', audience: 'groups', groupIds: [w.a.id, w.b.id], urgent: false, confirmRead: false }, new Date());
    expect((await prisma.digestItem.findMany({ where: { userId: w.mother.user.id }, orderBy: { createdAt: 'asc' }, select: { title: true } })).map((i) => i.title)).toEqual(['Studiedag', 'Gymles 3A en 8B']);
    expect(await prisma.outboxMail.count({ where: { to: w.mother.user.email, kind: 'announcement' } })).toBe(0);
    expect(await sendDigests({ schoolId: w.school.id }, new Date(Date.now() + 86_400_000))).toBe(2); // hers, and u's: the whole-school Studiedag reaches u, who chose the digest for announcements above
    const mails = await digests(w.mother.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toMatch(/- Studiedag\n.*\n- Gymles 3A en 8B\n/);
  });
});
