import 'server-only';
import { onlyDirector } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { proposedHolidays } from '@/lib/school/holidays-nl';
import type { AddHolidayInput, CreateYearInput, UpdateHolidayInput } from './schemas';

// School years and their holidays: the director's. A year's holidays count where the portal counts
// school days (lib/school/working-days.ts) and refuse talks planned in them (./holiday-guard.ts).

const TX = { maxWait: 10_000, timeout: 15_000 } as const;
const day = (key: string) => new Date(`${key}T00:00:00Z`); // @db.Date: midnight UTC
const key = (d: Date) => d.toISOString().slice(0, 10);

function invalid(field: string, message: string, values?: Record<string, string>): never {
  throw new AppError('INVALID_INPUT', message, { fieldErrors: { [field]: [message] }, values });
}

/** The school's years, newest first, with how many holidays each has. */
export async function schoolYears(actor: Actor) {
  onlyDirector(actor);
  return prisma.schoolYear.findMany({
    where: { schoolId: actor.schoolId },
    orderBy: { startDate: 'desc' },
    select: { id: true, name: true, startDate: true, endDate: true, _count: { select: { holidays: true } } },
  });
}

export async function schoolYearWithHolidays(actor: Actor, id: string) {
  onlyDirector(actor);
  const year = await prisma.schoolYear.findFirst({
    where: { id, schoolId: actor.schoolId },
    select: { id: true, name: true, startDate: true, endDate: true, holidays: { orderBy: [{ startDate: 'asc' }, { name: 'asc' }], select: { id: true, name: true, startDate: true, endDate: true } } },
  });
  if (!year) throw new AppError('NOT_FOUND');
  return year;
}

/**
 * A new school year with the holidays Rijksoverheid publishes for its region (those that touch the
 * year), all in one transaction. Years of one school never overlap: the school row is locked so two
 * directors creating at once cannot both pass the check.
 */
export async function createSchoolYear(actor: Actor, input: CreateYearInput) {
  onlyDirector(actor);
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "School" WHERE id = ${actor.schoolId} FOR UPDATE`;
      if (await tx.schoolYear.findFirst({ where: { schoolId: actor.schoolId, name: input.name }, select: { id: true } })) invalid('name', 'schoolYear.nameTaken');
      const overlap = await tx.schoolYear.findFirst({
        where: { schoolId: actor.schoolId, startDate: { lte: day(input.endDate) }, endDate: { gte: day(input.startDate) } },
        select: { name: true },
      });
      if (overlap) invalid('startDate', 'schoolYear.overlaps', { name: overlap.name });
      const year = await tx.schoolYear.create({ data: { schoolId: actor.schoolId, name: input.name, startDate: day(input.startDate), endDate: day(input.endDate) } });
      const holidays = proposedHolidays(input.name, input.region).filter((h) => h.startDate <= input.endDate && h.endDate >= input.startDate);
      await tx.holiday.createMany({ data: holidays.map((h) => ({ schoolId: actor.schoolId, schoolYearId: year.id, name: h.name, startDate: day(h.startDate), endDate: day(h.endDate) })) });
      return { year, holidayCount: holidays.length };
    }, TX);
  } catch (e) {
    if (isUniqueViolation(e)) invalid('name', 'schoolYear.nameTaken');
    throw e;
  }
}

/** A holiday must have at least one day inside its year (the zomervakantie runs past the year's end). */
function assertInYear(year: { startDate: Date; endDate: Date }, h: { startDate: string; endDate: string }) {
  if (h.startDate > key(year.endDate) || h.endDate < key(year.startDate)) invalid('startDate', 'schoolYear.outsideYear', { start: key(year.startDate), end: key(year.endDate) });
}

async function yearOf(tx: Tx, actor: Actor, schoolYearId: string) {
  const year = await tx.schoolYear.findFirst({ where: { id: schoolYearId, schoolId: actor.schoolId }, select: { id: true, startDate: true, endDate: true } });
  if (!year) throw new AppError('NOT_FOUND');
  return year;
}

async function holidayOf(tx: Tx, actor: Actor, holidayId: string) {
  const holiday = await tx.holiday.findFirst({ where: { id: holidayId, schoolId: actor.schoolId }, select: { id: true, schoolYearId: true } });
  if (!holiday) throw new AppError('NOT_FOUND');
  return holiday;
}

export async function addHoliday(actor: Actor, input: AddHolidayInput) {
  onlyDirector(actor);
  return prisma.$transaction(async (tx) => {
    const year = await yearOf(tx, actor, input.schoolYearId);
    assertInYear(year, input);
    return tx.holiday.create({ data: { schoolId: actor.schoolId, schoolYearId: year.id, name: input.name, startDate: day(input.startDate), endDate: day(input.endDate) } });
  }, TX);
}

export async function updateHoliday(actor: Actor, input: UpdateHolidayInput) {
  onlyDirector(actor);
  return prisma.$transaction(async (tx) => {
    const holiday = await holidayOf(tx, actor, input.holidayId);
    assertInYear(await yearOf(tx, actor, holiday.schoolYearId), input);
    return tx.holiday.update({ where: { id: holiday.id }, data: { name: input.name, startDate: day(input.startDate), endDate: day(input.endDate) } });
  }, TX);
}

export async function removeHoliday(actor: Actor, holidayId: string) {
  onlyDirector(actor);
  await prisma.$transaction(async (tx) => {
    const holiday = await holidayOf(tx, actor, holidayId);
    await tx.holiday.delete({ where: { id: holiday.id } });
  }, TX);
}
