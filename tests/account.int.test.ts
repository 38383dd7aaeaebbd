import { afterAll, describe, expect, it } from 'vitest';
import { AccountInputError, changeOwnPassword, hasPassword } from '@/lib/account/service';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { openSession } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createSchool, createUser } from './support/factories';

const NEW = 'een lange zin als wachtwoord';
const hashOf = async (userId: string) => (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;

async function fieldErrorsOf(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AccountInputError);
  return (e as AccountInputError).fieldErrors;
}

afterAll(() => prisma.$disconnect());

describe('own password', () => {
  it('a director without a password (fresh from setup) sets one without a current password', async () => {
    const { school } = await createSchool();
    const { user, actor } = await createUser(school.id, 'DIRECTOR');
    expect(await hasPassword(actor)).toBe(false);
    await changeOwnPassword(actor, { next: NEW, confirm: NEW });
    expect(await verifyPassword(NEW, await hashOf(user.id))).toBe(true);
    expect(await hasPassword(actor)).toBe(true);
  });

  it('changing one needs the current password; a wrong one changes nothing', async () => {
    const { school } = await createSchool();
    const { user, actor } = await createUser(school.id, 'TEACHER');
    const old = await hashPassword('het oude wachtwoord');
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: old } });
    expect(await fieldErrorsOf(changeOwnPassword(actor, { next: NEW, confirm: NEW }))).toEqual({ current: ['wrongPassword'] });
    expect(await fieldErrorsOf(changeOwnPassword(actor, { current: 'fout wachtwoord!', next: NEW, confirm: NEW }))).toEqual({ current: ['wrongPassword'] });
    expect(await hashOf(user.id)).toBe(old);
    await changeOwnPassword(actor, { current: 'het oude wachtwoord', next: NEW, confirm: NEW });
    expect(await verifyPassword(NEW, await hashOf(user.id))).toBe(true);
    expect(await verifyPassword('het oude wachtwoord', await hashOf(user.id))).toBe(false);
  }, 60_000); // five scrypt hashes at 128 MiB each on a shared machine

  it.each([
    [{ next: 'elf tekens!', confirm: 'elf tekens!' }, { next: ['tooShort'] }],
    [{ next: NEW, confirm: `${NEW}.` }, { confirm: ['confirmDiffers'] }],
  ])('refuses %o and writes nothing', async (input, errors) => {
    const { school } = await createSchool();
    const { user, actor } = await createUser(school.id, 'DIRECTOR');
    expect(await fieldErrorsOf(changeOwnPassword(actor, input))).toEqual(errors);
    expect(await hashOf(user.id)).toBeNull();
  });

  it('accepts exactly 12 characters', async () => {
    const { school } = await createSchool();
    const { user, actor } = await createUser(school.id, 'DIRECTOR');
    await changeOwnPassword(actor, { next: 'twaalf teken', confirm: 'twaalf teken' });
    expect(await verifyPassword('twaalf teken', await hashOf(user.id))).toBe(true);
  });

  it('ends every other session of the account, not the one making the change', async () => {
    const { school } = await createSchool();
    const { user, actor } = await createUser(school.id, 'DIRECTOR');
    const here = await openSession(user.id);
    const elsewhere = await openSession(user.id);
    await changeOwnPassword(actor, { next: NEW, confirm: NEW }, here);
    const sessions = await prisma.userSession.findMany({ where: { userId: user.id }, select: { id: true, endedAt: true } });
    expect(sessions.find((s) => s.id === here)!.endedAt).toBeNull();
    expect(sessions.find((s) => s.id === elsewhere)!.endedAt).toBeInstanceOf(Date);
  });

  it('parents have no password: NOT_FOUND', async () => {
    const { school } = await createSchool();
    const { user, actor } = await createUser(school.id, 'GUARDIAN');
    await expect(changeOwnPassword(actor, { next: NEW, confirm: NEW })).rejects.toEqual(new AppError('NOT_FOUND'));
    expect(await hashOf(user.id)).toBeNull();
  });
});
