import 'server-only';
import { subMonths } from 'date-fns';
import { onChildFile } from '@/lib/access/child-file';
import { onlyDirector } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { auditFile } from './audit';

// A child's file is kept for the period the school sets after the child left, then deleted as a
// whole; what was deleted (counts, no names) is logged in ChildDeletion for the director.

/** The director records that a child left the school (the retention period starts then), or undoes it. */
export async function setChildLeft(actor: Actor, childId: string, leftAt: Date | null) {
  await prisma.$transaction(async (tx) => {
    await onChildFile(actor, childId, 'child', 'write', tx);
    const res = await tx.child.updateMany({ where: { id: childId, schoolId: actor.schoolId }, data: { leftAt } });
    if (res.count !== 1) throw new AppError('NOT_FOUND');
    await auditFile(tx, actor, childId, 'write', leftAt ? 'leftSchool' : 'leftSchoolUndone');
  });
}

export async function setRetentionMonths(actor: Actor, months: number) {
  onlyDirector(actor);
  await prisma.school.update({ where: { id: actor.schoolId }, data: { retentionMonths: months } });
}

export async function retentionOverview(actor: Actor) {
  onlyDirector(actor);
  const [school, left, deletions] = await Promise.all([
    prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { retentionMonths: true } }),
    prisma.child.findMany({ where: { schoolId: actor.schoolId, leftAt: { not: null } }, orderBy: { leftAt: 'asc' }, select: { id: true, firstName: true, prefix: true, lastName: true, pupilNumber: true, leftAt: true } }),
    prisma.childDeletion.findMany({ where: { schoolId: actor.schoolId }, orderBy: { deletedAt: 'desc' }, take: 100 }),
  ]);
  return { retentionMonths: school.retentionMonths, left, deletions };
}

/**
 * Delete the files whose retention period has passed, each in its own transaction: the child and
 * everything hanging off it (cascades), plus the rows that only carry its id (audit, booking history).
 */
export async function deleteExpiredFiles(now = new Date(), scope: { schoolId?: string } = {}) {
  // The job runs for every school; a scope keeps a caller (a test) to its own school's children.
  const schools = await prisma.school.findMany({ where: scope.schoolId ? { id: scope.schoolId } : {}, select: { id: true, retentionMonths: true } });
  let deleted = 0;
  for (const school of schools) {
    const expired = await prisma.child.findMany({
      where: { schoolId: school.id, leftAt: { lte: subMonths(now, school.retentionMonths) } },
      select: { id: true, pupilNumber: true, leftAt: true },
    });
    for (const child of expired) {
      await prisma.$transaction(async (tx) => {
        const where = { childId: child.id, schoolId: school.id };
        // One after the other: a transaction is one connection, which runs one query at a time.
        const records = await tx.talkRecord.count({ where });
        const agreements = await tx.agreement.count({ where });
        const notes = await tx.childNote.count({ where });
        const guidancePlans = await tx.homeGuidancePlan.count({ where });
        const preparations = await tx.talkPreparation.count({ where });
        const moments = await tx.arrangedMoment.count({ where });
        const bookings = await tx.booking.count({ where });
        const attendance = await tx.eventAttendance.count({ where });
        const audit = await tx.fileAudit.deleteMany({ where });
        const bookingEvents = await tx.bookingEvent.deleteMany({ where });
        await tx.child.delete({ where: { id: child.id } });
        await tx.childDeletion.create({
          data: {
            schoolId: school.id, pupilNumber: child.pupilNumber, leftAt: child.leftAt!, deletedAt: now,
            counts: { records, agreements, notes, guidancePlans, preparations, moments, bookings, attendance, auditEntries: audit.count, bookingEvents: bookingEvents.count },
          },
        });
      });
      deleted++;
    }
  }
  return deleted;
}
