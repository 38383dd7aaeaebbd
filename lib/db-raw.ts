import 'server-only';
import pg from 'pg';
import { UTC_SESSION, type Tx } from '@/lib/db';

// Plain SQL for the one hot path where it was measured to matter: booking at the opening minute.
// A Prisma query costs ~1 ms of CPU here against ~0.15 ms for the same query through pg, and a
// booking is one statement rather than an interactive transaction of a dozen queries.

export type Exec = <T = Record<string, unknown>>(sql: string, params: unknown[]) => Promise<T[]>;

const globalForPg = globalThis as unknown as { rawPool?: pg.Pool };

// Prisma keeps DateTime as UTC in `timestamp` columns (no zone). node-pg would read those as this
// process's local time and send a Date as local time with an offset that PostgreSQL drops for a
// `timestamp`: on a server in New York every instant moved by hours. Both ways are UTC here.
const TIMESTAMP = 1114;
const utcTimestamp = (s: string) => new Date(`${s.replace(' ', 'T')}Z`);
const types = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === TIMESTAMP && format !== 'binary' ? utcTimestamp : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser };
const utcParam = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.map(utcParam) : v);

function pool() {
  if (!globalForPg.rawPool) {
    const p = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10), options: UTC_SESSION, types });
    // When PostgreSQL restarts, every idle connection errors. The pool has already dropped it and
    // opens a new one on the next query; without a listener Node would treat the event as fatal
    // and the whole server would exit.
    p.on('error', (e) => console.warn(`[db] idle connection lost: ${e.message}`));
    globalForPg.rawPool = p;
  }
  return globalForPg.rawPool;
}

/** Run on the shared pool: each statement is its own (atomic) transaction. */
export const poolExec: Exec = async (sql, params) => (await pool().query(sql, params.map(utcParam))).rows;

/** Run inside a Prisma interactive transaction, so it commits or rolls back with the rest. */
export const txExec =
  (tx: Tx): Exec =>
  (sql, params) =>
    tx.$queryRawUnsafe(sql, ...params);

/** The unique constraint a statement ran into, from a pg error or Prisma's wrapping of one. */
export function violatedConstraint(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const err = e as { code?: string; constraint?: string; message?: string; meta?: unknown };
  if (err.code === '23505' && err.constraint) return err.constraint;
  const text = `${err.message ?? ''} ${JSON.stringify(err.meta ?? '')}`;
  if (!/23505|unique constraint|Unique constraint/i.test(text)) return null;
  return text.match(/unique constraint \\?"([\w]+)\\?"/i)?.[1] ?? 'unknown';
}
