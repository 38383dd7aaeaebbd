import type { Role } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { HOME_BY_ROLE } from '@/lib/auth/home';
import { AppError } from '@/lib/errors';

// Who the actor is at this school, asked in one place: features ask these questions and never read
// `actor.role` themselves (lint enforces it, see eslint.config.mjs), so the answer can change here
// (a board admin, a duo colleague standing in) without a search through every feature.

type Who = Pick<Actor, 'role' | 'care'>;

export const isGuardian = (actor: Who) => actor.role === 'GUARDIAN';
export const isStaff = (actor: Who) => actor.role === 'TEACHER' || actor.role === 'DIRECTOR';
export const isTeacher = (actor: Who) => actor.role === 'TEACHER';
export const isDirector = (actor: Who) => actor.role === 'DIRECTOR';
/** The internal supervisor (intern begeleider): a teacher who coordinates care for the whole school. */
export const isCareCoordinator = (actor: Who) => actor.role === 'TEACHER' && !!actor.care;

// Guards for one kind of actor: anyone else gets NOT_FOUND, so a page or row is not even confirmed to exist.
export function onlyGuardian(actor: Who) {
  if (!isGuardian(actor)) throw new AppError('NOT_FOUND');
}
export function onlyStaff(actor: Who) {
  if (!isStaff(actor)) throw new AppError('NOT_FOUND');
}
export function onlyDirector(actor: Who) {
  if (!isDirector(actor)) throw new AppError('NOT_FOUND');
}

/** Where the actor's own home page is. */
export const homeOf = (actor: Who) => HOME_BY_ROLE[actor.role];
/** The role as a message key ("roles.GUARDIAN" …) for the header. */
export const roleKey = (actor: Who): Role => actor.role;

/** Which roles may call an action or open a page: the argument of requireRole. */
export const ROLES = {
  guardian: ['GUARDIAN'],
  staff: ['TEACHER', 'DIRECTOR'],
  director: ['DIRECTOR'],
  anyone: [],
} as const satisfies Record<string, readonly Role[]>;
