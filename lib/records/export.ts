import 'server-only';
import { visibleChild } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { childTimeline, timelineForExport } from './timeline';

// The data-subject access request (AVG art. 15): a guardian downloads everything the portal holds
// about the child that they may see, as JSON (machine-readable) or PDF (readable). Both are made
// from the child's timeline, so neither can hold less than the file page shows.

export async function childExportData(actor: Actor, childId: string) {
  if (actor.role !== 'GUARDIAN') throw new AppError('NOT_FOUND');
  await visibleChild(actor, childId);
  const [child, timeline, bookingHistory] = await Promise.all([
    prisma.child.findUniqueOrThrow({
      where: { id: childId },
      select: {
        pupilNumber: true, firstName: true, prefix: true, lastName: true, dateOfBirth: true, leftAt: true,
        school: { select: { name: true, retentionMonths: true } },
        enrolments: { select: { group: { select: { name: true } }, schoolYear: { select: { name: true } } } },
        guardianships: { where: { endedAt: null }, select: { right: true, relation: true, user: { select: { firstName: true, prefix: true, lastName: true, email: true, phone: true } } } },
      },
    }),
    childTimeline(actor, childId),
    prisma.bookingEvent.findMany({ where: { childId, schoolId: actor.schoolId }, orderBy: { createdAt: 'asc' }, select: { kind: true, slotStart: true, createdAt: true } }),
  ]);
  return { child, timeline: timeline.entries, bookingHistory };
}

/** The JSON document: the child, its timeline and the booking history, dates in ISO 8601. */
export async function childExport(actor: Actor, childId: string) {
  const { child, timeline, bookingHistory } = await childExportData(actor, childId);
  return { exportedAt: new Date().toISOString(), child, timeline: timelineForExport(timeline), bookingHistory };
}
