import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { POLICY, RELATIONS, SCHOOL_KINDS, type Relation, type ResourceKind } from '@/lib/access/policy';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { childDetail } from '@/lib/people/queries';
import { childExportData } from '@/lib/records/export';
import { childMoments, createMoment } from '@/lib/records/moments';
import { childPreparations, savePreparation } from '@/lib/records/preparation';
import { setChildLeft } from '@/lib/records/retention';
import { addChildNote, childFile, childNotes, confirmRecord, createGuidancePlan, guidancePlans, respondToAgreement, saveRecord, setAgreementStatus } from '@/lib/records/service';
import { isGuardian } from '@/lib/access/roles';
import { savePreferences } from '@/lib/bookings/fair';
import { freeSlotsFor, roundForGuardian } from '@/lib/bookings/queries';
import { bookTalks } from '@/lib/bookings/service';
import { addSlot, missingBookings, setSlotBlocked } from '@/lib/bookings/staff';
import { joinWaitlist } from '@/lib/bookings/waitlist';
import { childTimeline } from '@/lib/records/timeline';
import { disruptionProbes } from './matrix/disruption';
import { messagesProbes } from './matrix/messages';
import { reportsProbes } from './matrix/reports';
import { wishesProbes } from './matrix/wishes';
import { type Probe, type Probes, type Rounds, type Target, refusedAsNotFound } from './matrix/types';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The access matrix, generated from the policy table (lib/access/policy.ts): every relation to a
// child × every resource kind and verb × the child being their own / another family's in the same
// group / another group's / another school's, run against the real database through the data
// functions the pages and actions call, asserting allowed or NOT_FOUND. A kind or verb in the table
// without a probe here fails the test, so the matrix stays complete when the policy grows.

type Scope = 'own' | 'otherFamily' | 'otherGroup' | 'otherSchool';
const SCOPES: Scope[] = ['own', 'otherFamily', 'otherGroup', 'otherSchool'];

const today = new Date().toISOString().slice(0, 10);
const NOW = new Date();
const ROUND_DAY = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const freeSlot = (roundId: string, groupId: string) => prisma.slot.findFirstOrThrow({ where: { roundId, groupId, claim: null, blocked: false }, orderBy: { startsAt: 'asc' } });
const blocksOf = async (roundId: string) => (await prisma.roundBlock.findMany({ where: { roundId }, select: { id: true } })).map((b) => b.id);

