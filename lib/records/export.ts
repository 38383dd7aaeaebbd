import 'server-only';
import { onChildFile, withVisibleContacts } from '@/lib/access/child-file';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { childTimeline, timelineForExport } from './timeline';

// The data-subject access request (AVG art. 15): a guardian downloads everything the portal holds
// about the child that they may see, as JSON (machine-readable) or PDF (readable). Both are made
// from the child's timeline, so neither can hold less than the file page shows. It is the legal
// representative's to request (a guardian with authority) and the director's to give; it holds the
// other household's names, not their contact details (unless the school shares those).

export async function childExportData(actor: Actor, childId: string) {
  const rel = await onChildFile(actor, childId, 'export', 'read');
  const [{ guardianships, ...child }, timeline, bookingHistory] = await Promise.all([
    prisma.child.findUniqueOrThrow({
      where: { id: childId },
      select: {
        pupilNumber: true, firstName: true, prefix: true, lastName: true, dateOfBirth: true, leftAt: true,
        school: { select: { name: true, retentionMonths: true, shareGuardianContacts: true } },
        enrolments: { select: { group: { select: { name: true } }, schoolYear: { select: { name: true } } } },
        guardianships: { where: { endedAt: null }, select: { right: true, relation: true, householdId: true, user: { select: { firstName: true, prefix: true, lastName: true, email: true, phone: true } } } },
      },
    }),
    childTimeline(actor, childId),
    prisma.bookingEvent.findMany({ where: { childId, schoolId: actor.schoolId }, orderBy: { createdAt: 'asc' }, select: { kind: true, slotStart: true, createdAt: true } }),
  ]);
  const visible = withVisibleContacts(rel, child.school.shareGuardianContacts, guardianships).map((g) => ({ right: g.right, relation: g.relation, user: g.user }));
  return { child: { ...child, school: { name: child.school.name, retentionMonths: child.school.retentionMonths }, guardianships: visible }, timeline: timeline.entries, bookingHistory };
}

/** The JSON document: the child, its timeline and the booking history, dates in ISO 8601. */
export async function childExport(actor: Actor, childId: string) {
  const { child, timeline, bookingHistory } = await childExportData(actor, childId);
  return { exportedAt: new Date().toISOString(), child, timeline: timelineForExport(timeline), bookingHistory };
}
