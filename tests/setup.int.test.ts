import { createHash } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { firstRunPlan, DemoSettingError } from '@/lib/setup/first-run';
import { splitName } from '@/lib/setup/schemas';
import { completeSetup, issueSetupToken, newSetupToken, provisionSchool, SetupInputError, setupTokenUsable } from '@/lib/setup/service';

// Random BRIN numbers and board names, so runs and other test files never collide.
const brin = () => `${String(Math.floor(Math.random() * 100)).padStart(2, '0')}${Math.random().toString(36).slice(2, 4).toUpperCase().padEnd(2, 'X')}`;
const uid = () => Math.random().toString(36).slice(2, 10);

function valid(over: Record<string, string> = {}) {
  return {
    boardName: `Stichting ${uid()}`,
    name: 'obs De Klimop',
    brin: brin(),
    city: 'Utrecht',
    timeZone: '',
    holidayRegion: 'midden',
    directorName: 'Anna van der Berg',
    directorEmail: `Directeur.${uid()}@Klimop.example`,
    ...over,
  };
}

async function counts() {
  return { boards: await prisma.board.count(), schools: await prisma.school.count(), users: await prisma.user.count(), memberships: await prisma.membership.count() };
}

async function fieldErrorsOf(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(SetupInputError);
  return (e as SetupInputError).fieldErrors;
}

afterAll(() => prisma.$disconnect());

describe('first-run plan (what npm start seeds)', () => {
  it('seeds the demo only for the newcomer on the embedded database, or when DEMO=1 asks', () => {
    expect(firstRunPlan({}, false)).toEqual({ kind: 'demo' });
    expect(firstRunPlan({ DEMO: '1', DATABASE_URL: 'postgresql://x/y' }, false)).toEqual({ kind: 'demo' });
    expect(firstRunPlan({ DATABASE_URL: 'postgresql://x/y' }, false)).toEqual({ kind: 'setup' });
    expect(firstRunPlan({ DEMO: '0' }, false)).toEqual({ kind: 'setup' });
    expect(firstRunPlan({ DEMO: '0', DATABASE_URL: 'postgresql://x/y' }, false)).toEqual({ kind: 'setup' });
  });
  it('never touches a database that has schools', () => {
    expect(firstRunPlan({}, true)).toEqual({ kind: 'none' });
    expect(firstRunPlan({ DEMO: '1' }, true)).toEqual({ kind: 'none' });
  });
  it('refuses a DEMO value it does not understand', () => {
    expect(() => firstRunPlan({ DEMO: 'yes' }, false)).toThrow(DemoSettingError);
  });
});

describe('splitName', () => {
  it('keeps Dutch particles between first and last name', () => {
    expect(splitName(' Anna  van der Berg ')).toEqual({ firstName: 'Anna', prefix: 'van der', lastName: 'Berg' });
    expect(splitName('Mehmet Yılmaz')).toEqual({ firstName: 'Mehmet', prefix: null, lastName: 'Yılmaz' });
    expect(splitName('Jan de')).toEqual({ firstName: 'Jan', prefix: null, lastName: 'de' });
    expect(splitName('Anna')).toBeNull();
  });
});

