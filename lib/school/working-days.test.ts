import { describe, expect, it } from 'vitest';
import { easterSunday, HOLIDAY_REGIONS, NL_SCHOOL_YEARS, proposedHolidays } from './holidays-nl';
import { addWorkingDays, endOfNextWorkingDay, holidayOn, isSchoolDay } from './working-days';

// As stored: @db.Date columns come back as midnight UTC.
const midden = proposedHolidays('2026-2027', 'midden').map((h) => ({ name: h.name, startDate: new Date(h.startDate), endDate: new Date(h.endDate) }));

describe('Dutch school holidays', () => {
  it('Easter matches the known dates, and every vacation runs Saturday to Sunday', () => {
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
    for (const [year, data] of Object.entries(NL_SCHOOL_YEARS)) {
      expect(easterSunday(Number(data.easter.slice(0, 4))), year).toBe(data.easter);
      for (const region of HOLIDAY_REGIONS)
        for (const [start, end] of Object.values(data.vacations[region])) {
          expect(new Date(start).getUTCDay(), `${year} ${region} ${start}`).toBe(6);
          expect(new Date(end).getUTCDay(), `${year} ${region} ${end}`).toBe(0);
        }
    }
  });

  it('2027-2028 zuid: the national days off in school time, Koningsdag falls in the meivakantie', () => {
    expect(proposedHolidays('2027-2028', 'zuid')).toEqual([
      { name: 'Herfstvakantie', startDate: '2027-10-23', endDate: '2027-10-31' },
      { name: 'Kerstvakantie', startDate: '2027-12-25', endDate: '2028-01-09' },
      { name: 'Voorjaarsvakantie', startDate: '2028-02-26', endDate: '2028-03-05' },
      { name: 'Goede Vrijdag', startDate: '2028-04-14', endDate: '2028-04-14' },
      { name: 'Tweede Paasdag', startDate: '2028-04-17', endDate: '2028-04-17' },
      { name: 'Meivakantie', startDate: '2028-04-22', endDate: '2028-04-30' },
      { name: 'Hemelvaart', startDate: '2028-05-25', endDate: '2028-05-26' },
      { name: 'Tweede Pinksterdag', startDate: '2028-06-05', endDate: '2028-06-05' },
      { name: 'Zomervakantie', startDate: '2028-07-15', endDate: '2028-08-27' },
    ]);
    expect(proposedHolidays('2030-2031', 'zuid')).toEqual([]);
  });
});

describe('working days', () => {
  it('weekends and holidays are not school days', () => {
    expect(isSchoolDay('2026-12-18', midden)).toBe(true); // Friday
    expect(isSchoolDay('2026-12-19', midden)).toBe(false); // Saturday, kerstvakantie
    expect(isSchoolDay('2026-12-21', midden)).toBe(false); // Monday in the kerstvakantie
    expect(isSchoolDay('2027-01-04', midden)).toBe(true);
    expect(isSchoolDay('2027-05-07', midden)).toBe(false); // the Friday after Hemelvaart
    expect(isSchoolDay('2026-12-12', [])).toBe(false); // Saturday
    expect(holidayOn('2027-03-29', midden)?.name).toBe('Tweede Paasdag');
  });

  it('an instant counts by its date in Amsterdam, not in UTC', () => {
    // 23:30 UTC on Sunday 3 January is 00:30 on Monday 4 January in Amsterdam.
    expect(isSchoolDay(new Date('2027-01-03T23:30:00Z'), midden)).toBe(true);
    expect(isSchoolDay(new Date('2027-01-03T22:30:00Z'), midden)).toBe(false);
  });

  it('the Friday before the kerstvakantie: the next working day is Monday 4 January 2027', () => {
    const friday = new Date('2026-12-18T14:00:00Z');
    expect(addWorkingDays(friday, 1, midden)).toBe('2027-01-04');
    expect(addWorkingDays(friday, 3, midden)).toBe('2027-01-06');
    // End of that Monday in Amsterdam (CET, UTC+1).
    expect(endOfNextWorkingDay(friday, midden).toISOString()).toBe('2027-01-04T22:59:59.999Z');
  });

  it('skips a weekend, Goede Vrijdag and Tweede Paasdag together', () => {
    expect(addWorkingDays('2027-03-25', 1, midden)).toBe('2027-03-30');
    // Summer time: the end of Tuesday 30 March is 21:59:59.999 UTC.
    expect(endOfNextWorkingDay(new Date('2027-03-25T09:00:00Z'), midden).toISOString()).toBe('2027-03-30T21:59:59.999Z');
    expect(addWorkingDays('2026-12-02', 5, [])).toBe('2026-12-09');
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => addWorkingDays('2026-12-02', 0, [])).toThrow(RangeError);
  });
});
