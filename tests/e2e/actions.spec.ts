import { expect, test } from '@playwright/test';
import { type ActionAnswer, callAction, serverActions, sessionCookie, type ServerAction } from './actions';
import { db, LOGINS } from './support';

// Every server action in the build, through its own entry point (HTTP, the real session → actor
// path): a signed-out caller is sent to sign in, and a signed-in user of the action's role who sends
// nothing gets a refusal (a message key), with nothing written. The table printed at the end lists
// each action and what it answered, from the build itself, so a new action shows up here untested.

const key = (a: ServerAction) => `${a.file}#${a.name}`;
// Before signing in: asking for a link, the language, the first-run setup (its token is the permission).
const PUBLIC = new Set(['lib/auth/actions.ts#requestLinkAction', 'lib/auth/actions.ts#setLocaleAction', 'lib/auth/actions.ts#adoptUserLocaleAction', 'lib/setup/actions.ts#completeSetupAction']);

// Actions whose whole input is "do it": nothing to refuse. Called here they would act (end the
// director's other sessions, replace a calendar address), so they are tested where they are built:
// tests/account.int.test.ts, tests/bookings-more.int.test.ts, tests/team.int.test.ts.
const NO_INPUT = new Set(['lib/account/actions.ts#endOtherSessionsAction', 'lib/bookings/guardian-actions.ts#renewCalendarAction', 'lib/team/actions.ts#familySettingsAction']);
// Plain <form action> handlers: the browser sends the form as the only argument, and they answer by redirecting.
const FORM_ONLY = new Set(['lib/auth/actions.ts#switchMembershipAction', 'lib/charter/actions.ts#acknowledgeCharterAction']);
const argsFor = (a: ServerAction) => (FORM_ONLY.has(key(a)) ? [new FormData()] : [null, new FormData()]);
// zod's own English messages: a field error must be a message key instead.
const ENGLISH = /^(Invalid|Too (small|big)|Expected|Required)/;

const counts = async () => ({
  bookings: await db.booking.count(),
  records: await db.talkRecord.count(),
  notes: await db.childNote.count(),
  mail: await db.outboxMail.count(),
  rounds: await db.talkRound.count(),
  surveys: await db.survey.count(),
  memberships: await db.membership.count(),
  guardianships: await db.guardianship.count({ where: { endedAt: null } }),
  schoolYears: await db.schoolYear.count(),
  stages: await db.stageDefinition.count(),
  threadMessages: await db.threadMessage.count(),
  absences: await db.absence.count(),
  openAbsences: await db.absence.count({ where: { closedAt: null } }),
  leave: await db.leaveRequest.groupBy({ by: ['status'], _count: true }),
  homeChanges: await db.homeChange.count({ where: { handledAt: null } }),
  announcements: await db.announcement.count(),
  confirmations: await db.announcementRead.count({ where: { confirmedAt: { not: null } } }),
  workingHours: await db.workingHours.count(),
  preferences: await db.notificationPreference.count(),
  complaintRoute: await db.school.findMany({ select: { complaintProcedureUrl: true }, orderBy: { id: 'asc' } }),
});

const show = (a: ActionAnswer) => ('redirect' in a ? `redirect ${a.redirect}` : 'notFound' in a ? '404' : 'thrown' in a ? `threw ${a.thrown}` : JSON.stringify(a.result));

test('every server action sends a signed-out caller to sign in, and changes nothing', async () => {
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(60);
  const before = await counts();
  const wrong: string[] = [];
  for (const a of actions.filter((x) => !PUBLIC.has(key(x)))) {
    const answer = await callAction(a, argsFor(a));
    if (!('redirect' in answer) || answer.redirect !== '/inloggen') wrong.push(`${key(a)}: ${show(answer)}`);
  }
  expect(wrong).toEqual([]);
  expect(await counts()).toEqual(before);
});

test('every server action refuses empty input from its own role with a message key, and writes nothing', async () => {
  test.setTimeout(120_000);
  const users = await db.user.findMany({ where: { email: { in: [LOGINS.director, LOGINS.teacher, LOGINS.guardian] } }, select: { id: true, email: true } });
  const as = async (email: string) => sessionCookie(users.find((u) => u.email === email)!.id);
  const roles = [['director', await as(LOGINS.director)], ['teacher', await as(LOGINS.teacher)], ['guardian', await as(LOGINS.guardian)]] as const;
  const before = await counts();
  const table: string[] = [];
  const wrong: string[] = [];
  for (const a of serverActions().filter((x) => !PUBLIC.has(key(x)))) {
    if (NO_INPUT.has(key(a))) {
      table.push(`${key(a).padEnd(64)} no input to refuse (tested where it is built)`);
      continue;
    }
    let answer: ActionAnswer = { notFound: true };
    let who = 'nobody';
    for (const [role, cookie] of roles) {
      answer = await callAction(a, argsFor(a), cookie);
      who = role;
      if (!('notFound' in answer)) break;
    }
    table.push(`${key(a).padEnd(64)} ${who}: ${show(answer)}`);
    // A refusal with a message key (or, for a plain form, back to a page), never an error page or a success.
    const result = 'result' in answer ? (answer.result as { ok?: boolean; error?: string; fieldErrors?: Record<string, string[]> }) : undefined;
    const refused = FORM_ONLY.has(key(a)) ? 'redirect' in answer : result?.ok === false && typeof result.error === 'string';
    const english = Object.values(result?.fieldErrors ?? {}).flat().filter((m) => ENGLISH.test(m));
    if (!refused || english.length) wrong.push(`${key(a)} (${who}): ${show(answer)}`);
  }
  console.log(`server actions through HTTP, signed in, empty input (${table.length}):\n${table.join('\n')}`);
  expect(wrong).toEqual([]);
  expect(await counts()).toEqual(before);
});
