import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

export type Db = PrismaClient;
/** A transaction client, as handed to `prisma.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createPrisma(url = process.env.DATABASE_URL) {
  if (!url) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded database).');
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) }) });
}

// Created on first use so that importing this module (e.g. during `next build`) needs no database.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    globalForPrisma.prisma ??= createPrisma();
    const value = Reflect.get(globalForPrisma.prisma, prop);
    return typeof value === 'function' ? value.bind(globalForPrisma.prisma) : value;
  },
});
