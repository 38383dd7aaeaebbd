import { isGuardian } from '@/lib/access/roles';
import { prisma } from '@/lib/db';
import { childComplaints, childThreads } from '@/lib/messages/queries';
import { askQuestion, raiseComplaint, startConversation } from '@/lib/messages/service';
import { type Probes, type Target, refusedAsNotFound } from './types';

// Probes for the messages kinds of the policy table (lib/access/policy.ts): thread, complaint.
// Rows a probe reads are prepared once per child, as they would be in use: a conversation with both
// of the child's households in its group's inbox, handed to the school's internal supervisor; and a
// worry from each household at the teacher's step. "Refused" for a read is the row's absence.

const prepared = new Map<string, Promise<void>>();
function once(c: Target, key: string, make: () => Promise<void>) {
  if (!prepared.has(`${key}:${c.id}`)) prepared.set(`${key}:${c.id}`, make());
  return prepared.get(`${key}:${c.id}`)!;
}

const householdsOf = async (c: Target) =>
  (await prisma.guardianship.findMany({ where: { childId: c.id, endedAt: null }, select: { userId: true, householdId: true } })).map((g) => ({ userId: g.userId, householdId: g.householdId }));

function sharedThread(c: Target) {
  return once(c, 'thread', async () => {
    const care = await prisma.membership.findFirst({ where: { schoolId: c.schoolId, careCoordinator: true }, select: { userId: true } });
    const t = await prisma.thread.create({
      data: { schoolId: c.schoolId, inbox: 'GROUP', groupId: c.groupId, childId: c.id, subject: 'Schoolreisje', startedById: c.director.userId, assigneeId: care?.userId ?? null },
    });
    const hs = [...new Set((await householdsOf(c)).map((h) => h.householdId))];
    await prisma.threadHousehold.createMany({ data: hs.map((householdId) => ({ schoolId: c.schoolId, threadId: t.id, householdId })) });
  });
}

function worries(c: Target) {
  return once(c, 'complaint', async () => {
    for (const h of await householdsOf(c)) {
      const t = await prisma.thread.create({
        data: { schoolId: c.schoolId, kind: 'COMPLAINT', complaintStep: 'TEACHER', inbox: 'GROUP', groupId: c.groupId, childId: c.id, subject: 'Zorg', startedById: h.userId },
      });
      await prisma.threadHousehold.create({ data: { schoolId: c.schoolId, threadId: t.id, householdId: h.householdId } });
    }
  });
}

export const messagesProbes: Probes = {
  'thread.read': async (a, c) => {
    await sharedThread(c);
    if (!(await childThreads(a, c.id)).some((t) => t.subject === 'Schoolreisje')) refusedAsNotFound();
  },
  // The call the new-question form makes (guardians) or the start-a-conversation form (staff).
  'thread.write': (a, c) =>
    isGuardian(a)
      ? askQuestion(a, { about: c.id, subject: 'Vraag', body: 'Hoe gaat het?' })
      : startConversation(a, { childId: c.id, households: 'all', subject: 'Bericht', body: 'Even bijpraten.' }),
  'complaint.raise': (a, c) => raiseComplaint(a, { childId: c.id, to: 'TEACHER', subject: 'Zorg', body: 'Ik maak me zorgen.' }),
  'complaint.read': async (a, c) => {
    await worries(c);
    const mine = await childComplaints(a, c.id);
    if (!mine.length) refusedAsNotFound();
  },
};
