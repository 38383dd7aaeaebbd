import { PrismaPg } from '@prisma/adapter-pg';
import type { PoolClient } from 'pg';
import { PrismaClient } from '@/generated/prisma/client';

export type Db = PrismaClient;
/** A transaction client, as handed to `prisma.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * Prisma 6.19 ends an interactive transaction by sending COMMIT or ROLLBACK and only then handing
 * the connection back to the pool. When that statement fails because PostgreSQL went away, the
 * connection is never handed back: every transaction in flight during a database restart would
 * cost a pool slot for good, until all requests wait forever. Here such a connection is released
 * as broken (the pool discards it) the moment its COMMIT or ROLLBACK fails; Prisma does not touch
 * it afterwards. (Idle connections need nothing: the adapter already listens for their errors.)
 */
class ResilientPrismaPg extends PrismaPg {
  async connect() {
    const adapter = await super.connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await start(isolationLevel);
      const conn = (tx as unknown as { client: PoolClient }).client;
      const executeRaw = tx.executeRaw.bind(tx);
      tx.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (e) {
          if (query.sql === 'COMMIT' || query.sql === 'ROLLBACK') conn.release(e instanceof Error ? e : true);
          throw e;
        }
      };
      return tx;
    };
    return adapter;
  }
}

/**
 * Timestamps are stored as UTC in `timestamp` columns (Prisma's convention), while `now()` and column
 * defaults in SQL follow the session's TimeZone, which a server takes from its configuration (initdb
 * copies the zone of whoever created it). Every connection therefore speaks UTC, whatever the zone of
 * the database server or of this process.
 */
export const UTC_SESSION = '-c TimeZone=UTC';

export function createPrisma(url = process.env.DATABASE_URL) {
  if (!url) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded database).');
  return new PrismaClient({
    adapter: new ResilientPrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10), options: UTC_SESSION }),
  });
}

// Created on first use so that importing this module (e.g. during `next build`) needs no database.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    globalForPrisma.prisma ??= createPrisma();
    const value = Reflect.get(globalForPrisma.prisma, prop);
    return typeof value === 'function' ? value.bind(globalForPrisma.prisma) : value;
  },
});