// One probe per kind and verb: the call a page or action makes for it.
const PROBES: Probes = {
  ...messagesProbes,
  ...reportsProbes,
  ...wishesProbes,
  'child.read': (a, c) => childDetail(a, c.id),
  'child.write': (a, c) => setChildLeft(a, c.id, null),
  // Contact details: the other household's e-mail is there or it is not; "not there" counts as refused.
  // Each parent of the separated family is their household's only guardian, so "another guardian"
  // is the other household; for staff, any guardian.
  'guardianContact.read': async (a, c) => {
    const other = c.guardians.find((g) => g.userId !== a.userId)!;
    if (!(await childDetail(a, c.id)).guardianships.some((g) => g.user.email === other.email)) refusedAsNotFound();
  },
  'guardianContact.readOwnHousehold': async (a, c) => {
    const own = c.guardians.find((g) => g.userId === a.userId) ?? c.guardians[0];
    if (!(await childDetail(a, c.id)).guardianships.some((g) => g.user.email === own.email)) refusedAsNotFound();
  },
  // Rounds and moments: guardians through their round page, staff through the round's progress list.
  'round.read': async (a, c) => {
    const sees = isGuardian(a)
      ? (await roundForGuardian(a, c.roundId, NOW)).children.some((x) => x.child.id === c.id)
      : (await missingBookings(a, c.roundId)).groups.some((g) => g.missing.some((x) => x.id === c.id));
    if (!sees) refusedAsNotFound();
  },
  'round.write': (a, c) => addSlot(a, c.roundId, c.groupId, new Date(Date.parse(`${ROUND_DAY}T16:00:00Z`) + Math.floor(Math.random() * 1000) * 60_000)),
  'slot.read': (a, c) => freeSlotsFor(a, c.roundId, c.id, NOW),
  'slot.write': async (a, c) => setSlotBlocked(a, (await freeSlot(c.roundId, c.groupId)).id, false),
  'booking.read': async (a, c) => {
    if (!(await childTimeline(a, c.id)).entries.some((e) => e.type === 'talk')) refusedAsNotFound();
  },
  'booking.write': async (a, c) => bookTalks(a, { roundId: c.roundId, items: [{ childId: c.id, slotId: (await freeSlot(c.roundId, c.groupId)).id }] }, NOW),
  'booking.writeIfInvited': async (a, c) => bookTalks(a, { roundId: c.invitingRoundId, items: [{ childId: c.id, slotId: (await freeSlot(c.invitingRoundId, c.groupId)).id }] }, NOW),
  'waitlist.read': async (a, c) => {
    if (!(await roundForGuardian(a, c.roundId, NOW)).children.some((x) => x.child.id === c.id)) refusedAsNotFound();
  },
  'waitlist.write': (a, c) => joinWaitlist(a, c.roundId, c.id, NOW),
  'waitlist.writeIfInvited': (a, c) => joinWaitlist(a, c.invitingRoundId, c.id, NOW),
  'preference.read': async (a, c) => {
    if (!(await roundForGuardian(a, c.fairRoundId, NOW)).children.some((x) => x.child.id === c.id)) refusedAsNotFound();
  },
  'preference.write': async (a, c) => savePreferences(a, c.fairRoundId, [c.id], await blocksOf(c.fairRoundId), NOW),
  'preference.writeIfInvited': async (a, c) => savePreferences(a, c.invitingFairRoundId, [c.id], await blocksOf(c.invitingFairRoundId), NOW),
  'record.read': async (a, c) => {
    const file = await childFile(a, c.id);
    if (!file.records.some((r) => r.id === c.recordId)) refusedAsNotFound();
  },
  'record.write': (a, c) => saveRecord(a, { childId: c.id, kind: 'phone', title: 'Telefoontje', heldOn: today, notes: {}, agreements: [] }),
  'record.confirm': (a, c) => confirmRecord(a, c.recordId),
  'agreement.read': async (a, c) => {
    const file = await childFile(a, c.id);
    if (!file.records.some((r) => r.agreements.some((x) => x.id === c.agreementId))) refusedAsNotFound();
  },
  'agreement.write': (a, c) => setAgreementStatus(a, c.agreementId, 'OPEN'),
  'agreement.respond': (a, c) => respondToAgreement(a, c.agreementId, 'parent_done'),
  'plan.read': (a, c) => guidancePlans(a, c.id),
  'plan.write': (a, c) => createGuidancePlan(a, { childId: c.id, subject: 'Lezen', parentTask: 'Samen lezen', how: 'Hardop', howOften: 'Dagelijks', startsOn: today, evaluateOn: today }),
  'note.read': (a, c) => childNotes(a, c.id),
  'note.write': (a, c) => addChildNote(a, c.id, 'Sinds kort een bril.', ['TEACHER']),
  'moment.read': (a, c) => childMoments(a, c.id),
  'moment.write': (a, c) => createMoment(a, { childId: c.id, purpose: 'Extra gesprek', date: '2099-03-09', time: '15:00', minutes: 15 }),
  'preparation.read': (a, c) => childPreparations(a, c.id),
  'preparation.write': (a, c) => savePreparation(a, { roundId: c.roundId, childId: c.id, answers: { 0: 'Gaat goed' }, childAnswers: {} }),
  // The same in a round that invites guardians with the right to information too.
  'preparation.writeIfInvited': (a, c) => savePreparation(a, { roundId: c.invitingRoundId, childId: c.id, answers: { 0: 'Gaat goed' }, childAnswers: {} }),
  'export.read': (a, c) => childExportData(a, c.id),
  ...disruptionProbes(ROUND_DAY, NOW),
};

