import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { inboxCounts, staffInbox } from '@/lib/messages/queries';
import { seedDemoMessages } from '@/prisma/demo/messages';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The demo school's conversations (prisma/demo/messages.ts) on a small factory school.
const at = (local: string) => new Date(`${local}:00+01:00`);

describe('demo traffic for conversations', () => {
  it('5A has two questions due today, one overdue, one handed to the supervisor and a worry; months of answered questions', async () => {
    const now = at('2026-12-08T10:00'); // a Tuesday
    const { school, year } = await createSchool();
    await createUser(school.id, 'DIRECTOR'); // the demo answers questions in the director's inbox too
    const [a, b, c] = [await createUser(school.id, 'TEACHER'), await createUser(school.id, 'TEACHER'), await createUser(school.id, 'TEACHER')];
    const ib = await createUser(school.id, 'TEACHER');
    await prisma.membership.update({ where: { id: ib.actor.membershipId }, data: { careCoordinator: true } });
    const g5 = await createGroup(school.id, year.id, '5A', [a.user.id, b.user.id]);
    const g3 = await createGroup(school.id, year.id, '3A', [c.user.id]);
    for (let i = 0; i < 8; i++) await createFamily(school.id, year.id, [i % 2 ? g3.id : g5.id], { guardians: 2, separated: i === 0 });

    await seedDemoMessages(school.id, now);

    expect(await inboxCounts(b.actor, now)).toEqual({ unread: 0, open: 5, dueToday: 3, overdue: 1 });
    const inbox = await staffInbox(a.actor, {}, now);
    expect(inbox[0]).toMatchObject({ subject: 'Boek voor boekbespreking', overdue: true });
    expect(inbox.filter((t) => t.assignee?.id === ib.user.id).map((t) => t.subject)).toEqual(['Moeite met lezen']);
    expect((await staffInbox({ ...ib.actor, care: true }, {}, now)).map((t) => t.subject)).toEqual(['Moeite met lezen']);
    expect(await prisma.thread.count({ where: { schoolId: school.id, kind: 'COMPLAINT', complaintStep: 'TEACHER' } })).toBe(1);
    // History: answered promises in both groups and the director's inbox, some after their due moment.
    const answered = await prisma.replyPromise.findMany({ where: { schoolId: school.id, answeredAt: { not: null } }, select: { groupId: true, answeredAt: true, dueAt: true, askedAt: true } });
    expect(new Set(answered.map((p) => p.groupId))).toEqual(new Set([g5.id, g3.id, null]));
    const late = answered.filter((p) => p.answeredAt! > p.dueAt).length;
    expect([answered.length, late]).toEqual([171, 20]); // the demo's seeded history on these 8 families: about one in nine late
    expect(answered.every((p) => p.answeredAt! <= now && p.askedAt < p.answeredAt!)).toBe(true);
    expect(await prisma.threadMessage.count({ where: { schoolId: school.id, createdAt: { gt: now } } })).toBe(0);
  }, 60_000); // months of seeded traffic: near the default 20 s on a busy runner
});
