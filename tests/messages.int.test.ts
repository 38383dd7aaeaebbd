import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/access/action';
import { prisma } from '@/lib/db';
import { childComplaints, childThreads, guardianThreads, inboxCounts, staffInbox, startOptions, threadView } from '@/lib/messages/queries';
import { questionSchema, startSchema, workingHoursSchema } from '@/lib/messages/schemas';
import { threadScope } from '@/lib/messages/scope';
import { askQuestion, escalateComplaint, handOver, postMessage, raiseComplaint, startConversation } from '@/lib/messages/service';
import { saveWorkingHours } from '@/lib/messages/working-hours';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// Conversations with a reply promise (issue 13) against the real database. 4 December 2026 is a
// Friday; Amsterdam is UTC+1 then.
const at = (local: string) => new Date(`${local}:00+01:00`);
const endOf = (day: string) => new Date(+new Date(`${day}T00:00:00+01:00`) + 86_400_000 - 1);

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const other = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const juf = await createUser(school.id, 'TEACHER');
  const meester = await createUser(school.id, 'TEACHER'); // duo colleague of 5A
  const elsewhere = await createUser(school.id, 'TEACHER'); // teaches 6B
  const ib = await createUser(school.id, 'TEACHER');
  await prisma.membership.update({ where: { id: ib.actor.membershipId }, data: { careCoordinator: true } });
  const g5 = await createGroup(school.id, year.id, '5A', [juf.user.id, meester.user.id]);
  const g6 = await createGroup(school.id, year.id, '6B', [elsewhere.user.id]);
  // Separated: mother (household 1, authority), father (household 2, information only).
  const family = await createFamily(school.id, year.id, [g5.id], { guardians: 2, separated: true, informationOnly: true });
  const together = await createFamily(school.id, year.id, [g6.id], { guardians: 2 });
  const stranger = await createFamily(other.school.id, other.year.id, [(await createGroup(other.school.id, other.year.id, '5A')).id]);
  return { school, year, director, juf, meester, elsewhere, ib: { ...ib, actor: { ...ib.actor, care: true } }, g5, g6, family, together, stranger };
}
beforeAll(async () => {
  w = await world();
});

const mother = () => w.family.guardians[0].actor;
const father = () => w.family.guardians[1].actor;
const child = () => w.family.children[0];
const outbox = (kind: string, to: string) => prisma.outboxMail.findMany({ where: { kind, to }, select: { subject: true, nextAttemptAt: true } });