/** What the table says for a relation and a child in that scope. */
function expected(relation: Relation, scope: Scope, kind: ResourceKind, verb: string) {
  if (scope === 'otherSchool') return false;
  const guardian = relation === 'authority' || relation === 'information';
  if (guardian && scope !== 'own') return false;
  if (relation === 'teacher' && scope === 'otherGroup') return false;
  // A conditional verb widens its plain one: "write if invited" is write, plus who is invited.
  const table = POLICY[kind] as Record<string, readonly Relation[]>;
  const plain = verb.replace(/IfInvited$|OwnHousehold$/, '');
  return [...(table[plain] ?? []), ...(table[verb] ?? [])].includes(relation);
}

// NOT_INVITED is the refusal a guardian hears in a round they may read but not act in (policy.ts).
const REFUSALS = new Set(['NOT_FOUND', 'NOT_INVITED']);

async function outcome(probe: Probe, actor: Actor, child: Target) {
  try {
    await probe(actor, child);
    return 'allowed';
  } catch (e) {
    if (e instanceof AppError) return REFUSALS.has(e.code) ? 'NOT_FOUND' : 'allowed'; // else: past the access check, refused for another reason
    throw e;
  }
}

let world: Awaited<ReturnType<typeof build>>;

/**
 * A well-being stage whose talks parents prepare, and two open rounds for the groups, a month
 * ahead: one for guardians with authority only, one that invites information-only guardians too.
 */
async function roundsOf(schoolId: string, createdById: string, groupIds: string[]): Promise<Rounds> {
  const stage = await prisma.stageDefinition.create({
    data: { schoolId, position: 1, key: 'well_being', name: 'Welbevindengesprek', period: 'november', durationMinutes: 10, parentPreparation: true, agendaTopics: ['Hoe gaat het?'], mandatoryGrades: [5, 6] },
  });
  const start = new Date(`${ROUND_DAY}T14:00:00Z`);
  const round = async (inviteInformationOnly: boolean, fair = false) => {
    const r = await prisma.talkRound.create({
      data: {
        schoolId, stageId: stage.id, name: `${inviteInformationOnly ? 'Met alle ouders' : 'Ouders met gezag'}${fair ? ' (eerlijk)' : ''}`, slotMinutes: 10, separateTalksAllowed: true, inviteInformationOnly,
        mode: fair ? 'FAIR' : 'FIRST_COME', preferencesCloseAt: fair ? new Date(start.getTime() - 7 * 86_400_000) : null,
        opensAt: new Date(Date.now() - 86_400_000), deadline: new Date(start.getTime() - 86_400_000), createdById,
        groups: { create: groupIds.map((groupId) => ({ groupId })) },
        blocks: { create: { startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) } },
      },
    });
    await prisma.slot.createMany({
      data: groupIds.flatMap((groupId) => Array.from({ length: 6 }, (_, i) => ({ schoolId, roundId: r.id, groupId, startsAt: new Date(start.getTime() + i * 600_000), endsAt: new Date(start.getTime() + (i + 1) * 600_000) }))),
    });
    return r.id;
  };
  return { roundId: await round(false), invitingRoundId: await round(true), fairRoundId: await round(false, true), invitingFairRoundId: await round(true, true) };
}

