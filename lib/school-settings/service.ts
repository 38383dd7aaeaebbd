import 'server-only';
import { onlyDirector } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import type { ComplaintSettings } from './schemas';

// School settings the director keeps: the complaint route's formal procedure (the board's regulation,
// a link) and the confidential counsellor (vertrouwenspersoon), shown to parents at every step.

const fields = { complaintProcedureUrl: true, counsellorName: true, counsellorContact: true } as const;

/** The complaint route of the actor's school, for everyone there (parents see it on every step). */
export function complaintRoute(actor: Actor): Promise<ComplaintSettings> {
  return prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: fields });
}

/** The director sets all three at once; an empty field clears it. */
export async function saveComplaintSettings(actor: Actor, input: ComplaintSettings) {
  onlyDirector(actor);
  await prisma.$transaction(async (tx) => {
    await tx.school.update({ where: { id: actor.schoolId }, data: input, select: { id: true } });
  });
}
