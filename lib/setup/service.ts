import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { prisma, type Tx } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { createDefaultStages } from '@/lib/school/stages';
import { type SchoolSetup, schoolSetupSchema, splitName } from './schemas';

export const SETUP_LINK_VALID_HOURS = 24;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Bad input: nothing was written; `fieldErrors` are keys under "setup.errors". */
export class SetupInputError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string[]>) {
    super('INVALID_INPUT');
  }
}

function parse(input: unknown): SchoolSetup {
  const parsed = schoolSetupSchema.safeParse(input);
  if (!parsed.success) throw new SetupInputError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  return parsed.data;
}

const slugOf = (name: string, brin: string) =>
  `${name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)}-${brin.toLowerCase()}`;

/**
 * Board (found by name, else created), school with the default talk cycle, and its first director,
 * in the caller's transaction. An existing account becomes director here but keeps its own name:
 * provisioning never edits a person who may belong to another school.
 */
async function provisionIn(tx: Tx, s: SchoolSetup) {
  if (await tx.school.findUnique({ where: { brin: s.brin }, select: { id: true } })) throw new SetupInputError({ brin: ['brinTaken'] });
  const board =
    (await tx.board.findFirst({ where: { name: { equals: s.boardName, mode: 'insensitive' } }, orderBy: { createdAt: 'asc' } })) ??
    (await tx.board.create({ data: { name: s.boardName } }));
  const school = await tx.school.create({
    data: { boardId: board.id, name: s.name, slug: slugOf(s.name, s.brin), brin: s.brin, city: s.city, timeZone: s.timeZone, holidayRegion: s.holidayRegion },
  });
  await createDefaultStages(tx, school.id);
  const name = splitName(s.directorName)!;
  const director =
    (await tx.user.findUnique({ where: { email: s.directorEmail } })) ?? (await tx.user.create({ data: { email: s.directorEmail, ...name } }));
  await tx.membership.create({ data: { schoolId: school.id, userId: director.id, role: 'DIRECTOR' } });
  return { board, school, director };
}

async function inTransaction<T>(fn: (tx: Tx) => Promise<T>) {
  try {
    return await prisma.$transaction(fn);
  } catch (e) {
    // Two provisioning runs for one BRIN at once: the unique index decides, the loser hears why.
    if (isUniqueViolation(e)) throw new SetupInputError({ brin: ['brinTaken'] });
    throw e;
  }
}

/** `npm run school -- create` and the setup page: one school, its board and its first director. */
export async function provisionSchool(input: unknown) {
  const s = parse(input);
  return inTransaction((tx) => provisionIn(tx, s));
}

/** A fresh setup link for an installation without schools; null once there is one. */
export async function issueSetupToken(now = new Date()) {
  return prisma.$transaction(async (tx) => ((await tx.school.count()) > 0 ? null : newSetupToken(tx, now)));
}

/** Only the newest link works: every start that prints one retires the ones printed before. */
export async function newSetupToken(tx: Tx, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  await tx.setupToken.deleteMany({ where: { usedAt: null } });
  await tx.setupToken.create({ data: { tokenHash: sha256(token), expiresAt: new Date(now.getTime() + SETUP_LINK_VALID_HOURS * 3600_000) } });
  return token;
}

/** Whether the setup page may be shown for this link (it is not spent by looking). */
export async function setupTokenUsable(token: string, now = new Date()) {
  return (await prisma.setupToken.count({ where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: now } } })) === 1;
}

/**
 * The setup page's submit: the link is spent in the same transaction that creates the school, so
 * bad input leaves it usable and a second submit (or a second tab) gets LINK_INVALID.
 */
export async function completeSetup(token: string, input: unknown, now = new Date()) {
  const s = parse(input);
  return inTransaction(async (tx) => {
    const spent = await tx.setupToken.updateMany({ where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (spent.count !== 1) throw new AppError('LINK_INVALID');
    return provisionIn(tx, s);
  });
}

/** Boards already on this installation, to pick from instead of typing a new one. */
export async function boardNames() {
  return (await prisma.board.findMany({ select: { name: true }, orderBy: { name: 'asc' } })).map((b) => b.name);
}
