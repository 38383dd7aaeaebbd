import type { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/lib/db';
import { zonedDateKey } from '@/lib/format/time';
import { prisma } from '@/lib/db';

/** The school year running today, else the next one to start, else the latest. */
export async function currentSchoolYear(schoolId: string, today = new Date(), db: Tx | typeof prisma = prisma) {
  const years = await db.schoolYear.findMany({ where: { schoolId }, orderBy: { startDate: 'asc' } });
  return (
    years.find((y) => y.startDate <= today && today <= y.endDate) ??
    years.find((y) => y.startDate > today) ??
    years.at(-1) ??
    null
  );
}

/** Pupils who have not left: a rollover prepared in July records a leaving date that is still to come. */
export function stillAtSchool(now = new Date()) {
  return { OR: [{ leftAt: null }, { leftAt: { gt: now } }] } satisfies Prisma.ChildWhereInput;
}

/** Whether the year's last day (a @db.Date, midnight UTC) lies before today in the school's zone. */
export function yearHasEnded(year: { endDate: Date }, now = new Date()) {
  return year.endDate.toISOString().slice(0, 10) < zonedDateKey(now);
}
