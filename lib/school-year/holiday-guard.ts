import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { holidayOn } from '@/lib/school/working-days';

/**
 * No talks in a holiday: refuses (INVALID_INPUT on `field`, naming the holiday and the date) when one
 * of the given school-zone dates ("YYYY-MM-DD") falls in a holiday of any of the school's years.
 * Run inside the writing transaction, before anything is written.
 */
export async function refuseHolidayDates(tx: Tx, schoolId: string, dates: string[], field: string) {
  if (!dates.length) return;
  const sorted = [...dates].sort();
  const holidays = await tx.holiday.findMany({
    where: { schoolId, startDate: { lte: new Date(sorted.at(-1)!) }, endDate: { gte: new Date(sorted[0]) } },
    orderBy: { startDate: 'asc' },
    select: { name: true, startDate: true, endDate: true },
  });
  for (const date of sorted) {
    const holiday = holidayOn(date, holidays);
    if (holiday) throw new AppError('INVALID_INPUT', `${date} falls in ${holiday.name}`, { fieldErrors: { [field]: ['schoolYear.inHoliday'] }, values: { holiday: holiday.name, date } });
  }
}
