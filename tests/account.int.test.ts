import { afterAll, describe, expect, it } from 'vitest';
import { listOwnSessions } from '@/lib/account/queries';
import { AccountInputError, changeOwnPassword, endOtherSessions, endOwnSession, hasPassword } from '@/lib/account/service';
import { authOptions, authorizeLink } from '@/lib/auth/options';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { liveSession, openSession, SESSION_LIMITS, USER_AGENT_MAX } from '@/lib/auth/session';
import { requestSignInLink } from '@/lib/auth/sign-in-link';
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

const PHONE = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const LAPTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const endedAtOf = async (id: string) => (await prisma.userSession.findUniqueOrThrow({ where: { id } })).endedAt;

describe('where I am signed in', () => {
  it('signing in by link records the browser the request came from, cut to its first 200 characters', async () => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'GUARDIAN');
    await requestSignInLink(user.email, 'http://portal.test');
    const token = (await prisma.outboxMail.findFirstOrThrow({ where: { to: user.email } })).text.match(/token=([\w-]+)/)![1];
    const signedIn = await authorizeLink({ token }, { headers: { 'user-agent': PHONE } });
    // next-auth passes what authorize() returned to the jwt callback as `user`: that is where the row is opened.
    const jwt = await authOptions.callbacks!.jwt!({ token: {}, user: signedIn as never, account: null, trigger: 'signIn' });
    expect((await prisma.userSession.findUniqueOrThrow({ where: { id: jwt.sid as string } })).userAgent).toBe(PHONE);

    const long = `  ${'x'.repeat(USER_AGENT_MAX + 50)}`;
    const sid = await openSession(user.id, new Date(), long);
    expect((await prisma.userSession.findUniqueOrThrow({ where: { id: sid } })).userAgent).toBe('x'.repeat(USER_AGENT_MAX));
    expect((await prisma.userSession.findUniqueOrThrow({ where: { id: await openSession(user.id, new Date(), '  ') } })).userAgent).toBeNull();
  });

  it('lists only my own live sessions: not ended, not idle or too old, not someone else\'s', async () => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'GUARDIAN');
    const { user: other } = await createUser(school.id, 'GUARDIAN');
    const now = new Date();
    const ago = (s: number) => new Date(now.getTime() - s * 1000);
    const here = await openSession(user.id, ago(60), PHONE);
    const laptop = await openSession(user.id, ago(3600), LAPTOP);
    const ended = await openSession(user.id, ago(60), LAPTOP);
    await endOwnSession(user.id, { sessionId: ended }, here, ago(30));
    const idle = await openSession(user.id, ago(SESSION_LIMITS.guardian.idleSeconds + 60), LAPTOP);
    const old = await openSession(user.id, ago(SESSION_LIMITS.guardian.maxSeconds + 60), LAPTOP);
    await prisma.userSession.update({ where: { id: old }, data: { lastSeenAt: ago(60) } }); // in use, but past 30 days
    await openSession(other.id, ago(60), PHONE);
    const list = await listOwnSessions(user.id, here, now);
    expect(list.map((s) => [s.id, s.current, s.userAgent])).toEqual([
      [here, true, PHONE],
      [laptop, false, LAPTOP],
    ]);
    expect(list.map((s) => s.id)).not.toContain(idle);
    // The same session is listed for a parent but not for staff: an hour idle is past the staff limit.
    const { user: teacher } = await createUser(school.id, 'TEACHER');
    const tHere = await openSession(teacher.id, ago(60));
    await openSession(teacher.id, ago(SESSION_LIMITS.staff.idleSeconds + 60));
    expect((await listOwnSessions(teacher.id, tHere, now)).map((s) => s.id)).toEqual([tHere]);
  });

  it('ending another of my sessions: its next request is refused, mine goes on', async () => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'TEACHER');
    const here = await openSession(user.id, new Date(), LAPTOP);
    const phone = await openSession(user.id, new Date(), PHONE);
    expect(await liveSession(user.id, phone)).not.toBeNull();
    await endOwnSession(user.id, { sessionId: phone }, here);
    expect(await liveSession(user.id, phone)).toBeNull();
    expect(await liveSession(user.id, here)).not.toBeNull();
    expect((await listOwnSessions(user.id, here)).map((s) => s.id)).toEqual([here]);
    // Already ended: nothing left to end.
    await expect(endOwnSession(user.id, { sessionId: phone }, here)).rejects.toEqual(new AppError('NOT_FOUND'));
  });

  it("someone else's session id, or my own current one, is NOT_FOUND and stays live", async () => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'GUARDIAN');
    const { user: other } = await createUser(school.id, 'DIRECTOR');
    const here = await openSession(user.id);
    const theirs = await openSession(other.id);
    await expect(endOwnSession(user.id, { sessionId: theirs }, here)).rejects.toEqual(new AppError('NOT_FOUND'));
    expect(await endedAtOf(theirs)).toBeNull();
    expect(await liveSession(other.id, theirs)).not.toBeNull();
    await expect(endOwnSession(user.id, { sessionId: here }, here)).rejects.toEqual(new AppError('NOT_FOUND'));
    expect(await endedAtOf(here)).toBeNull();
  });

  it.each([[''], ['a b'], ["x' OR '1'='1"], ['x'.repeat(65)], [42], [null]])('refuses session id %j and changes nothing', async (sessionId) => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'GUARDIAN');
    const here = await openSession(user.id);
    const other = await openSession(user.id);
    expect(await fieldErrorsOf(endOwnSession(user.id, { sessionId }, here))).toEqual({ sessionId: [expect.any(String)] });
    expect(await endedAtOf(other)).toBeNull();
  });

  it('"everywhere else" ends all my other sessions and keeps this one and everyone else\'s', async () => {
    const { school } = await createSchool();
    const { user } = await createUser(school.id, 'TEACHER');
    const { user: colleague } = await createUser(school.id, 'TEACHER');
    const here = await openSession(user.id, new Date(), LAPTOP);
    const a = await openSession(user.id, new Date(), PHONE);
    const b = await openSession(user.id);
    const theirs = await openSession(colleague.id);
    expect(await endOtherSessions(user.id, here)).toBe(2);
    expect(await liveSession(user.id, a)).toBeNull();
    expect(await liveSession(user.id, b)).toBeNull();
    expect(await liveSession(user.id, here)).not.toBeNull();
    expect(await liveSession(colleague.id, theirs)).not.toBeNull();
    expect(await endOtherSessions(user.id, here)).toBe(0);
  });
});
