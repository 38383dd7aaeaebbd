import { expect } from '@playwright/test';
import type { Kit } from './kit';
import type { ActionCases } from './types';

// The pupil administration's import: custody rights for a whole school in one action. Only the
// school's own director, only into their own school's years; a sync ends what the file no longer
// lists at that school and nowhere else; a rejected row writes nothing at all. Every case imports
// into a new school of its own, with its own addresses; the demo school is checked to stay as it was.

const IMPORT = 'lib/import/actions.ts#importAction';
const HEADER = 'leerlingnummer;voornaam;tussenvoegsel;achternaam;geboortedatum;groep;ouder_voornaam;ouder_tussenvoegsel;ouder_achternaam;ouder_email;ouder_telefoon;relatie;gezag;huishouden';

/** Two pupils: Sem with two parents with authority in one household, Yara with a parent who has the right to information only. */
function pupils(id: string, opts: { withoutYara?: boolean } = {}) {
  const rows = [
    `${id}1;Sem;;Dekker;12-05-2018;3B;Lotte;;Dekker;lotte-${id}@cases.test;0611111111;moeder;ja;1`,
    `${id}1;Sem;;Dekker;12-05-2018;3B;Bas;;Dekker;bas-${id}@cases.test;;vader;ja;1`,
    `${id}2;Yara;van;Smit;03-02-2018;3B;Pieter;;Smit;pieter-${id}@cases.test;;vader;nee;1`,
  ];
  return [HEADER, ...(opts.withoutYara ? rows.slice(0, 2) : rows)].join('\n') + '\n';
}
// A form's text fields travel with CRLF line breaks (multipart/form-data), and the form gets them back so.
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const form = (k: Kit, pupilsText: string, intent: 'preview' | 'confirm', extra: Record<string, string> = {}) => k.form({ pupilsText, staffText: '', intent, mode: 'add', ...extra });

async function importSchool(k: Kit) {
  const slug = await k.newSchool();
  const school = await k.school(slug);
  return { slug, school, id: k.uid(), director: await k.staff({ role: 'DIRECTOR', school: slug }), teacher: await k.staff({ role: 'TEACHER', school: slug }) };
}

/** Everything an import writes at a school: pupils and their groups, who has which right, memberships. */
const schoolState = (k: Kit, schoolId: string) => async () => ({
  children: await k.db.child.findMany({ where: { schoolId }, orderBy: { pupilNumber: 'asc' }, select: { pupilNumber: true, firstName: true, prefix: true, lastName: true, leftAt: true, enrolments: { select: { group: { select: { name: true, grade: true } } } } } }),
  guardianships: await k.db.guardianship.findMany({ where: { schoolId }, orderBy: [{ child: { pupilNumber: 'asc' } }, { user: { email: 'asc' } }], select: { right: true, relation: true, endedAt: true, endReason: true, child: { select: { pupilNumber: true } }, user: { select: { email: true } } } }),
  memberships: (await k.db.membership.findMany({ where: { schoolId }, select: { role: true, user: { select: { email: true } } } })).map((m) => `${m.role} ${m.user.email}`).sort(),
});
/** The demo school, which no case here may touch. */
const demo = async (k: Kit) => schoolState(k, (await k.school()).id);

