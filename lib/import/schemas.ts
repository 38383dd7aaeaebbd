import { z } from 'zod';

// One row of each import file. Column names are those of a Dutch pupil administration export;
// messages are keys under "import.reasons".

const name = z.string().trim().min(1, 'missingName').max(100, 'tooLong');
const optional = z.string().trim().max(100, 'tooLong').transform((v) => v || null);

/** dd-mm-jjjj (also d-m-jjjj, with / or .) or jjjj-mm-dd → a date at UTC midnight. */
export const dutchDate = z.string().trim().transform((v, ctx) => {
  let m = v.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/);
  const [y, mo, d] = m ? [+m[3], +m[2], +m[1]] : (m = v.match(/^(\d{4})-(\d{2})-(\d{2})$/)) ? [+m[1], +m[2], +m[3]] : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (Number.isNaN(+date) || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 2000 || y > 2030) {
    ctx.addIssue({ code: 'custom', message: 'invalidDate' });
    return z.NEVER;
  }
  return date;
});

export const groupName = z
  .string()
  .trim()
  .regex(/^[1-8]([-/][1-8])?\s?[A-Za-z]?$/, 'invalidGroup')
  .transform((v) => v.replace(/\s/g, '').toUpperCase());

export const gradeOf = (group: string) => Number(group[0]);

const email = z.string().trim().toLowerCase().email('invalidEmail').max(254, 'invalidEmail');
const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v, ctx) => {
    if (['', 'ja', 'j', 'yes', 'y', '1', 'true'].includes(v)) return true;
    if (['nee', 'n', 'no', '0', 'false'].includes(v)) return false;
    ctx.addIssue({ code: 'custom', message: 'invalidYesNo' });
    return z.NEVER;
  });

const guardian = z.object({
  ouder_voornaam: name,
  ouder_tussenvoegsel: optional,
  ouder_achternaam: name,
  ouder_email: email,
  ouder_telefoon: z.string().trim().max(30, 'tooLong').transform((v) => v || null),
  relatie: z.string().trim().max(40, 'tooLong').transform((v) => v.toLowerCase() || 'ouder'),
  gezag: yesNo,
  huishouden: z.string().trim().max(10, 'tooLong').transform((v) => v || '1'),
});

export const pupilRowSchema = z
  .object({
    leerlingnummer: z.string().trim().min(1, 'missingPupilNumber').max(20, 'tooLong'),
    voornaam: name,
    tussenvoegsel: optional,
    achternaam: name,
    geboortedatum: dutchDate,
    groep: groupName,
  })
  .passthrough()
  .transform((row, ctx) => {
    const hasGuardian = ['ouder_voornaam', 'ouder_achternaam', 'ouder_email'].some((k) => String((row as Record<string, unknown>)[k] ?? '').trim());
    if (!hasGuardian) return { ...row, guardian: null };
    const g = guardian.safeParse(row);
    if (!g.success) {
      for (const issue of g.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return { ...row, guardian: g.data };
  });
export type PupilRow = z.infer<typeof pupilRowSchema>;

/** "Intern begeleider" imports as a teacher who also coordinates care for the whole school. */
export const isCareCoordinatorRole = (rol: string | undefined) => rol?.trim().toLowerCase() === 'intern begeleider';

export const staffRowSchema = z.object({
  voornaam: name,
  tussenvoegsel: optional,
  achternaam: name,
  email,
  rol: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v, ctx) => {
      if (['leerkracht', 'docent', 'teacher', 'intern begeleider', 'onderwijsassistent', 'vakleerkracht'].includes(v)) return 'TEACHER' as const;
      if (['directeur', 'directie', 'schoolleider', 'director'].includes(v)) return 'DIRECTOR' as const;
      ctx.addIssue({ code: 'custom', message: 'unknownRole' });
      return z.NEVER;
    }),
  groepen: z
    .string()
    .trim()
    .transform((v) => (v ? v.split(/[\s,;]+/).filter(Boolean) : []))
    .pipe(z.array(groupName)),
});
export type StaffRow = z.infer<typeof staffRowSchema>;

export const PUPIL_COLUMNS = ['leerlingnummer', 'voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'groep', 'ouder_voornaam', 'ouder_tussenvoegsel', 'ouder_achternaam', 'ouder_email', 'ouder_telefoon', 'relatie', 'gezag', 'huishouden'];
export const STAFF_COLUMNS = ['voornaam', 'tussenvoegsel', 'achternaam', 'email', 'rol', 'groepen'];

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
