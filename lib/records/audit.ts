import 'server-only';
import { isStaff } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import type { prisma, Tx } from '@/lib/db';

/** What part of the file was read or changed; translated under "records.auditSubjects" on the director's page. */
export type AuditSubject =
  | 'file' | 'details' | 'preparation' | 'parentNote' | 'record' | 'publish' | 'agreement' | 'guidance' | 'guidanceEvaluation' | 'moment' | 'momentRemoved' | 'leftSchool' | 'leftSchoolUndone' | 'guardianEnded';

/** Every read and change of a child's file by staff is logged for the director; guardians' own reads are not. */
export function auditFile(db: Tx | typeof prisma, actor: Actor, childId: string, action: 'read' | 'write', subject: AuditSubject, ref?: string) {
  if (!isStaff(actor)) return Promise.resolve();
  return db.fileAudit.create({ data: { schoolId: actor.schoolId, childId, actorId: actor.userId, action, subject: ref ? `${subject} ${ref}` : subject } });
}