describe('a question about a child', () => {
  let threadId: string;

  it('sent on Friday within hours goes to the group inbox, due at the end of Monday', async () => {
    const r = await askQuestion(mother(), { about: child().id, subject: 'Gymspullen', body: 'Moet Sanne maandag gymspullen mee?' }, at('2026-12-04T16:00'));
    threadId = r.threadId;
    expect(r.dueAt).toEqual(endOf('2026-12-07'));
    const t = await prisma.thread.findUniqueOrThrow({ where: { id: threadId }, include: { households: true, promises: true } });
    expect([t.inbox, t.groupId, t.childId, t.replyDueAt]).toEqual(['GROUP', w.g5.id, child().id, endOf('2026-12-07')]);
    expect(t.households.map((h) => h.schoolId)).toEqual([w.school.id]);
    expect(t.promises.map((p) => [p.groupId, p.askedAt, p.countsFrom, p.dueAt, p.answeredAt])).toEqual([[w.g5.id, at('2026-12-04T16:00'), at('2026-12-04T16:00'), endOf('2026-12-07'), null]]);
    // Both duo teachers hear of it at once (within the default hours); no one else.
    expect(await outbox('thread_message', w.juf.user.email)).toEqual([{ subject: 'Nieuw bericht van een ouder: Gymspullen', nextAttemptAt: expect.any(Date) }]);
    expect(await outbox('thread_message', w.meester.user.email)).toHaveLength(1);
    expect(await outbox('thread_message', w.elsewhere.user.email)).toHaveLength(0);
  });

  it('both duo teachers see it in their inbox; another group\'s teacher, the supervisor and the other household do not', async () => {
    for (const a of [w.juf.actor, w.meester.actor, w.director.actor]) expect((await staffInbox(a, {}, at('2026-12-04T16:05'))).map((t) => t.id)).toContain(threadId);
    for (const a of [w.elsewhere.actor, w.ib.actor]) {
      expect((await staffInbox(a, {}, at('2026-12-04T16:05'))).map((t) => t.id)).not.toContain(threadId);
      await expect(threadView(a, threadId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await guardianThreads(father())).map((t) => t.id)).not.toContain(threadId);
    await expect(threadView(father(), threadId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(postMessage(father(), threadId, 'Ik ook')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(threadView(w.stranger.guardians[0].actor, threadId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a second parent message before the answer opens no second promise', async () => {
    expect((await postMessage(mother(), threadId, 'En haar zwemspullen?', at('2026-12-05T10:00'))).dueAt).toEqual(endOf('2026-12-07'));
    expect(await prisma.replyPromise.count({ where: { threadId } })).toBe(1);
  });

  it('turns overdue after Monday; the inbox puts it first and counts it', async () => {
    const tuesday = at('2026-12-08T09:00');
    const rows = await staffInbox(w.meester.actor, {}, tuesday);
    expect(rows[0]).toMatchObject({ id: threadId, overdue: true, dueToday: false, unread: true });
    expect(await inboxCounts(w.meester.actor, tuesday)).toEqual({ unread: 0, open: 1, dueToday: 0, overdue: 1 });
    expect(await inboxCounts(w.meester.actor, at('2026-12-07T09:00'))).toEqual({ unread: 0, open: 1, dueToday: 1, overdue: 0 });
  });

  it('the duo colleague answers: the promise is answered, the parent sees the answer with name and role and gets mail', async () => {
    await postMessage(w.meester.actor, threadId, 'Ja, allebei graag.', at('2026-12-08T10:00'));
    const p = await prisma.replyPromise.findFirstOrThrow({ where: { threadId } });
    expect([p.answeredAt, p.answeredById]).toEqual([at('2026-12-08T10:00'), w.meester.user.id]);
    expect((await prisma.thread.findUniqueOrThrow({ where: { id: threadId } })).replyDueAt).toBeNull();
    expect(await staffInbox(w.juf.actor, {}, at('2026-12-08T10:01'))).toEqual([]);
    expect((await staffInbox(w.juf.actor, { filter: 'all' }, at('2026-12-08T10:01'))).map((t) => t.id)).toEqual([threadId]);
    expect(await inboxCounts(mother())).toMatchObject({ unread: 1 });
    const view = await threadView(mother(), threadId, at('2026-12-08T10:30'));
    expect(view.messages.map((m) => [m.authorRole, m.author.lastName, m.body])).toEqual([
      ['GUARDIAN', w.family.guardians[0].user.lastName, 'Moet Sanne maandag gymspullen mee?'],
      ['GUARDIAN', w.family.guardians[0].user.lastName, 'En haar zwemspullen?'],
      ['TEACHER', w.meester.user.lastName, 'Ja, allebei graag.'],
    ]);
    expect(view.promise).toBeNull();
    expect(await inboxCounts(mother())).toMatchObject({ unread: 0 }); // opening it marked it read
    expect(await outbox('thread_reply', w.family.guardians[0].user.email)).toEqual([{ subject: 'Antwoord van school: Gymspullen', nextAttemptAt: expect.any(Date) }]);
    expect(await outbox('thread_reply', w.family.guardians[1].user.email)).toEqual([]); // the other household hears nothing
  });

  it('a parent message after the answer opens a new promise', async () => {
    expect((await postMessage(mother(), threadId, 'Dank u!', at('2026-12-08T11:00'))).dueAt).toEqual(endOf('2026-12-09'));
    expect(await prisma.replyPromise.count({ where: { threadId, answeredAt: null } })).toBe(1);
  });

  it('handed to the internal supervisor: it shows in their inbox, and their answer counts', async () => {
    const view = await threadView(w.juf.actor, threadId);
    expect(view.candidates.map((c) => c.id).sort()).toEqual([w.meester.user.id, w.ib.user.id].sort());
    await expect(handOver(w.juf.actor, threadId, w.elsewhere.user.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await handOver(w.juf.actor, threadId, w.ib.user.id, at('2026-12-08T12:00'));
    expect((await staffInbox(w.ib.actor, {}, at('2026-12-08T12:00'))).map((t) => t.id)).toEqual([threadId]);
    expect(await outbox('thread_assigned', w.ib.user.email)).toHaveLength(1);
    await postMessage(w.ib.actor, threadId, 'Ik bel u morgen.', at('2026-12-08T13:00'));
    expect(await prisma.replyPromise.count({ where: { threadId, answeredById: w.ib.user.id } })).toBe(1);
    expect((await childThreads(w.ib.actor, child().id)).map((t) => t.id)).toEqual([threadId]);
  });
});

describe('separated parents and the other household', () => {
  it('a school matter goes to the director, with the asking household only', async () => {
    const r = await askQuestion(father(), { about: 'school', subject: 'Studiedag', body: 'Wanneer is de studiedag?' }, at('2026-12-07T09:00'));
    const t = await prisma.thread.findUniqueOrThrow({ where: { id: r.threadId }, include: { promises: true } });
    expect([t.inbox, t.groupId, t.childId, t.promises[0].groupId]).toEqual(['DIRECTOR', null, null, null]);
    expect((await staffInbox(w.director.actor, {}, at('2026-12-07T09:00'))).map((x) => x.id)).toContain(r.threadId);
    expect((await staffInbox(w.juf.actor, {}, at('2026-12-07T09:00'))).map((x) => x.id)).not.toContain(r.threadId);
    expect((await guardianThreads(mother())).map((x) => x.id)).not.toContain(r.threadId);
  });

  it('staff must choose a household when the child has two; nothing is written until they do', async () => {
    const opts = await startOptions(w.juf.actor, child().id);
    expect(opts.households.map((h) => h.guardians.map((g) => g.id))).toEqual(
      expect.arrayContaining([[w.family.guardians[0].user.id], [w.family.guardians[1].user.id]]),
    );
    const before = await prisma.thread.count({ where: { schoolId: w.school.id } });
    await expect(startConversation(w.juf.actor, { childId: child().id, subject: 'Uitje', body: 'Vrijdag naar het bos.' })).rejects.toMatchObject({
      code: 'INVALID_INPUT', details: { fieldErrors: { households: ['threads.chooseHousehold'] } },
    });
    expect(await prisma.thread.count({ where: { schoolId: w.school.id } })).toBe(before);
  });

  it('with one household chosen, the other never sees it; with both, both do and it says so', async () => {
    const h2 = opts2();
    const one = await startConversation(w.juf.actor, { childId: child().id, households: (await h2).father, subject: 'Alleen vader', body: 'Hallo' });
    expect((await guardianThreads(father())).map((t) => t.id)).toContain(one.threadId);
    expect((await guardianThreads(mother())).map((t) => t.id)).not.toContain(one.threadId);
    const both = await startConversation(w.juf.actor, { childId: child().id, households: 'all', subject: 'Allebei', body: 'Hallo samen' });
    for (const g of [mother(), father()]) expect((await guardianThreads(g)).find((t) => t.id === both.threadId)).toMatchObject({ bothHouseholds: true });
    expect((await threadView(w.juf.actor, both.threadId)).bothHouseholds).toBe(true);
    expect((await threadView(w.juf.actor, one.threadId)).bothHouseholds).toBe(false);
    // A staff-started thread opens no promise until a parent writes.
    expect(await prisma.replyPromise.count({ where: { threadId: both.threadId } })).toBe(0);
    expect(await outbox('thread_started', w.family.guardians[0].user.email)).toHaveLength(1);
    expect(await outbox('thread_started', w.family.guardians[1].user.email)).toHaveLength(2);
  });
});

async function opts2() {
  const hs = await prisma.guardianship.findMany({ where: { childId: w.family.children[0].id }, select: { userId: true, householdId: true } });
  return { father: hs.find((h) => h.userId === w.family.guardians[1].user.id)!.householdId };
}

describe('working hours', () => {
  it('Friday 20:00 to teachers working Monday to Wednesday: counts from Monday 08:00, due end of Tuesday; their mail waits until then', async () => {
    const monToWed = parseInput(workingHoursSchema, { works1: true, start1: '08:00', end1: '15:00', works2: true, start2: '08:00', end2: '15:00', works3: true, start3: '08:00', end3: '12:30', works4: false, works5: false });
    expect(monToWed.ok).toBe(true);
    if (!monToWed.ok) return;
    const teacher = await createUser(w.school.id, 'TEACHER');
    const g = await createGroup(w.school.id, w.year.id, '3C', [teacher.user.id]);
    const fam = await createFamily(w.school.id, w.year.id, [g.id]);
    await saveWorkingHours(teacher.actor, monToWed.data);
    const r = await askQuestion(fam.guardians[0].actor, { about: fam.children[0].id, subject: 'Ziek', body: 'Hoe gaat het?' }, at('2026-12-04T20:00'));
    expect(r.dueAt).toEqual(endOf('2026-12-08'));
    expect((await prisma.replyPromise.findFirstOrThrow({ where: { threadId: r.threadId } })).countsFrom).toEqual(at('2026-12-07T08:00'));
    expect(await outbox('thread_message', teacher.user.email)).toEqual([{ subject: 'Nieuw bericht van een ouder: Ziek', nextAttemptAt: at('2026-12-07T08:00') }]);
    // The parent sees the teacher's hours (and that the director has none set: the default).
    const view = await threadView(fam.guardians[0].actor, r.threadId);
    expect(view.people.map((p) => [p.isDefault, p.hours.map((h) => [h.weekday, h.startMinute, h.endMinute])])).toEqual([[false, [[1, 480, 900], [2, 480, 900], [3, 480, 750]]]]);
  });

  it('refuses an end before the start, a week without days and a malformed time, with translated keys', async () => {
    const bad = parseInput(workingHoursSchema, { works1: true, start1: '15:00', end1: '08:00', works2: false, works3: false, works4: false, works5: false });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { end1: ['threads.endBeforeStart'] } });
    expect(parseInput(workingHoursSchema, { works1: false, works2: false, works3: false, works4: false, works5: false })).toMatchObject({ ok: false, fieldErrors: { works1: ['threads.pickADay'] } });
    expect(parseInput(workingHoursSchema, { works1: true, start1: '8 uur', works2: false, works3: false, works4: false, works5: false })).toMatchObject({ ok: false, fieldErrors: { start1: ['threads.invalidTime'], end1: ['required'] } });
  });

  it('bad question input is refused with keys', () => {
    expect(parseInput(questionSchema, { about: 'school', subject: '', body: 'x'.repeat(5001) })).toMatchObject({ ok: false, fieldErrors: { subject: ['required'], body: ['tooLong'] } });
    expect(parseInput(startSchema, { childId: 'not an id', subject: 'a', body: 'b' })).toMatchObject({ ok: false });
  });

  it('a guardian who chose the daily digest gets a digest item instead of a mail', async () => {
    const g = w.together.guardians[0];
    await prisma.notificationPreference.create({ data: { schoolId: w.school.id, userId: g.user.id, kind: 'MESSAGE', mode: 'DIGEST' } });
    const r = await askQuestion(w.together.guardians[1].actor, { about: w.together.children[0].id, subject: 'Luizen', body: 'Is er luizencontrole?' });
    await postMessage(w.elsewhere.actor, r.threadId, 'Woensdag.');
    expect(await prisma.digestItem.findMany({ where: { userId: g.user.id }, select: { title: true, path: true } })).toEqual([{ title: 'Luizen', path: `/berichten/${r.threadId}` }]);
    expect(await outbox('thread_reply', g.user.email)).toEqual([]);
    expect(await outbox('thread_reply', w.together.guardians[1].user.email)).toHaveLength(1);
  });
});

describe('worry or complaint', () => {
  it('at the teacher step the teacher reads it; escalated to the director they no longer do', async () => {
    const r = await raiseComplaint(mother(), { childId: child().id, to: 'TEACHER', subject: 'Pesten', body: 'Sanne wordt gepest.' }, at('2026-12-07T09:00'));
    expect((await childComplaints(w.juf.actor, child().id)).map((c) => c.id)).toEqual([r.threadId]);
    await expect(childComplaints(w.ib.actor, child().id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(escalateComplaint(mother(), r.threadId, undefined)).rejects.toMatchObject({ details: { fieldErrors: { body: ['threads.whyDirector'] } } });
    expect(await escalateComplaint(mother(), r.threadId, 'Er verandert niets.', at('2026-12-09T09:00'))).toBe('DIRECTOR');
    await expect(threadView(w.juf.actor, r.threadId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await childComplaints(w.juf.actor, child().id)).toEqual([]);
    // The teacher's open promise is withdrawn; the director's runs from the escalation.
    expect(await prisma.replyPromise.findMany({ where: { threadId: r.threadId }, select: { groupId: true, askedAt: true } })).toEqual([{ groupId: null, askedAt: at('2026-12-09T09:00') }]);
    expect(await escalateComplaint(mother(), r.threadId, undefined)).toBe('FORMAL');
    expect((await threadView(mother(), r.threadId)).thread.complaintStep).toBe('FORMAL');
    await expect(escalateComplaint(mother(), r.threadId, undefined)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('straight to the director about the teacher: that teacher never sees it, the duo colleague neither', async () => {
    await expect(raiseComplaint(mother(), { childId: child().id, to: 'TEACHER', concernsUserId: w.juf.user.id, subject: 'x', body: 'y' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const r = await raiseComplaint(mother(), { childId: child().id, to: 'DIRECTOR', concernsUserId: w.juf.user.id, subject: 'Over juf', body: 'Ik maak me zorgen.' });
    expect(await outbox('thread_message', w.director.user.email).then((m) => m.some((x) => x.subject.endsWith('Over juf')))).toBe(true);
    expect((await outbox('thread_message', w.juf.user.email)).some((x) => x.subject.endsWith('Over juf'))).toBe(false);
    for (const a of [w.juf.actor, w.meester.actor]) await expect(threadView(a, r.threadId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await threadView(w.director.actor, r.threadId)).thread.concernsUserId).toBe(w.juf.user.id);
    // Complaints are not handed over (the internal supervisor does not read complaints).
    expect((await threadView(w.director.actor, r.threadId)).candidates).toEqual([]);
    await expect(handOver(w.director.actor, r.threadId, w.ib.user.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Staff do not raise complaints.
    await expect(raiseComplaint(w.juf.actor, { childId: child().id, to: 'DIRECTOR', subject: 'x', body: 'y' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('one rule in two spellings', () => {
  it('the inbox SQL and the thread scope agree for every staff member', async () => {
    for (const a of [w.juf.actor, w.meester.actor, w.elsewhere.actor, w.ib.actor, w.director.actor]) {
      const sql = (await staffInbox(a, { filter: 'all' })).map((t) => t.id).sort();
      const orm = (await prisma.thread.findMany({ where: await threadScope(a), select: { id: true } })).map((t) => t.id).sort();
      // Non-empty so the comparison below says something; the exact counts are those of the threads the tests above happened to open.
      expect(sql.length).toBeGreaterThan(0);
      expect(sql).toEqual(orm);
    }
  });
});
