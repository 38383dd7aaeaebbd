import type { Tx } from '@/lib/db';
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
