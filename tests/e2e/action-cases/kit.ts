import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { expect } from '@playwright/test';
import { type ActionAnswer, callAction, type ServerAction, serverActions, sessionCookie } from '../actions';
import { E2E_BASE_URL } from '../env';
import { db, schoolDayIn } from '../support';
import { zonedToUtc } from '@/lib/format/time';
import { createDefaultStages } from '@/lib/school/stages';

// What an action case works with. Every fixture is new (random names, its own household keys), so a
// case never changes the demo's families that the specs after this one read.

const uid = () => randomUUID().slice(0, 8);

let actions: Map<string, ServerAction> | undefined;
function actionFor(key: string) {
  actions ??= new Map(serverActions().map((a) => [`${a.file}#${a.name}`, a]));
  const a = actions.get(key);
  if (!a) throw new Error(`no server action ${key} in the build`);
  return a;
}

export type Person = { id: string; email: string; cookie: string };

async function person(userId: string, email: string): Promise<Person> {
  return { id: userId, email, cookie: await sessionCookie(userId) };
}

/** A school by slug (the demo has 'distelvlinder' and 'de-regenboog', whose one group is '5') with its current school year. */
async function school(slug = 'distelvlinder') {
  const s = await db.school.findUniqueOrThrow({ where: { slug } });
  // The year running today, else the next, else the latest: as lib/school/year.ts picks it.
  const years = await db.schoolYear.findMany({ where: { schoolId: s.id }, orderBy: { startDate: 'asc' } });
  const now = new Date();
  const year = years.find((y) => y.startDate <= now && now <= y.endDate) ?? years.find((y) => y.startDate > now) ?? years.at(-1);
  if (!year) throw new Error(`${slug} has no school year`);
  return { ...s, year };
}

/** A group of the school's current year by name ('3A', or a newGroup()'s name). */
async function group(name: string, slug = 'distelvlinder') {
  const s = await school(slug);
  return db.group.findUniqueOrThrow({ where: { schoolYearId_name: { schoolYearId: s.year.id, name } } });
}

/**
 * A new group in the school's current year (grade 3), for cases whose action reaches a whole group
 * (a round, a reminder to every family without a talk): the demo's groups and families stay as they are.
 */
async function newGroup(slug = 'distelvlinder') {
  const s = await school(slug);
  return db.group.create({ data: { schoolId: s.id, schoolYearId: s.year.id, name: `3-${uid()}`, grade: 3 } });
}

/**
 * A new school of its own (board, the default talk cycle, a school year running today), for cases
 * whose action changes something school-wide (the charter, the cycle, the years, an import, the
 * retention period): the demo schools stay as the specs after this one read them. Answers its slug.
 */
async function newSchool() {
  const id = uid();
  const board = await db.board.create({ data: { name: `Bestuur ${id}` } });
  const s = await db.school.create({ data: { boardId: board.id, name: `School ${id}`, slug: `cases-${id}`, holidayRegion: 'midden' } });
  await db.$transaction((tx) => createDefaultStages(tx, s.id));
  // The Dutch school year runs from August: the one that contains today.
  const now = new Date();
  const first = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  await db.schoolYear.create({ data: { schoolId: s.id, name: `${first}-${first + 1}`, startDate: new Date(`${first}-08-01`), endDate: new Date(`${first + 1}-07-31`) } });
  return s.slug;
}

async function newUser(schoolId: string, role: 'GUARDIAN' | 'TEACHER' | 'DIRECTOR', careCoordinator = false) {
  const email = `${role.toLowerCase()}-${uid()}@cases.test`;
  const user = await db.user.create({ data: { email, firstName: 'Test', lastName: `Geval ${uid()}` } });
  await db.membership.create({ data: { schoolId: schoolId, userId: user.id, role, careCoordinator } });
  return user;
}

/**
 * A new child in `group` (of the current year) with its guardians: one with authority, or with
 * `separated` two with authority in two households, plus with `informationOnly` one more in the
 * first household who has the right to information only (last in `guardians`).
 */