export const cases: ActionCases = {
  [IMPORT]: {
    allowed: async (k) => {
      const s = await importSchool(k);
      const state = schoolState(k, s.school.id);
      await k.unchanged(await demo(k), async () => {
        // The preview writes nothing and hands the file back to the form.
        await k.unchanged(state, async () => {
          const preview = await k.call(IMPORT, [null, form(k, pupils(s.id), 'preview')], s.director.cookie);
          expect(preview).toMatchObject({ result: { ok: true, stage: 'preview', files: { pupils: crlf(pupils(s.id)), staff: '', mode: 'add', year: '' }, plan: { rejected: [], losing: [], leaving: [] } } });
        });
        const done = await k.call(IMPORT, [null, form(k, pupils(s.id), 'confirm')], s.director.cookie);
        expect(done).toMatchObject({ result: { ok: true, stage: 'done', plan: { rejected: [], counts: { children: { create: 2 }, guardians: { create: 3 }, guardianships: { create: 3 }, groups: { create: 1 } } } } });
        const group = { group: { name: '3B', grade: 3 } };
        expect(await state()).toEqual({
          children: [
            { pupilNumber: `${s.id}1`, firstName: 'Sem', prefix: null, lastName: 'Dekker', leftAt: null, enrolments: [group] },
            { pupilNumber: `${s.id}2`, firstName: 'Yara', prefix: 'van', lastName: 'Smit', leftAt: null, enrolments: [group] },
          ],
          guardianships: [
            { right: 'AUTHORITY', relation: 'vader', endedAt: null, endReason: null, child: { pupilNumber: `${s.id}1` }, user: { email: `bas-${s.id}@cases.test` } },
            { right: 'AUTHORITY', relation: 'moeder', endedAt: null, endReason: null, child: { pupilNumber: `${s.id}1` }, user: { email: `lotte-${s.id}@cases.test` } },
            { right: 'INFORMATION', relation: 'vader', endedAt: null, endReason: null, child: { pupilNumber: `${s.id}2` }, user: { email: `pieter-${s.id}@cases.test` } },
          ],
          memberships: [`DIRECTOR ${s.director.email}`, `GUARDIAN bas-${s.id}@cases.test`, `GUARDIAN lotte-${s.id}@cases.test`, `GUARDIAN pieter-${s.id}@cases.test`, `TEACHER ${s.teacher.email}`].sort(),
        });

        // A sync without Yara: her father's access ends (he has no child left here, so no membership either), she has left.
        const sync = await k.call(IMPORT, [null, form(k, pupils(s.id, { withoutYara: true }), 'confirm', { mode: 'sync' })], s.director.cookie);
        expect(sync).toMatchObject({ result: { ok: true, stage: 'done', plan: { losing: [{ guardian: `Pieter Smit <pieter-${s.id}@cases.test>`, child: 'Yara van Smit' }], leaving: ['Yara van Smit'] } } });
        const after = await state();
        expect(after.guardianships.map((g) => [g.user.email, g.endedAt !== null, g.endReason])).toEqual([
          [`bas-${s.id}@cases.test`, false, null], [`lotte-${s.id}@cases.test`, false, null], [`pieter-${s.id}@cases.test`, true, 'IMPORT_SYNC'],
        ]);
        expect(after.memberships).not.toContain(`GUARDIAN pieter-${s.id}@cases.test`);
        expect(after.children.map((c) => [c.pupilNumber, c.leftAt !== null])).toEqual([[`${s.id}1`, false], [`${s.id}2`, true]]);
      });
    },
    outsider: async (k) => {
      const s = await importSchool(k);
      await k.call(IMPORT, [null, form(k, pupils(s.id), 'confirm')], s.director.cookie);
      const other = await importSchool(k);
      await k.unchanged(await demo(k), async () => {
        await k.unchanged(schoolState(k, s.school.id), async () => {
          // A teacher cannot import; another school's director cannot import into this school's year.
          expect(await k.call(IMPORT, [null, form(k, pupils(s.id, { withoutYara: true }), 'confirm', { mode: 'sync' })], s.teacher.cookie)).toEqual({ notFound: true });
          expect(await k.call(IMPORT, [null, form(k, pupils(other.id), 'confirm', { mode: 'sync', year: s.school.year.id })], other.director.cookie)).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
          // A sync at their own school, with a file that lists none of this school's pupils, ends nothing here.
          expect(await k.call(IMPORT, [null, form(k, pupils(other.id), 'confirm', { mode: 'sync' })], other.director.cookie)).toMatchObject({ result: { ok: true, stage: 'done', plan: { losing: [], leaving: [] } } });
        });
      });
      expect((await schoolState(k, other.school.id)()).children.map((c) => c.pupilNumber)).toEqual([`${other.id}1`, `${other.id}2`]);
    },
    badInput: async (k) => {
      const s = await importSchool(k);
      await k.unchanged(schoolState(k, s.school.id), async () => {
        expect(await k.call(IMPORT, [null, form(k, '', 'confirm')], s.director.cookie)).toEqual({ result: { ok: false, error: 'noFiles' } });
        // One bad row (a date that does not exist, an address that is none): the whole file is refused, nothing written.
        const bad = pupils(s.id).replace('03-02-2018', '31-02-2018').replace(`bas-${s.id}@cases.test`, 'bas-at-cases.test');
        const answer = await k.call(IMPORT, [null, form(k, bad, 'confirm')], s.director.cookie);
        expect(answer).toMatchObject({ result: { ok: false, error: 'rowsRejected', files: { pupils: crlf(bad) } } });
        expect((answer as { result: { plan: { rejected: unknown[] } } }).result.plan.rejected).toEqual([
          { file: 'pupils', row: 3, reason: 'invalidEmail', field: 'ouder_email' },
          { file: 'pupils', row: 4, reason: 'invalidDate', field: 'geboortedatum' },
        ]);
      });
    },
  },
};
