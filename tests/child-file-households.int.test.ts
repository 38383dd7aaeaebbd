import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { childDetail } from '@/lib/people/queries';
import { childExport } from '@/lib/records/export';
import { childPreparations, parentNotesFor, preparationForm, savePreparation } from '@/lib/records/preparation';
import { addChildNote, childFile, childNotes, confirmRecord, publishRecord, respondToAgreement, saveRecord } from '@/lib/records/service';
import { childTimeline } from '@/lib/records/timeline';
import { OPEN, bookingWorld, type BookingWorld } from './support/booking-world';
import { createFamily, createUser } from './support/factories';

// Separated parents and information-only guardians in the child file (issue 12): BW 1:377c gives a
// parent without authority information about the child, not about the other parent, and no say.

let w: BookingWorld;
let f: Awaited<ReturnType<typeof separatedFamily>>;

/** Mother (authority) and her partner in one household, father (information only) in the other; the child in 6B. */
async function separatedFamily() {
  const { guardians: [mother, father], children: [child] } = await createFamily(w.school.id, w.year.id, [w.g6.id], { guardians: 2, separated: true, informationOnly: true });
  const partner = await createUser(w.school.id, 'GUARDIAN');
  const home = await prisma.guardianship.findFirstOrThrow({ where: { childId: child.id, userId: mother.user.id } });
  await prisma.guardianship.create({ data: { schoolId: w.school.id, childId: child.id, userId: partner.user.id, householdId: home.householdId, right: 'AUTHORITY', relation: 'stiefvader' } });
  await prisma.user.update({ where: { id: father.user.id }, data: { phone: '06-12345678' } });
  return { mother, father, partner, child };
}

beforeAll(async () => {
  w = await bookingWorld();
  f = await separatedFamily();
});

const contactsSeenBy = async (actor: Parameters<typeof childDetail>[0]) =>
  Object.fromEntries((await childDetail(actor, f.child.id)).guardianships.map((g) => [g.user.id, [g.user.email ?? null, g.user.phone ?? null]]));

describe("the other guardian's contact details", () => {
  it('a guardian sees the e-mail and phone of their own household only; staff see all', async () => {
    const byMother = await contactsSeenBy(f.mother.actor);
    expect(byMother).toEqual({ [f.mother.user.id]: [f.mother.user.email, null], [f.partner.user.id]: [f.partner.user.email, null], [f.father.user.id]: [null, null] });
    // The father still sees who the other guardians are (name and relation), just not how to reach them.
    const forFather = await childDetail(f.father.actor, f.child.id);
    expect(forFather.guardianships.map((g) => [g.user.id, g.relation]).sort()).toEqual([[f.mother.user.id, 'moeder'], [f.partner.user.id, 'stiefvader'], [f.father.user.id, 'vader']].sort());
    expect(await contactsSeenBy(f.father.actor)).toEqual({ [f.mother.user.id]: [null, null], [f.partner.user.id]: [null, null], [f.father.user.id]: [f.father.user.email, '06-12345678'] });
    expect((await contactsSeenBy(w.meester.actor))[f.father.user.id]).toEqual([f.father.user.email, '06-12345678']);
    expect((await contactsSeenBy(w.director.actor))[f.mother.user.id]).toEqual([f.mother.user.email, null]);
  });

  it("the data-subject export holds the other household's names, not their contact details", async () => {
    const exported = await childExport(f.mother.actor, f.child.id);
    const father = exported.child.guardianships.find((g) => g.relation === 'vader')!;
    expect(father.user).toEqual({ firstName: f.father.user.firstName, prefix: null, lastName: f.father.user.lastName, email: null, phone: null });
    expect(JSON.stringify(exported)).not.toContain(f.father.user.email);
    expect(JSON.stringify(exported)).not.toContain('06-12345678');
  });

  it("the school's setting shows every guardian's contact details to every guardian", async () => {
    await prisma.school.update({ where: { id: w.school.id }, data: { shareGuardianContacts: true } });
    try {
      expect((await contactsSeenBy(f.mother.actor))[f.father.user.id]).toEqual([f.father.user.email, '06-12345678']);
    } finally {
      await prisma.school.update({ where: { id: w.school.id }, data: { shareGuardianContacts: false } });
    }
  });
});

describe("the other household's additions and preparations", () => {
  it('an addition is for the own household (and the chosen staff) unless the parent shares it with the other household too', async () => {
    await addChildNote(f.mother.actor, f.child.id, 'Alleen voor ons huis en de juf.', ['TEACHER']);
    await addChildNote(f.mother.actor, f.child.id, 'Ook voor de vader.', ['TEACHER'], true);
    const texts = async (actor: Parameters<typeof childNotes>[0]) => (await childNotes(actor, f.child.id)).map((n) => n.text).sort();
    expect(await texts(f.mother.actor)).toEqual(['Alleen voor ons huis en de juf.', 'Ook voor de vader.']);
    expect(await texts(f.partner.actor)).toEqual(['Alleen voor ons huis en de juf.', 'Ook voor de vader.']);
    expect(await texts(f.father.actor)).toEqual(['Ook voor de vader.']);
    expect(await texts(w.meester.actor)).toEqual(['Alleen voor ons huis en de juf.', 'Ook voor de vader.']);
    const fatherSees = (await childTimeline(f.father.actor, f.child.id)).entries.filter((e) => e.type === 'note');
    expect(fatherSees.map((e) => e.type === 'note' && e.note.text)).toEqual(['Ook voor de vader.']);
  });

  it("a household's preparation is read by that household and staff, not by the other household", async () => {
    await savePreparation(f.mother.actor, { roundId: w.round.id, childId: f.child.id, answers: { 0: 'Thuis gaat het goed.' }, childAnswers: {} }, OPEN);
    expect((await childPreparations(f.partner.actor, f.child.id)).map((p) => p.answers)).toEqual([{ [w.stage.agendaTopics[0]]: 'Thuis gaat het goed.' }]);
    expect(await childPreparations(f.father.actor, f.child.id)).toEqual([]);
    expect((await childTimeline(f.father.actor, f.child.id)).entries.filter((e) => e.type === 'preparation')).toEqual([]);
    expect((await childPreparations(w.meester.actor, f.child.id)).map((p) => p.childId)).toEqual([f.child.id]);
    // The father's own form is empty: his household has not prepared.
    expect((await preparationForm(f.father.actor, f.child.id, w.round.id)).saved).toBeNull();
  });
});