async function family(opts: { group?: string; school?: string; separated?: boolean; informationOnly?: boolean } = {}) {
  const s = await school(opts.school);
  const g = await group(opts.group ?? '3A', s.slug);
  const child = await db.child.create({
    data: { schoolId: s.id, pupilNumber: `c-${uid()}`, firstName: 'Kind', lastName: `Geval ${uid()}`, dateOfBirth: new Date('2018-05-01') },
  });
  await db.enrolment.create({ data: { schoolId: s.id, schoolYearId: s.year.id, childId: child.id, groupId: g.id } });
  const rights: { right: 'AUTHORITY' | 'INFORMATION'; household: number }[] = [{ right: 'AUTHORITY', household: 0 }];
  if (opts.separated) rights.push({ right: 'AUTHORITY', household: 1 });
  if (opts.informationOnly) rights.push({ right: 'INFORMATION', household: 0 });
  const households = new Map<number, string>();
  const guardians: Person[] = [];
  for (const [i, r] of rights.entries()) {
    if (!households.has(r.household)) households.set(r.household, (await db.household.create({ data: { schoolId: s.id, key: `case-${child.id}-${r.household}` } })).id);
    const user = await newUser(s.id, 'GUARDIAN');
    await db.guardianship.create({ data: { schoolId: s.id, childId: child.id, userId: user.id, householdId: households.get(r.household)!, right: r.right, relation: i ? 'vader' : 'moeder' } });
    guardians.push(await person(user.id, user.email));
  }
  return { child, group: g, school: s, households: [...households.values()], guardians };
}

/**
 * A new staff member of the school; teaching `groups` (names, current year). CARE_COORDINATOR is a
 * teacher's membership with careCoordinator set (the intern begeleider), as lib/team makes it.
 */
async function staff(opts: { role: 'TEACHER' | 'DIRECTOR' | 'CARE_COORDINATOR'; groups?: string[]; school?: string }) {
  const s = await school(opts.school);
  const user = await newUser(s.id, opts.role === 'DIRECTOR' ? 'DIRECTOR' : 'TEACHER', opts.role === 'CARE_COORDINATOR');
  for (const name of opts.groups ?? []) {
    const g = await group(name, s.slug);
    await db.groupTeacher.create({ data: { schoolId: s.id, groupId: g.id, userId: user.id } });
  }
  return person(user.id, user.email);
}

/**
 * A new talk round for `groups` (names), open now, deadline in 30 days, with `slots` slots of 15
 * minutes per group on a school day three weeks ahead (from 15:00 Amsterdam). FAIR: preferences are
 * gathered until `preferencesCloseAt` (10 days), not allocated yet.
 */
async function round(opts: { groups?: string[]; school?: string; slots?: number; mode?: 'FIRST_COME' | 'FAIR'; separateTalksAllowed?: boolean; inviteInformationOnly?: boolean } = {}) {
  const s = await school(opts.school);
  const stage = await db.stageDefinition.findFirstOrThrow({ where: { schoolId: s.id, isGroupEvent: false }, orderBy: { position: 'asc' } });
  const creator = await db.membership.findFirstOrThrow({ where: { schoolId: s.id, role: 'DIRECTOR' }, select: { userId: true } });
  const day = await schoolDayIn(21);
  const start = zonedToUtc(`${day}T15:00`);
  const n = opts.slots ?? 3;
  const r = await db.talkRound.create({
    data: {
      schoolId: s.id, stageId: stage.id, name: `Ronde ${uid()}`, mode: opts.mode ?? 'FIRST_COME', slotMinutes: 15,
      opensAt: new Date(Date.now() - 86_400_000), deadline: new Date(Date.now() + 30 * 86_400_000),
      preferencesCloseAt: opts.mode === 'FAIR' ? new Date(Date.now() + 10 * 86_400_000) : null,
      separateTalksAllowed: opts.separateTalksAllowed ?? false, inviteInformationOnly: opts.inviteInformationOnly ?? false,
      createdById: creator.userId,
      blocks: { create: { startsAt: start, endsAt: new Date(+start + n * 15 * 60_000) } },
    },
    include: { blocks: true },
  });
  const slots: Record<string, { id: string; startsAt: Date }[]> = {};
  for (const name of opts.groups ?? ['3A']) {
    const g = await group(name, s.slug);
    await db.roundGroup.create({ data: { roundId: r.id, schoolId: s.id, groupId: g.id } });
    slots[name] = [];
    for (let i = 0; i < n; i++) {
      const startsAt = new Date(+start + i * 15 * 60_000);
      slots[name].push(await db.slot.create({ data: { schoolId: s.id, roundId: r.id, groupId: g.id, startsAt, endsAt: new Date(+startsAt + 15 * 60_000) }, select: { id: true, startsAt: true } }));
    }
  }
  return { ...r, day, slots };
}

