import 'server-only';
import { onlyDirector } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** The director names a teacher as internal supervisor (intern begeleider), or takes it back. */
export async function setCareCoordinator(actor: Actor, membershipId: string, on: boolean) {
  onlyDirector(actor);
  const res = await prisma.membership.updateMany({ where: { id: membershipId, schoolId: actor.schoolId, role: 'TEACHER' }, data: { careCoordinator: on } });
  if (res.count !== 1) throw new AppError('NOT_FOUND');
}
