import { beforeAll, describe, expect, it } from 'vitest';
import { mayAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { charterDraft, charterVersion, publishDefaultCharter, remindCharter } from '@/lib/charter/service';
import { prisma } from '@/lib/db';
import { surveyResults } from '@/lib/surveys/results';
import { surveyActions } from '@/lib/surveys/feedback';
import { createSurvey } from '@/lib/surveys/service';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// School-wide things (charter, surveys) are decided by the policy table (lib/access/policy.ts) with the
// actor's role at the school as their relation (lib/access/school.ts); everyone else gets NOT_FOUND.

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  const director = await createUser(school.id, 'DIRECTOR');
  const teacher = await createUser(school.id, 'TEACHER');
  const care: Actor = { ...(await createUser(school.id, 'TEACHER')).actor, care: true };
  const g = await createGroup(school.id, year.id, '6A', [teacher.user.id]);
  const family = await createFamily(school.id, year.id, [g.id], { guardians: 2, informationOnly: true });
  const [authority, information] = family.guardians.map((x) => x.actor);
  return { school, director: director.actor, teacher: teacher.actor, care, g, authority, information };
}
beforeAll(async () => {
  w = await world();
});

describe('school-wide access', () => {
  it('reads the table: the director writes and sees results; every guardian acknowledges; staff neither', () => {
    const rows = (['director', 'teacher', 'care', 'authority', 'information'] as const).map((who) => {
      const a = w[who];
      return [who, mayAtSchool(a, 'charter', 'write'), mayAtSchool(a, 'charter', 'acknowledge'), mayAtSchool(a, 'survey', 'write'), mayAtSchool(a, 'survey', 'results')];
    });
    expect(rows).toEqual([
      ['director', true, false, true, true],
      ['teacher', false, false, false, false],
      ['care', false, false, false, false],
      ['authority', false, true, false, false],
      ['information', false, true, false, false],
    ]);
  });

  it('the charter draft and its reminders are the director’s; the unpublished draft is not found for anyone else', async () => {
    await publishDefaultCharter(w.director);
    const draft = await charterDraft(w.director);
    expect((await charterVersion(w.director, draft.id)).id).toBe(draft.id);
    for (const a of [w.teacher, w.care, w.authority, w.information]) {
      await expect(charterVersion(a, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(charterDraft(a)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(remindCharter(a, w.g.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('a survey’s results and follow-up actions are the director’s (the follow-up list had no guard of its own)', async () => {
    const s = await createSurvey(w.director, { templateKey: 'satisfaction', audiences: ['GUARDIANS'], groupIds: [w.g.id], anonymous: true, opensAt: '2026-11-16T08:00', closesAt: '2026-11-30T17:00' });
    await prisma.surveyAction.create({ data: { schoolId: w.school.id, surveyId: s.id, heard: 'Te laat', action: 'Eerder plannen', owner: 'Directie', startsOn: new Date('2026-12-01'), dueOn: new Date('2027-01-31') } });
    expect((await surveyActions(w.director, s.id)).map((a) => a.action)).toEqual(['Eerder plannen']);
    for (const a of [w.teacher, w.care, w.authority, w.information]) {
      expect(() => surveyActions(a, s.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      await expect(surveyResults(a, s.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
