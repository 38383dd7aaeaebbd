import { z } from 'zod';
import { idSchema as id } from '@/lib/access/action';
import { HOLIDAY_REGIONS } from '@/lib/school/holidays-nl';

// Error messages are keys under "errors" in messages/*.json.

/** A calendar date "YYYY-MM-DD" that exists (no 31 February). */
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'schoolYear.invalidDate')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(+d) && d.toISOString().startsWith(v);
  }, 'schoolYear.invalidDate');

export const createYearSchema = z
  .object({
    name: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{4}$/, 'schoolYear.invalidName')
      .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, 'schoolYear.invalidName'),
    startDate: date,
    endDate: date,
    region: z.enum(HOLIDAY_REGIONS, 'schoolYear.invalidRegion'),
  })
  .refine((v) => v.startDate < v.endDate, { message: 'schoolYear.endBeforeStart', path: ['endDate'] });
export type CreateYearInput = z.infer<typeof createYearSchema>;

const holidayFields = {
  name: z.string().trim().min(1, 'required').max(80, 'tooLong'),
  startDate: date,
  endDate: date,
};
const endNotBeforeStart = { message: 'schoolYear.holidayEndBeforeStart', path: ['endDate'] };

export const addHolidaySchema = z.object({ schoolYearId: id, ...holidayFields }).refine((v) => v.startDate <= v.endDate, endNotBeforeStart);
export type AddHolidayInput = z.infer<typeof addHolidaySchema>;

export const updateHolidaySchema = z.object({ holidayId: id, ...holidayFields }).refine((v) => v.startDate <= v.endDate, endNotBeforeStart);
export type UpdateHolidayInput = z.infer<typeof updateHolidaySchema>;

export const removeHolidaySchema = z.object({ holidayId: id });
