import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { enqueueToGuardians, enqueueToUsers, fromMessages } from '@/lib/mail/guardians';
import { createFamily, createGroup, createSchool } from './support/factories';

// One way to mail a child's or a group's guardians, each in their own language (lib/mail/guardians.ts).

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const other = await createSchool();
  const g = await createGroup(school.id, year.id, '5A');
  const h = await createGroup(school.id, year.id, '7B');
  // Two guardians, two children: one in 5A, one in 7B. The second guardian reads English.
  const both = await createFamily(school.id, year.id, [g.id, h.id], { guardians: 2 });
  await prisma.user.update({ where: { id: both.guardians[1].user.id }, data: { locale: 'en' } });
  // Twins in 5A: their guardian is one recipient, not two.
  const twins = await createFamily(school.id, year.id, [g.id, g.id]);
  // Access ended: never mailed.
  const ended = await createFamily(school.id, year.id, [g.id]);
  await prisma.guardianship.updateMany({ where: { userId: ended.guardians[0].user.id }, data: { endedAt: new Date(), endReason: 'MOVED_AWAY' } });
  // Another school's family, asked for by a group id of that school: not this school's mail.
  const otherFamily = await createFamily(other.school.id, other.year.id, [(await createGroup(other.school.id, other.year.id, '5A')).id]);
  return { school, other, g, h, both, twins, ended, otherFamily };
}
beforeAll(async () => {
  w = await world();
});

const mailsOf = (kind: string) => prisma.outboxMail.findMany({ where: { kind }, orderBy: { to: 'asc' }, select: { to: true, subject: true, text: true, schoolId: true } });

describe('enqueueToGuardians', () => {
  it("mails each live guardian of a group's children once, in their language, and says how many", async () => {
    const otherGroup = await prisma.group.findFirstOrThrow({ where: { schoolId: w.other.school.id } });
    const n = await prisma.$transaction((tx) =>
      enqueueToGuardians(tx, { schoolId: w.school.id, groupIds: [w.g.id, otherGroup.id], kind: 'test_group', render: fromMessages('mail.charter', () => ({ title: 'Afspraken' })) }),
    );
    const expected = [w.both.guardians[0].user.email, w.both.guardians[1].user.email, w.twins.guardians[0].user.email].sort();
    expect(n).toBe(3);
    const mails = await mailsOf('test_group');
    expect(mails.map((m) => m.to)).toEqual(expected);
    expect(new Set(mails.map((m) => m.schoolId))).toEqual(new Set([w.school.id]));
    const english = mails.find((m) => m.to === w.both.guardians[1].user.email)!;
    const dutch = mails.find((m) => m.to === w.both.guardians[0].user.email)!;
    expect(english.subject).toBe('Would you read the agreements between parents and school?');
    expect(english.text.startsWith('Dear Test,\n\nThe school has published "Afspraken".')).toBe(true);
    expect(dutch.subject).toBe('Wilt u de afspraken tussen ouders en school lezen?');
    expect(dutch.text.startsWith('Beste Test,\n\nDe school heeft "Afspraken" gepubliceerd.')).toBe(true);
  });

  it("mails one child's guardians, leaving out who is excluded", async () => {
    const childIn7B = w.both.children[1];
    const n = await prisma.$transaction((tx) =>
      enqueueToGuardians(tx, {
        schoolId: w.school.id,
        childIds: [childIn7B.id],
        excludeUserIds: [w.both.guardians[0].user.id],
        kind: 'test_child',
        render: (to) => ({ subject: `voor ${to.firstName} (${to.locale})`, text: 'x' }),
      }),
    );
    expect(n).toBe(1);
    expect(await mailsOf('test_child')).toEqual([{ to: w.both.guardians[1].user.email, subject: 'voor Test (en)', text: 'x', schoolId: w.school.id }]);
  });

  it('queues nothing without children or groups, and nothing when the transaction rolls back', async () => {
    expect(await prisma.$transaction((tx) => enqueueToGuardians(tx, { schoolId: w.school.id, kind: 'test_none', render: () => ({ subject: 's', text: 't' }) }))).toBe(0);
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueToUsers(tx, { schoolId: w.school.id, userIds: [w.twins.guardians[0].user.id], kind: 'test_none', render: () => ({ subject: 's', text: 't' }) });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await prisma.outboxMail.count({ where: { kind: 'test_none' } })).toBe(0);
  });
});

describe('lib/mail', () => {
  it('depends on no feature (no import cycle with lib/bookings)', () => {
    const dir = path.join(import.meta.dirname, '..', 'lib', 'mail');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from '@\/lib\/(bookings|records|charter|surveys|team|events|import)\//.test(readFileSync(path.join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
