import { expect, request, test } from '@playwright/test';
import { callAction, serverActions, sessionCookie } from './actions';
import { E2E_BASE_URL } from './env';
import { db, LOGINS } from './support';

// The privacy rules of lib/access/policy.ts at the entry points themselves (server actions and API
// routes over HTTP, the real session → actor path), for the families the issue names: a father
// with the right to information only, separated parents in two households, another family.
// Each refusal sits next to the allowed call that proves the request itself is right.

const action = (file: string, name: string) => serverActions().find((a) => a.file === file && a.name === name)!;
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const user = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });

test('an information-only father can read about Noor but not confirm, answer or export for the family', async () => {
  const school = await db.school.findUniqueOrThrow({ where: { slug: 'distelvlinder' } });
  const father = await user('informatie@distelvlinder.demo');
  const noor = await db.child.findFirstOrThrow({ where: { guardianships: { some: { userId: father.id, right: 'INFORMATION', endedAt: null } } }, select: { id: true } });
  const mother = await db.guardianship.findFirstOrThrow({ where: { childId: noor.id, right: 'AUTHORITY', endedAt: null }, select: { userId: true } });
  const director = await user(LOGINS.director);
  const record = await db.talkRecord.create({
    data: { schoolId: school.id, childId: noor.id, kind: 'talk', title: 'Rapportgesprek', heldOn: new Date(), notes: {}, authorId: director.id, publishedAt: new Date(), agreements: { create: { childId: noor.id, owner: 'PARENT', what: 'Samen lezen' } } },
    select: { id: true, agreements: { select: { id: true } } },
  });
  const agreementId = record.agreements[0].id;
  const [asFather, asMother] = [await sessionCookie(father.id), await sessionCookie(mother.userId)];
  const confirm = action('lib/records/actions.ts', 'confirmRecordAction');
  const respond = action('lib/records/actions.ts', 'agreementResponseAction');

  // He reads the child's file through the API…
  const api = await request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { cookie: asFather } });
  expect((await api.get(`/api/children/${noor.id}`)).status()).toBe(200);
  // …but the family's confirmation, answers and the data-subject export are the mother's (authority).
  expect(await callAction(confirm, [null, form({ recordId: record.id, childId: noor.id })], asFather)).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
  expect(await callAction(respond, [null, form({ agreementId, kind: 'parent_done', childId: noor.id })], asFather)).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
  expect((await api.get(`/api/children/${noor.id}/export`)).status()).toBe(404);
  expect(await db.talkRecord.findUniqueOrThrow({ where: { id: record.id }, select: { parentConfirmedAt: true } })).toEqual({ parentConfirmedAt: null });
  expect(await db.agreementEvent.count({ where: { agreementId } })).toBe(0);

  expect(await callAction(respond, [null, form({ agreementId, kind: 'parent_done', childId: noor.id })], asMother)).toEqual({ result: { ok: true } });
  expect(await callAction(confirm, [null, form({ recordId: record.id, childId: noor.id })], asMother)).toEqual({ result: { ok: true } });
  expect(await db.agreementEvent.count({ where: { agreementId } })).toBe(1);
  expect((await db.talkRecord.findUniqueOrThrow({ where: { id: record.id }, select: { parentConfirmedAt: true } })).parentConfirmedAt).not.toBeNull();
  await api.dispose();
});

test("separated parents: the father cannot cancel or move the talk the mother's household booked on its own; another family reaches nothing", async () => {
  const round = await db.talkRound.findFirstOrThrow({ where: { name: 'Welbevindengesprekken', school: { slug: 'distelvlinder' } }, select: { id: true, separateTalksAllowed: true } });
  expect(round.separateTalksAllowed).toBe(true);
  const [mother, father] = [await user(LOGINS.guardian), await user('ouder2@distelvlinder.demo')];
  const sanne = await db.child.findFirstOrThrow({ where: { firstName: 'Sanne', guardianships: { some: { userId: mother.id } } }, select: { id: true, enrolments: { select: { groupId: true } } } });
  const free = await db.slot.findMany({ where: { roundId: round.id, groupId: sanne.enrolments[0].groupId, claim: null, blocked: false, startsAt: { gt: new Date() } }, orderBy: { startsAt: 'desc' }, take: 2, select: { id: true } });
  const [asMother, asFather] = [await sessionCookie(mother.id), await sessionCookie(father.id)];

  const api = await request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { cookie: asMother } });
  const booked = await api.post('/api/bookings', { data: { roundId: round.id, items: [{ childId: sanne.id, slotId: free[0].id }] } });
  expect(booked.status()).toBe(201);
  const bookingId = (await booked.json()).bookings[0].id as string;
  const cancel = action('lib/bookings/actions.ts', 'cancelAction');
  const move = action('lib/bookings/actions.ts', 'moveAction');

  expect(await callAction(cancel, [{ bookingId }], asFather)).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
  expect(await callAction(move, [{ bookingId, slotId: free[1].id }], asFather)).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
  const fatherApi = await request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { cookie: asFather } });
  expect((await fatherApi.delete(`/api/bookings/${bookingId}`)).status()).toBe(404);
  expect(await db.slotClaim.findMany({ where: { bookingId }, select: { slotId: true } })).toEqual([{ slotId: free[0].id }]);

  // Another family: no note on Sanne, no booking for her.
  const other = await db.user.findFirstOrThrow({ where: { guardianships: { some: { endedAt: null, child: { school: { slug: 'distelvlinder' } } } }, NOT: { guardianships: { some: { childId: sanne.id } } } }, select: { id: true } });
  const asOther = await sessionCookie(other.id);
  const note = action('lib/records/actions.ts', 'addChildNoteAction');
  expect(await callAction(note, [null, form({ childId: sanne.id, text: 'Niet van mij', visibleTo: 'TEACHER' })], asOther)).toEqual({ result: { ok: false, error: 'NOT_FOUND' } });
  expect(await db.childNote.count({ where: { childId: sanne.id, text: 'Niet van mij' } })).toBe(0);

  // The mother's household cancels its own talk (and leaves the demo round as it was).
  expect(await callAction(cancel, [{ bookingId }], asMother)).toEqual({ result: { ok: true } });
  expect(await db.booking.count({ where: { id: bookingId } })).toBe(0);
  await api.dispose();
  await fatherApi.dispose();
});
