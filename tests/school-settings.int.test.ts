import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/access/action';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { complaintSettingsFields, complaintSettingsSchema } from '@/lib/school-settings/schemas';
import { complaintRoute, saveComplaintSettings } from '@/lib/school-settings/service';
import { seedDemoCommunication } from '@/prisma/demo/communication';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The complaint route's settings (formal procedure link, confidential counsellor): the director's to
// set, through the same parse the action runs; refused input writes nothing.

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const other = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const g = await createGroup(school.id, year.id, '3A', [teacher.user.id]);
  const parent = (await createFamily(school.id, year.id, [g.id])).guardians[0];
  return { school, other, director: director.actor, teacher: teacher.actor, parent: parent.actor };
}
beforeAll(async () => {
  w = await world();
});

/** What the action does with a posted form: its fields, zod, then the service. */
async function submit(actor: Actor, values: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  const parsed = parseInput(complaintSettingsSchema, complaintSettingsFields(form));
  if (!parsed.ok) return parsed;
  await saveComplaintSettings(actor, parsed.data);
  return { ok: true };
}
const stored = (schoolId: string) => prisma.school.findUniqueOrThrow({ where: { id: schoolId }, select: { complaintProcedureUrl: true, counsellorName: true, counsellorContact: true } });

const GOOD = { complaintProcedureUrl: 'https://www.bestuur.example/klachtenregeling', counsellorName: 'Mw. A. de Vries', counsellorContact: '06 12345678 · vertrouwenspersoon@bestuur.example' };

describe('complaint route settings', () => {
  it('the director sets all three; everyone at the school reads them; the other school is untouched', async () => {
    expect(await submit(w.director, { ...GOOD, complaintProcedureUrl: `  ${GOOD.complaintProcedureUrl} ` })).toEqual({ ok: true });
    expect(await stored(w.school.id)).toEqual(GOOD);
    expect(await complaintRoute(w.parent)).toEqual(GOOD);
    expect(await stored(w.other.school.id)).toEqual({ complaintProcedureUrl: null, counsellorName: null, counsellorContact: null });
  });

  it('refuses an address that is not https (http:, javascript:, data:, no address at all) and writes nothing', async () => {
    await prisma.school.update({ where: { id: w.school.id }, data: GOOD });
    for (const url of ['http://www.bestuur.example/klachten', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'www.bestuur.example', 'https://', 'https://user:pw@bestuur.example/']) {
      expect(await submit(w.director, { complaintProcedureUrl: url, counsellorName: 'Iemand anders', counsellorContact: '010 1234567' })).toEqual({
        ok: false,
        error: 'INVALID_INPUT',
        fieldErrors: { complaintProcedureUrl: ['httpsUrl'] },
      });
    }
    expect(await submit(w.director, { ...GOOD, counsellorName: 'x'.repeat(201) })).toMatchObject({ ok: false, fieldErrors: { counsellorName: ['tooLong'] } });
    expect(await stored(w.school.id)).toEqual(GOOD);
  });

  it('empty fields clear the settings', async () => {
    await prisma.school.update({ where: { id: w.school.id }, data: GOOD });
    expect(await submit(w.director, { complaintProcedureUrl: '', counsellorName: '  ', counsellorContact: '' })).toEqual({ ok: true });
    expect(await stored(w.school.id)).toEqual({ complaintProcedureUrl: null, counsellorName: null, counsellorContact: null });
  });

  it('a request without the form (no fields at all) is refused as required and clears nothing', async () => {
    await prisma.school.update({ where: { id: w.school.id }, data: GOOD });
    expect(await submit(w.director, {})).toEqual({
      ok: false,
      error: 'INVALID_INPUT',
      fieldErrors: { complaintProcedureUrl: ['required'], counsellorName: ['required'], counsellorContact: ['required'] },
    });
    expect(await stored(w.school.id)).toEqual(GOOD);
  });

  it('only the director: a teacher or parent gets NOT_FOUND and nothing changes', async () => {
    await prisma.school.update({ where: { id: w.school.id }, data: GOOD });
    for (const a of [w.teacher, w.parent]) {
      await expect(submit(a, { complaintProcedureUrl: 'https://elders.example/', counsellorName: 'X', counsellorContact: 'Y' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await stored(w.school.id)).toEqual(GOOD);
  });

  it('the demo school’s route passes the same rules', async () => {
    const { school } = await createSchool();
    await seedDemoCommunication(school.id);
    const route = await stored(school.id);
    expect(parseInput(complaintSettingsSchema, route)).toEqual({ ok: true, data: route });
    expect(route.complaintProcedureUrl).toMatch(/^https:\/\//);
  });
});
