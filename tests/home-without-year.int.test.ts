import { describe, expect, it } from 'vitest';
import { guardianRounds } from '@/lib/bookings/queries';
import { charterToAcknowledge } from '@/lib/charter/service';
import { prisma } from '@/lib/db';
import { guardianEvents } from '@/lib/events/service';
import { guardianHome, teacherHome } from '@/lib/people/queries';
import { helpRequests } from '@/lib/records/service';
import { publishedSummaries } from '@/lib/surveys/feedback';
import nl from '@/messages/nl.json';
import en from '@/messages/en.json';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// A school that was just set up has no school year until the director makes one: the teacher's and
// the parent's home then say so calmly instead of a 404.

describe('the homes of a school without a school year', () => {
  it('the teacher and the parent get an empty home, not NOT_FOUND; once the year exists they see it', async () => {
    const { school, year } = await createSchool();
    const teacher = await createUser(school.id, 'TEACHER');
    const g = await createGroup(school.id, year.id, '4A', [teacher.user.id]);
    const family = await createFamily(school.id, year.id, [g.id]);
    const parent = family.guardians[0].actor;
    await prisma.enrolment.deleteMany({ where: { schoolId: school.id } });
    await prisma.group.deleteMany({ where: { schoolId: school.id } });
    await prisma.schoolYear.deleteMany({ where: { schoolId: school.id } });

    // What the teacher's home (app/(leerkracht)/leerkracht) reads.
    expect(await teacherHome(teacher.actor)).toEqual({ year: null, groups: [] });
    expect(await helpRequests(teacher.actor)).toEqual([]);
    // What the parent's home (app/(ouder)/ouder) reads.
    expect(await guardianHome(parent)).toEqual({ year: null, children: [] });
    expect(await guardianRounds(parent)).toEqual([]);
    expect(await guardianEvents(parent)).toEqual([]);
    expect(await charterToAcknowledge(parent)).toBeNull();
    expect(await publishedSummaries(parent)).toEqual([]);
    expect([nl.home.teacher.noYear, nl.home.guardian.noYear]).toEqual(['Er is nog geen schooljaar ingericht; de directie doet dat.', 'Er zijn nog geen gesprekken gepland.']);
    expect([en.home.teacher.noYear, en.home.guardian.noYear].every(Boolean)).toBe(true);

    const created = await prisma.schoolYear.create({ data: { schoolId: school.id, name: '2027-2028', startDate: new Date('2027-08-23'), endDate: new Date('2028-07-14') } });
    const next = await createGroup(school.id, created.id, '5A', [teacher.user.id]);
    const home = await teacherHome(teacher.actor);
    expect([home.year?.id, home.groups.map((x) => x.id)]).toEqual([created.id, [next.id]]);
  });
});