async function build() {
  const a = await createSchool();
  const b = await createSchool();
  const director = await createUser(a.school.id, 'DIRECTOR');
  const teacher = await createUser(a.school.id, 'TEACHER');
  const otherTeacher = await createUser(a.school.id, 'TEACHER');
  const care = await createUser(a.school.id, 'TEACHER');
  await prisma.membership.update({ where: { id: care.actor.membershipId }, data: { careCoordinator: true } });
  const g1 = await createGroup(a.school.id, a.year.id, '5A', [teacher.user.id]);
  const g2 = await createGroup(a.school.id, a.year.id, '6A', [otherTeacher.user.id]);
  // Separated parents: the mother with authority, the father with the right to information only.
  const family = await createFamily(a.school.id, a.year.id, [g1.id], { guardians: 2, separated: true, informationOnly: true });
  const neighbours = await createFamily(a.school.id, a.year.id, [g1.id], { guardians: 2, separated: true });
  const otherGroup = await createFamily(a.school.id, a.year.id, [g2.id], { guardians: 2, separated: true });
  const otherDirector = await createUser(b.school.id, 'DIRECTOR');
  const g3 = await createGroup(b.school.id, b.year.id, '5A');
  const elsewhere = await createFamily(b.school.id, b.year.id, [g3.id], { guardians: 2, separated: true });

  const roundsA = await roundsOf(a.school.id, director.user.id, [g1.id, g2.id]);
  const roundsB = await roundsOf(b.school.id, otherDirector.user.id, [g3.id]);
  // Every child has a published record with one agreement, written by their school's director.
  const target = async (dir: Actor, f: typeof family, rounds: Rounds): Promise<Target> => {
    const id = f.children[0].id;
    const recordId = await saveRecord(dir, { childId: id, kind: 'talk', title: 'Welbevinden', heldOn: today, notes: {}, agreements: [{ owner: 'PARENT', what: 'Samen lezen' }] });
    await prisma.talkRecord.update({ where: { id: recordId }, data: { publishedAt: new Date() } });
    const agreementId = (await prisma.agreement.findFirstOrThrow({ where: { recordId }, select: { id: true } })).id;
    const groupId = (await prisma.enrolment.findFirstOrThrow({ where: { childId: id }, select: { groupId: true } })).groupId;
    // A talk already booked for the family (joint), for reading; in a round of its own.
    const talk = await prisma.talkRound.findFirstOrThrow({ where: { id: rounds.invitingRoundId } });
    await bookTalks(dir, { roundId: talk.id, items: [{ childId: id, slotId: (await freeSlot(talk.id, groupId)).id }] }, NOW);
    return { id, schoolId: dir.schoolId, groupId, recordId, agreementId, ...rounds, director: dir, guardians: f.guardians.map((g) => ({ userId: g.user.id, email: g.user.email })) };
  };
  const children: Record<Scope, Target> = {
    own: await target(director.actor, family, roundsA),
    otherFamily: await target(director.actor, neighbours, roundsA),
    otherGroup: await target(director.actor, otherGroup, roundsA),
    otherSchool: await target(otherDirector.actor, elsewhere, roundsB),
  };
  const actors: Record<Relation, Actor> = {
    authority: family.guardians[0].actor,
    information: family.guardians[1].actor,
    teacher: teacher.actor,
    care: { ...care.actor, care: true },
    director: director.actor,
  };
  return { actors, children };
}

beforeAll(async () => {
  world = await build();
}, 60_000);


const CHILD_KINDS = (Object.keys(POLICY) as ResourceKind[]).filter((k) => !(SCHOOL_KINDS as readonly string[]).includes(k));

describe('access matrix', () => {
  it('has a probe for every kind and verb about a child in the policy table', () => {
    const missing = CHILD_KINDS.flatMap((k) => Object.keys(POLICY[k]).map((v) => `${k}.${v}`)).filter((kv) => !(kv in PROBES));
    expect(missing).toEqual([]);
  });

  it('every relation × kind × verb × scope is allowed or NOT_FOUND exactly as the table says', async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const [key, probe] of Object.entries(PROBES) as [`${ResourceKind}.${string}`, Probe][]) {
      const [kind, verb] = key.split('.') as [ResourceKind, string];
      for (const relation of RELATIONS)
        for (const scope of SCOPES) {
          cells++;
          const want = expected(relation, scope, kind, verb) ? 'allowed' : 'NOT_FOUND';
          const got = await outcome(probe, world.actors[relation], world.children[scope]);
          if (got !== want) wrong.push(`${key} ${relation} ${scope}: expected ${want}, got ${got}`);
        }
    }
    console.log(`access matrix: ${cells} cells checked (${Object.keys(PROBES).length} kinds/verbs × ${RELATIONS.length} relations × ${SCOPES.length} scopes)`);
    expect(wrong).toEqual([]);
  }, 120_000);
});
