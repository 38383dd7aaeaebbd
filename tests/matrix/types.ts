import type { Actor } from '@/lib/auth/actor';
import type { ResourceKind } from '@/lib/access/policy';
import { AppError } from '@/lib/errors';

// Shared by the access-matrix test (tests/access-matrix.int.test.ts) and the probe files of each
// feature beside this one: a probe is the call a page or action makes for one kind and verb.

export type Rounds = { roundId: string; invitingRoundId: string; fairRoundId: string; invitingFairRoundId: string };
/** One child in the matrix world, with what its school's director prepared for it. */
export type Target = Rounds & {
  id: string;
  schoolId: string;
  groupId: string;
  recordId: string;
  agreementId: string;
  guardians: { userId: string; email: string }[];
  /** The director of the child's school, to prepare rows a probe reads. */
  director: Actor;
};
export type Probe = (actor: Actor, child: Target) => Promise<unknown>;
export type Probes = Partial<Record<`${ResourceKind}.${string}`, Probe>>;

/** For a probe whose "refused" is an absence from a list rather than an error. */
export const refusedAsNotFound = (): never => {
  throw new AppError('NOT_FOUND');
};