/** A booking made the way a parent makes it (bookAction); answers the booking's id. */
async function book(guardian: Person, roundId: string, childId: string, slotId: string) {
  const answer = await call('lib/bookings/actions.ts#bookAction', [{ roundId, items: [{ childId, slotId }] }], guardian.cookie);
  const result = (answer as { result?: { ok: boolean; bookings?: { id: string }[] } }).result;
  if (!result?.ok) throw new Error(`booking fixture failed: ${JSON.stringify(answer)}`);
  return result.bookings![0].id;
}

/** A session cookie for a user id or e-mail address (e.g. one of LOGINS). */
async function cookie(userIdOrEmail: string) {
  const user = await db.user.findFirstOrThrow({ where: userIdOrEmail.includes('@') ? { email: userIdOrEmail.toLowerCase() } : { id: userIdOrEmail }, select: { id: true } });
  return sessionCookie(user.id);
}

/** FormData as the browser builds it from a form; an array is a repeated field (checkboxes, multi-select). */
function form(fields: Record<string, string | string[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}

/**
 * The action `lib/<area>/<file>.ts#<name>` over HTTP, with the arguments the browser sends:
 * [prevState, FormData] for useActionState forms, [FormData] for plain form actions, [object] for
 * object-argument actions.
 */
async function call(key: string, args: unknown[], cookieHeader?: string): Promise<ActionAnswer> {
  return callAction(actionFor(key), args, cookieHeader);
}

/** `call`, posted to a page of your choosing: public actions (sign-in, setup) from the page a visitor has them on. */
async function callAt(key: string, path: string, args: unknown[], cookieHeader?: string): Promise<ActionAnswer> {
  return callAction({ ...actionFor(key), path }, args, cookieHeader);
}

const flight = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-client.edge.production.js') as { encodeReply: (args: unknown[]) => Promise<string | FormData> };

/** The action's HTTP response itself, for what `call` does not show (the cookies a plain form action sets). */
async function raw(key: string, args: unknown[], cookieHeader?: string) {
  const a = actionFor(key);
  return fetch(`${E2E_BASE_URL}${a.path}`, {
    method: 'POST',
    headers: { 'Next-Action': a.id, Accept: 'text/x-component', ...(cookieHeader ? { cookie: cookieHeader } : {}) },
    body: (await flight.encodeReply(args)) as BodyInit,
    redirect: 'manual',
  });
}

/** An API route over real HTTP: JSON body in, status and JSON (or text, or null) out. */
async function api(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, cookieHeader?: string) {
  const res = await fetch(`${E2E_BASE_URL}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookieHeader ? { cookie: cookieHeader } : {}), origin: E2E_BASE_URL },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json: json as any, headers: res.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * After the run: the staff made here leave the schools' teams again (memberships and groups), so the
 * specs after this one see the demo's team as seeded. Their rows stay, like any history.
 */
export async function removeCaseStaff() {
  const users = { email: { endsWith: '@cases.test' } };
  await db.groupTeacher.deleteMany({ where: { user: users } });
  await db.membership.deleteMany({ where: { user: users, role: { in: ['TEACHER', 'DIRECTOR'] } } });
}

/** Runs `act` and expects `read()` to give the same before and after (nothing written). */
async function unchanged(read: () => Promise<unknown>, act: () => Promise<void>) {
  const before = await read();
  await act();
  expect(await read()).toEqual(before);
}

export const kit = { db, call, callAt, raw, cookie, form, api, school, group, family, staff, newGroup, newSchool, round, book, unchanged, uid };
export type Kit = typeof kit;
export type Family = Awaited<ReturnType<typeof family>>;
