import type { Role } from '@/generated/prisma/client';

export const HOME_BY_ROLE: Record<Role, string> = { GUARDIAN: '/ouder', TEACHER: '/leerkracht', DIRECTOR: '/directie' };
