import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { replyFigures, replyFiguresThisMonth } from '@/lib/messages/figures';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The director's reply-time figures from ReplyPromise rows: per month in the school's zone, per inbox,
// the share answered within the promise, and what is overdue now.

const H = 3_600_000;
const at = (iso: string) => new Date(iso);
// Friday 20 November 2026, 13:00 in Amsterdam.
const NOW = at('2026-11-20T12:00:00Z');

let w: Awaited<ReturnType<typeof world>>;

async function promise(schoolId: string, startedById: string, subject: string, groupId: string | null, askedAt: Date, dueAt: Date, answeredAt: Date | null) {
  const thread = await prisma.thread.create({ data: { schoolId, inbox: groupId ? 'GROUP' : 'DIRECTOR', groupId, subject, startedById, replyDueAt: answeredAt ? null : dueAt, lastMessageAt: askedAt } });
  await prisma.replyPromise.create({ data: { schoolId, threadId: thread.id, groupId, askedAt, countsFrom: askedAt, dueAt, answeredAt } });
  return thread;
}

async function world() {
  const { school, year } = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const care: Actor = { ...(await createUser(school.id, 'TEACHER')).actor, care: true };
  const g = await createGroup(school.id, year.id, '5A', [teacher.user.id]);
  const family = await createFamily(school.id, year.id, [g.id]);
  const parent = family.guardians[0];
  const p = (...a: [string, string | null, Date, Date, Date | null]) => promise(school.id, parent.user.id, ...a);
  // Group 5A: answered after 2 h, after 30 h (still within: due end of the next day), late, and unanswered past due.
  await p('Gymschoenen', g.id, at('2026-11-02T09:00:00Z'), at('2026-11-03T16:00:00Z'), at('2026-11-02T11:00:00Z'));
  await p('Huiswerk rekenen', g.id, at('2026-11-03T09:00:00Z'), at('2026-11-04T16:00:00Z'), at('2026-11-04T15:00:00Z'));
  await p('Schoolreis', g.id, at('2026-11-05T09:00:00Z'), at('2026-11-06T16:00:00Z'), at('2026-11-09T09:00:00Z'));
  const overdue = await p('Ruzie op het plein', g.id, at('2026-11-10T09:00:00Z'), at('2026-11-11T16:00:00Z'), null);
  // The director's inbox: asked 00:30 on 1 November in Amsterdam (still 31 October in UTC), answered in 1 h;
  // one asked this morning, not yet due; one in September answered in 3 h.
  await p('Verlof aanvragen', null, at('2026-10-31T23:30:00Z'), at('2026-11-03T16:00:00Z'), at('2026-11-01T00:30:00Z'));
  await p('Ouderbijdrage', null, at('2026-11-20T10:00:00Z'), at('2026-11-23T16:00:00Z'), null);
  await p('Inschrijving broertje', null, at('2026-09-15T08:00:00Z'), at('2026-09-16T15:00:00Z'), at('2026-09-15T11:00:00Z'));
  // Before this school year (its first day is 24 August): not in the year's figures.
  await p('Zomer', g.id, at('2026-07-01T08:00:00Z'), at('2026-07-02T15:00:00Z'), at('2026-07-03T08:00:00Z'));

  // Another school: its rows never count here, and ours never there.
  const other = await createSchool();
  const otherDirector = await createUser(other.school.id, 'DIRECTOR');
  const og = await createGroup(other.school.id, other.year.id, '5A');
  const otherParent = (await createFamily(other.school.id, other.year.id, [og.id])).guardians[0];
  await promise(other.school.id, otherParent.user.id, 'Andere school', og.id, at('2026-11-04T09:00:00Z'), at('2026-11-05T16:00:00Z'), null);

  return { school, g, director: director.actor, teacher: teacher.actor, care, parent: parent.actor, overdue, otherDirector: otherDirector.actor, og };
}

beforeAll(async () => {
  w = await world();
});

const figures = (questions: number, medianH: number | null, within: number, settled: number, unanswered: number) => ({
  questions,
  medianMs: medianH === null ? null : medianH * H,
  within,
  settled,
  withinShare: settled ? within / settled : null,
  unanswered,
});

describe('reply-time figures', () => {
  it('per month in the school’s zone, per inbox and for the year: median, share within the promise, still open', async () => {
    const f = await replyFigures(w.director, undefined, NOW);
    expect(f.year?.name).toBe('2026-2027');
    expect(f.months).toEqual([
      { month: '2026-09', ...figures(1, 3, 1, 1, 0) },
      // 2 h, 30 h, 96 h, 1 h answered → median 16 h; the question of this morning is not settled yet.
      { month: '2026-11', ...figures(6, 16, 3, 5, 2) },
    ]);
    expect(f.groups).toEqual([
      { groupId: w.g.id, groupName: '5A', ...figures(4, 30, 2, 4, 1) },
      { groupId: null, groupName: null, ...figures(3, 2, 2, 2, 1) },
    ]);
    expect(f.total).toEqual(figures(7, 3, 4, 6, 2));
    expect(f.groupOptions).toEqual([{ id: w.g.id, name: '5A' }]);
  });

  it('lists what is overdue now, with its subject, inbox, due moment and how late', async () => {
    const f = await replyFigures(w.director, undefined, NOW);
    expect(f.overdueCount).toBe(1);
    expect(f.overdue).toEqual([
      { threadId: w.overdue.id, subject: 'Ruzie op het plein', groupId: w.g.id, groupName: '5A', askedAt: at('2026-11-10T09:00:00Z'), dueAt: at('2026-11-11T16:00:00Z'), lateMs: 212 * H },
    ]);
    // A minute before its due moment it is not overdue yet.
    const later = await replyFigures(w.director, undefined, at('2026-11-11T15:59:00Z'));
    expect(later.overdue).toEqual([]);
    expect(later.overdueCount).toBe(0);
  });

  it('narrows to one inbox: a group’s or the director’s own', async () => {
    const own = await replyFigures(w.director, { groupId: null }, NOW);
    expect(own.total).toEqual(figures(3, 2, 2, 2, 1));
    expect(own.groups.map((g) => g.groupId)).toEqual([null]);
    expect(own.overdue).toEqual([]);
    const group = await replyFigures(w.director, { groupId: w.g.id }, NOW);
    expect(group.total).toEqual(figures(4, 30, 2, 4, 1));
    expect(group.months).toEqual([{ month: '2026-11', ...figures(4, 30, 2, 4, 1) }]);
    expect(group.overdue.map((o) => o.subject)).toEqual(['Ruzie op het plein']);
    // Another school's group id finds nothing of that school.
    const foreign = await replyFigures(w.director, { groupId: w.og.id }, NOW);
    expect([foreign.total.questions, foreign.overdueCount]).toEqual([0, 0]);
  });

  it('this month for the director’s home', async () => {
    expect(await replyFiguresThisMonth(w.director, NOW)).toEqual({ month: '2026-11', ...figures(6, 16, 3, 5, 2), overdueCount: 1 });
  });

  it('another school’s rows are never counted, either way', async () => {
    const f = await replyFigures(w.otherDirector, undefined, NOW);
    expect(f.total).toEqual(figures(1, null, 0, 1, 1));
    expect(f.overdue.map((o) => o.subject)).toEqual(['Andere school']);
  });

  it('is the director’s only: teachers, the internal supervisor and parents get NOT_FOUND', async () => {
    for (const a of [w.teacher, w.care, w.parent]) {
      await expect(replyFigures(a, undefined, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(replyFiguresThisMonth(a, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