describe('an information-only guardian reads, but does not act for the family', () => {
  it('cannot confirm or answer the talk record, nor respond to its agreements', async () => {
    const recordId = await saveRecord(w.meester.actor, { childId: f.child.id, kind: 'talk', title: 'Welbevindengesprek', heldOn: '2026-11-17', notes: {}, agreements: [{ owner: 'PARENT', what: 'Leest elke avond voor.' }] });
    await publishRecord(w.meester.actor, recordId);
    const { records, open } = await childFile(f.father.actor, f.child.id);
    expect(records.map((r) => r.id)).toEqual([recordId]); // reads it
    await expect(confirmRecord(f.father.actor, recordId, 'Ik ben het er niet mee eens.')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(respondToAgreement(f.father.actor, open[0].id, 'parent_done')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const record = await prisma.talkRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect([record.parentConfirmedAt, record.parentResponse]).toEqual([null, null]);
    expect(await prisma.agreementEvent.count({ where: { agreementId: open[0].id, actorId: f.father.user.id } })).toBe(0);
    // The mother, with authority, does both.
    await confirmRecord(f.mother.actor, recordId, 'Helder.');
    await respondToAgreement(f.mother.actor, open[0].id, 'parent_done');
    expect((await prisma.talkRecord.findUniqueOrThrow({ where: { id: recordId } })).parentResponse).toBe('Helder.');
  });

  it('prepares a talk only when the round invites information-only guardians', async () => {
    const input = { roundId: w.round.id, childId: f.child.id, answers: { 0: 'Vanuit mijn huis.' }, childAnswers: {} };
    await expect(savePreparation(f.father.actor, input, OPEN)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.talkPreparation.count({ where: { childId: f.child.id, updatedById: f.father.user.id } })).toBe(0);
    expect((await preparationForm(f.father.actor, f.child.id, w.round.id)).mayWrite).toBe(false);
    await prisma.talkRound.update({ where: { id: w.round.id }, data: { inviteInformationOnly: true } });
    try {
      expect((await preparationForm(f.father.actor, f.child.id, w.round.id)).mayWrite).toBe(true);
      await savePreparation(f.father.actor, input, OPEN);
      expect(await prisma.talkPreparation.count({ where: { childId: f.child.id, updatedById: f.father.user.id } })).toBe(1);
    } finally {
      await prisma.talkRound.update({ where: { id: w.round.id }, data: { inviteInformationOnly: false } });
    }
  });

  it('cannot download the data-subject export; the guardian with authority and the director can', async () => {
    await expect(childExport(f.father.actor, f.child.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(childExport(f.partner.actor, f.child.id)).resolves.toMatchObject({ child: { pupilNumber: f.child.pupilNumber } });
    await expect(childExport(w.director.actor, f.child.id)).resolves.toMatchObject({ child: { pupilNumber: f.child.pupilNumber } });
    await expect(childExport(w.meester.actor, f.child.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('staff reads are audited where the data is read', () => {
  const reads = (actorId: string, subject: string) => prisma.fileAudit.count({ where: { childId: f.child.id, actorId, action: 'read', subject } });

  it("childDetail logs a staff member's read of the child's details, not a guardian's", async () => {
    const before = await reads(w.meester.user.id, 'details');
    await childDetail(w.meester.actor, f.child.id);
    expect(await reads(w.meester.user.id, 'details')).toBe(before + 1);
    await childDetail(f.mother.actor, f.child.id);
    expect(await prisma.fileAudit.count({ where: { childId: f.child.id, actorId: f.mother.user.id } })).toBe(0);
  });

  it("the day view's parent notes (the booking's note) are read through an audited function", async () => {
    const booking = await prisma.booking.create({ data: { schoolId: w.school.id, roundId: w.round.id, childId: f.child.id, bookedById: f.mother.user.id, householdKey: 'joint', note: 'Graag na half acht.' } });
    const before = await reads(w.meester.user.id, 'parentNote');
    expect(await parentNotesFor(w.meester.actor, [booking.id])).toEqual([{ bookingId: booking.id, childId: f.child.id, note: 'Graag na half acht.' }]);
    expect(await reads(w.meester.user.id, 'parentNote')).toBe(before + 1);
    // Another group's teacher and guardians get nothing.
    expect(await parentNotesFor(w.juf.actor, [booking.id])).toEqual([]);
    expect(await parentNotesFor(f.mother.actor, [booking.id])).toEqual([]);
  });
});
