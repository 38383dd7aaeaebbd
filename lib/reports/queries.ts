import 'server-only';
import { onlyDirector, onlyGuardian } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { fullName } from '@/lib/format/name';
import { stillAtSchool } from '@/lib/school/year';

/**
 * The children a guardian reports for, with their right: every guardian reports absence and
 * changes; leave is asked by a guardian with authority (the services check it again).
 */
export async function guardianChildren(actor: Actor, now = new Date()) {
  onlyGuardian(actor);
  const rows = await prisma.guardianship.findMany({
    where: { userId: actor.userId, schoolId: actor.schoolId, endedAt: null, child: stillAtSchool(now) },
    orderBy: [{ child: { dateOfBirth: 'desc' } }, { childId: 'asc' }],
    select: { right: true, child: { select: { id: true, firstName: true, prefix: true, lastName: true } } },
  });
  return rows.map((r) => ({ id: r.child.id, firstName: r.child.firstName, name: fullName(r.child), authority: r.right === 'AUTHORITY' }));
}

/** What waits for the director: leave requests to decide and changes from home to handle. */
export async function directorReportCounts(actor: Actor) {
  onlyDirector(actor);
  const [pendingLeave, openChanges] = await Promise.all([
    prisma.leaveRequest.count({ where: { schoolId: actor.schoolId, status: 'PENDING' } }),
    prisma.homeChange.count({ where: { schoolId: actor.schoolId, handledAt: null } }),
  ]);
  return { pendingLeave, openChanges };
}
