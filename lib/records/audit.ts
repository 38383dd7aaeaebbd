import 'server-only';
import { isStaff } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import type { prisma, Tx } from '@/lib/db';

/** What part of the file was read or changed; translated under "records.auditSubjects" on the director's page. */
export type AuditSubject =
  | 'file' | 'details' | 'preparation' | 'parentNote' | 'record' | 'publish' | 'agreement' | 'guidance' | 'guidanceEvaluation' | 'moment' | 'momentRemoved' | 'leftSchool' | 'leftSchoolUndone' | 'guardianEnded' | 'calendarFeed';

/** Every read and change of a child's file by staff is logged for the director; guardians' own reads are not. */
export function auditFile(db: Tx | typeof prisma, actor: Actor, childId: string, action: 'read' | 'write', subject: AuditSubject, ref?: string) {
  if (!isStaff(actor)) return Promise.resolve();
  return db.fileAudit.create({ data: { schoolId: actor.schoolId, childId, actorId: actor.userId, action, subject: ref ? `${subject} ${ref}` : subject } });
}

/**
 * A staff member's calendar feed names children (and agreed moments' purposes); calendar apps fetch
 * it every hour or so, so the read is logged once per child per day, not per fetch.
 */
export async function auditFeedRead(db: Tx | typeof prisma, actorId: string, children: Map<string, string>, now = new Date()) {
  if (children.size === 0) return;
  const since = new Date(now.getTime() - 24 * 3_600_000);
  const logged = new Set(
    (await db.fileAudit.findMany({ where: { actorId, subject: 'calendarFeed', childId: { in: [...children.keys()] }, createdAt: { gte: since } }, select: { childId: true } })).map((a) => a.childId),
  );
  const data = [...children].filter(([childId]) => !logged.has(childId)).map(([childId, schoolId]) => ({ schoolId, childId, actorId, action: 'read', subject: 'calendarFeed' }));
  if (data.length) await db.fileAudit.createMany({ data });
}