describe('provisionSchool', () => {
  it('creates board, school (with its cycle) and director together', async () => {
    const input = valid();
    input.brin = `${input.brin.slice(0, 2)} ${input.brin.slice(2).toLowerCase()}`; // as typed: a space, lower case
    const { board, school, director } = await provisionSchool(input);
    const expectedBrin = input.brin.replace(' ', '').toUpperCase();
    expect(board.name).toBe(input.boardName);
    expect(school).toMatchObject({ boardId: board.id, name: 'obs De Klimop', brin: expectedBrin, city: 'Utrecht', timeZone: 'Europe/Amsterdam', holidayRegion: 'midden', slug: `obs-de-klimop-${expectedBrin.toLowerCase()}` });
    expect(director).toMatchObject({ email: input.directorEmail.toLowerCase(), firstName: 'Anna', prefix: 'van der', lastName: 'Berg', passwordHash: null });
    expect(await prisma.membership.findMany({ where: { schoolId: school.id }, select: { userId: true, role: true } })).toEqual([{ userId: director.id, role: 'DIRECTOR' }]);
    expect(await prisma.stageDefinition.count({ where: { schoolId: school.id } })).toBe(5);
  });

  it('puts a second school under the same board, and an existing director keeps their name', async () => {
    const first = await provisionSchool(valid());
    const second = await provisionSchool(valid({ boardName: first.board.name.toUpperCase(), name: 'cbs De Wilg', directorEmail: first.director.email, directorName: 'Iemand Anders' }));
    expect(second.board.id).toBe(first.board.id);
    expect(second.director.id).toBe(first.director.id);
    expect(second.director).toMatchObject({ firstName: 'Anna', lastName: 'Berg' });
    expect(await prisma.school.count({ where: { boardId: first.board.id } })).toBe(2);
    expect(await prisma.membership.count({ where: { userId: first.director.id, role: 'DIRECTOR' } })).toBe(2);
  });

  it.each([
    ['brin', { brin: '1ABC' }, 'invalidBrin'],
    ['brin', { brin: 'AB12' }, 'invalidBrin'],
    ['brin', { brin: '12AB3' }, 'invalidBrin'],
    ['directorEmail', { directorEmail: 'geen-adres' }, 'invalidEmail'],
    ['holidayRegion', { holidayRegion: 'oost' }, 'invalidRegion'],
    ['timeZone', { timeZone: 'Mars/Olympus' }, 'invalidTimeZone'],
    ['directorName', { directorName: 'Anna' }, 'nameIncomplete'],
    ['city', { city: '  ' }, 'required'],
  ])('refuses a bad %s (%o) and writes nothing', async (field, over, message) => {
    const before = await counts();
    expect(await fieldErrorsOf(provisionSchool(valid(over)))).toEqual({ [field]: [message] });
    expect(await counts()).toEqual(before);
  });

  it('refuses a BRIN number that is already in use, writing nothing (not even the new board)', async () => {
    const first = await provisionSchool(valid());
    const before = await counts();
    expect(await fieldErrorsOf(provisionSchool(valid({ brin: first.school.brin!.toLowerCase() })))).toEqual({ brin: ['brinTaken'] });
    expect(await counts()).toEqual(before);
  });
});

describe('setup link', () => {
  beforeEach(async () => {
    await prisma.setupToken.deleteMany();
  });

  it('is only issued while there is no school', async () => {
    await provisionSchool(valid());
    expect(await issueSetupToken()).toBeNull();
    expect(await prisma.setupToken.count()).toBe(0);
  });

  it('works once, stores only its hash, and a second use is refused', async () => {
    const token = await createToken();
    expect(await prisma.setupToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await prisma.setupToken.count({ where: { tokenHash: createHash('sha256').update(token).digest('hex') } })).toBe(1);
    expect(await setupTokenUsable(token)).toBe(true);
    const { school } = await completeSetup(token, valid());
    expect(await prisma.school.count({ where: { id: school.id } })).toBe(1);
    expect(await setupTokenUsable(token)).toBe(false);
    const before = await counts();
    await expect(completeSetup(token, valid())).rejects.toEqual(new AppError('LINK_INVALID'));
    expect(await counts()).toEqual(before);
  });

  it('stays usable after bad input (nothing written)', async () => {
    const token = await createToken();
    const before = await counts();
    expect(await fieldErrorsOf(completeSetup(token, valid({ brin: 'XX' })))).toEqual({ brin: ['invalidBrin'] });
    // A taken BRIN is found inside the transaction that spent the link: the spend is rolled back too.
    const taken = await provisionSchool(valid());
    const after = await counts();
    expect(after.schools).toBe(before.schools + 1);
    expect(await fieldErrorsOf(completeSetup(token, valid({ brin: taken.school.brin! })))).toEqual({ brin: ['brinTaken'] });
    expect(await counts()).toEqual(after);
    expect(await setupTokenUsable(token)).toBe(true);
  });

  it('expires after 24 hours', async () => {
    const issuedAt = new Date('2026-08-01T08:00:00Z');
    const token = await createToken(issuedAt);
    expect(await setupTokenUsable(token, new Date('2026-08-02T07:59:00Z'))).toBe(true);
    expect(await setupTokenUsable(token, new Date('2026-08-02T08:00:00Z'))).toBe(false);
    const before = await counts();
    await expect(completeSetup(token, valid(), new Date('2026-08-02T08:01:00Z'))).rejects.toEqual(new AppError('LINK_INVALID'));
    expect(await counts()).toEqual(before);
  });

  it('a newer link retires the one printed before', async () => {
    const old = await createToken();
    const fresh = await createToken();
    expect(await setupTokenUsable(old)).toBe(false);
    expect(await setupTokenUsable(fresh)).toBe(true);
  });
});

// issueSetupToken only issues on an installation without schools, and this database has some.
const createToken = (now = new Date()) => prisma.$transaction((tx) => newSetupToken(tx, now));
