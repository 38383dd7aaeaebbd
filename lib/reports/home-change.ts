import 'server-only';
import { requireOnChild } from '@/lib/access/relations';
import { onlyDirector, onlyGuardian } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import type { HomeChangeInput } from './schemas';

// A change at home (policy row `homeChange`): a new address or phone number, or a change in the
// family that affects the child. It goes to the school administration (the director). With the
// parent's choice it also becomes an addition to the child's file for the child's teachers,
// belonging to the reporter's household like every parent's addition.

export async function reportHomeChange(actor: Actor, input: HomeChangeInput) {
  onlyGuardian(actor);
  let householdId: string;
  if (input.childId) {
    const rel = await requireOnChild(actor, input.childId, 'homeChange', 'report');
    if (input.addToFile) await requireOnChild(actor, input.childId, 'note', 'write');
    householdId = rel.householdId!;
  } else {
    // A change without a child is the reporter's household's (a new phone number).
    const g = await prisma.guardianship.findFirst({ where: { userId: actor.userId, schoolId: actor.schoolId, endedAt: null }, orderBy: { id: 'asc' }, select: { childId: true, householdId: true } });
    if (!g) throw new AppError('NOT_FOUND');
    await requireOnChild(actor, g.childId, 'homeChange', 'report');
    householdId = g.householdId;
  }
  return prisma.$transaction(async (tx) => {
    const change = await tx.homeChange.create({
      data: { schoolId: actor.schoolId, reportedById: actor.userId, householdId, childId: input.childId ?? null, kind: input.kind, text: input.text, addToFile: input.addToFile },
    });
    if (input.addToFile && input.childId) {
      await tx.childNote.create({
        data: { schoolId: actor.schoolId, childId: input.childId, authorId: actor.userId, householdId, sharedWithOtherHousehold: false, text: input.text, visibleTo: ['TEACHER'] },
      });
    }
    return change.id;
  });
}

/** The director's list: open changes first (oldest first), then the last handled ones. */
export async function homeChanges(actor: Actor) {
  // homeChange.read is the director's alone (policy row `homeChange`).
  onlyDirector(actor);
  const select = {
    id: true, kind: true, text: true, addToFile: true, createdAt: true, handledAt: true,
    reportedBy: { select: { firstName: true, prefix: true, lastName: true, email: true, phone: true } },
    child: { select: { id: true, firstName: true, prefix: true, lastName: true } },
  } as const;
  const [open, handled] = await Promise.all([
    prisma.homeChange.findMany({ where: { schoolId: actor.schoolId, handledAt: null }, orderBy: { createdAt: 'asc' }, select }),
    prisma.homeChange.findMany({ where: { schoolId: actor.schoolId, handledAt: { not: null } }, orderBy: { handledAt: 'desc' }, take: 30, select }),
  ]);
  const view = ({ reportedBy, child, ...c }: (typeof open)[number]) => ({ ...c, reporter: fullName(reportedBy), reporterEmail: reportedBy.email, reporterPhone: reportedBy.phone, child: child ? { id: child.id, name: fullName(child) } : null });
  return { open: open.map(view), handled: handled.map(view) };
}

export async function markHomeChangeHandled(actor: Actor, changeId: string, now = new Date()) {
  onlyDirector(actor);
  const change = await prisma.homeChange.findFirst({ where: { id: changeId, schoolId: actor.schoolId }, select: { id: true } });
  if (!change) throw new AppError('NOT_FOUND');
  await prisma.$transaction((tx) => tx.homeChange.updateMany({ where: { id: change.id, handledAt: null }, data: { handledAt: now, handledById: actor.userId } }));
}
