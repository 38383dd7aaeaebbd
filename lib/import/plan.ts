import { createHash } from 'node:crypto';
import type { GuardianRight, Role } from '@/generated/prisma/client';
import type { Db, Tx } from '@/lib/db';
import { parseCsv } from './csv';
import { gradeOf, isCareCoordinatorRole, PUPIL_COLUMNS, pupilRowSchema, STAFF_COLUMNS, staffRowSchema } from './schemas';

// Import planning: read both files, validate every row, and compare with what the school already
// has. The same function runs for the preview and again inside the confirming transaction, so what
// is written is exactly what the director saw (or the import fails as a whole).

export type Rejection = { file: 'pupils' | 'staff'; row: number; reason: string; field?: string };
export type Counts = { create: number; update: number; unchanged: number };
type Person = { email: string; firstName: string; prefix: string | null; lastName: string; phone: string | null };

export type ImportPlan = {
  rejected: Rejection[];
  counts: Record<'groups' | 'children' | 'guardians' | 'guardianships' | 'staff' | 'teacherAssignments', Counts>;
  changes: { entity: string; label: string; fields: string[] }[];
  // What apply() writes (ids of existing rows where known).
  groups: { name: string; grade: number; id?: string; gradeChanged?: boolean }[];
  children: { pupilNumber: string; firstName: string; prefix: string | null; lastName: string; dateOfBirth: Date; group: string; id?: string; changed: string[]; groupChanged: boolean }[];
  people: (Person & { id?: string; changed: string[]; roles: Role[]; missingRoles: Role[] })[];
  households: string[];
  guardianships: { pupilNumber: string; email: string; householdKey: string; right: GuardianRight; relation: string; id?: string; changed: string[] }[];
  teacherAssignments: { email: string; group: string; exists: boolean }[];
  // Staff whose role in the file is "intern begeleider": teachers who coordinate care (Membership.careCoordinator).
  careCoordinators: string[];
  // Sync only: what the file no longer lists ends. Who loses access is shown by name before anything is saved.
  losing: { guardianshipId: string; userId: string; childId: string; guardian: string; child: string }[];
  leaving: { childId: string; child: string }[];
  unassigned: { groupId: string; userId: string; teacher: string; group: string }[];
  // The first import of a year that follows a year with pupils: who moves up, who stays in their
  // grade, who is new, and (in `leaving`) who is no longer listed and leaves when last year ends.
  rollover: Rollover | null;
};

export type Transition = { child: string; from: string; to: string };
export type Rollover = { from: string; to: string; leavesOn: Date; movesUp: Transition[]; staysBack: Transition[]; newPupils: string[] };

/** `sync`: the files are the whole truth, so guardianships, pupils and teacher assignments they do not list end. */
export type ImportMode = { sync?: boolean };

const names = { firstName: true, prefix: true, lastName: true } as const;
const nameOf = (p: { firstName: string; prefix: string | null; lastName: string }) => [p.firstName, p.prefix, p.lastName].filter(Boolean).join(' ');
const householdKeyOf = (emails: string[]) => 'h' + createHash('sha256').update([...emails].sort().join('\n')).digest('hex').slice(0, 16);
// Optional columns may be absent from an export; an empty cell means the same.
const blank = (columns: string[]) => Object.fromEntries(columns.map((c) => [c, '']));
const counts = (): Counts => ({ create: 0, update: 0, unchanged: 0 });
const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? +a === +b : (a ?? null) === (b ?? null));

function missingColumns(headers: string[], required: string[], file: 'pupils' | 'staff'): Rejection[] {
  return required.filter((c) => !headers.includes(c)).map((c) => ({ file, row: 1, reason: 'missingColumn', field: c }));
}

export async function planImport(db: Db | Tx, schoolId: string, schoolYearId: string, files: { pupils?: string; staff?: string }, mode: ImportMode = {}): Promise<ImportPlan> {
  const rejected: Rejection[] = [];
  const reject = (file: 'pupils' | 'staff', row: number, reason: string, field?: string) => rejected.push({ file, row, reason, field });

  // 1. Rows → validated records, with cross-row checks.
  const pupils = new Map<string, { row: number; firstName: string; prefix: string | null; lastName: string; dateOfBirth: Date; group: string }>();
  const peopleByEmail = new Map<string, Person & { row: number; file: 'pupils' | 'staff' }>();
  const links: { pupilNumber: string; email: string; household: string; right: GuardianRight; relation: string; row: number }[] = [];
  const staff: { email: string; role: Role; groups: string[]; row: number; care: boolean }[] = [];

  const person = (file: 'pupils' | 'staff', row: number, p: Person) => {
    const known = peopleByEmail.get(p.email);
    if (known && (known.firstName !== p.firstName || known.lastName !== p.lastName || (known.prefix ?? null) !== (p.prefix ?? null))) {
      reject(file, row, 'emailNameConflict', 'email');
      return false;
    }
    if (!known) peopleByEmail.set(p.email, { ...p, row, file });
    else if (!known.phone && p.phone) known.phone = p.phone;
    return true;
  };

  if (files.pupils?.trim()) {
    const { headers, rows } = parseCsv(files.pupils);
    const missing = missingColumns(headers, PUPIL_COLUMNS.slice(0, 6), 'pupils');
    rejected.push(...missing);
    if (!missing.length)
      for (const { row, values } of rows) {
        const parsed = pupilRowSchema.safeParse({ ...blank(PUPIL_COLUMNS), ...values });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          reject('pupils', row, issue.message, issue.path.map(String).join('.') || undefined);
          continue;
        }
        const r = parsed.data;
        const pupil = { row, firstName: r.voornaam, prefix: r.tussenvoegsel, lastName: r.achternaam, dateOfBirth: r.geboortedatum, group: r.groep };
        const known = pupils.get(r.leerlingnummer);
        if (known && (known.firstName !== pupil.firstName || known.lastName !== pupil.lastName || +known.dateOfBirth !== +pupil.dateOfBirth || known.group !== pupil.group)) {
          reject('pupils', row, known.group !== pupil.group ? 'pupilInTwoGroups' : 'pupilConflict', 'leerlingnummer');
          continue;
        }
        if (!known) pupils.set(r.leerlingnummer, pupil);
        const g = r.guardian;
        if (!g) continue;
        if (!person('pupils', row, { email: g.ouder_email, firstName: g.ouder_voornaam, prefix: g.ouder_tussenvoegsel, lastName: g.ouder_achternaam, phone: g.ouder_telefoon })) continue;
        if (links.some((l) => l.pupilNumber === r.leerlingnummer && l.email === g.ouder_email)) {
          reject('pupils', row, 'duplicateGuardian', 'ouder_email');
          continue;
        }
        links.push({ pupilNumber: r.leerlingnummer, email: g.ouder_email, household: g.huishouden, right: g.gezag ? 'AUTHORITY' : 'INFORMATION', relation: g.relatie, row });
      }
  }

  if (files.staff?.trim()) {
    const { headers, rows } = parseCsv(files.staff);
    const missing = missingColumns(headers, STAFF_COLUMNS.slice(0, 5), 'staff');
    rejected.push(...missing);
    if (!missing.length)
      for (const { row, values } of rows) {
        const parsed = staffRowSchema.safeParse({ ...blank(STAFF_COLUMNS), ...values });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          reject('staff', row, issue.message, issue.path.map(String).join('.') || undefined);
          continue;
        }
        const s = parsed.data;
        if (staff.some((x) => x.email === s.email)) {
          reject('staff', row, 'duplicateStaff', 'email');
          continue;
        }
        if (!person('staff', row, { email: s.email, firstName: s.voornaam, prefix: s.tussenvoegsel, lastName: s.achternaam, phone: null })) continue;
        staff.push({ email: s.email, role: s.rol, groups: s.groepen, row, care: isCareCoordinatorRole(values.rol) });
      }
  }

  // 2. Compare with the database.
  // Sequential on purpose: inside a transaction the queries share one connection.
  const dbGroups = await db.group.findMany({ where: { schoolId, schoolYearId }, select: { id: true, name: true, grade: true, teachers: { select: { userId: true, user: { select: { email: true, firstName: true, prefix: true, lastName: true } } } } } });
  const dbChildren = await db.child.findMany({
      where: { schoolId, pupilNumber: { in: [...pupils.keys()] } },
      select: { id: true, pupilNumber: true, firstName: true, prefix: true, lastName: true, dateOfBirth: true, enrolments: { where: { schoolYearId }, select: { group: { select: { name: true } } } }, guardianships: { select: { id: true, endedAt: true, right: true, relation: true, household: { select: { key: true } }, user: { select: { email: true } } } } },
  });
  const dbUsers = await db.user.findMany({ where: { email: { in: [...peopleByEmail.keys()] } }, select: { id: true, email: true, firstName: true, prefix: true, lastName: true, phone: true, memberships: { select: { role: true, schoolId: true } } } });

  const groupNames = new Set([...pupils.values()].map((p) => p.group));
  for (const s of staff)
    for (const g of s.groups)
      if (!groupNames.has(g) && !dbGroups.some((x) => x.name === g)) reject('staff', s.row, 'unknownGroup', 'groepen');

  const plan: ImportPlan = {
    rejected,
    counts: { groups: counts(), children: counts(), guardians: counts(), guardianships: counts(), staff: counts(), teacherAssignments: counts() },
    changes: [],
    groups: [],
    children: [],
    people: [],
    households: [],
    guardianships: [],
    teacherAssignments: [],
    careCoordinators: staff.filter((x) => x.care).map((x) => x.email),
    losing: [],
    leaving: [],
    unassigned: [],
    rollover: null,
  };
  const change = (entity: string, label: string, fields: string[]) => plan.changes.length < 500 && plan.changes.push({ entity, label, fields });

  for (const name of [...groupNames].sort()) {
    const existing = dbGroups.find((g) => g.name === name);
    const gradeChanged = !!existing && existing.grade !== gradeOf(name);
    plan.groups.push({ name, grade: gradeOf(name), id: existing?.id, gradeChanged });
    plan.counts.groups[!existing ? 'create' : gradeChanged ? 'update' : 'unchanged']++;
    if (!existing) change('groups', name, []);
  }

  for (const [pupilNumber, p] of pupils) {
    const existing = dbChildren.find((c) => c.pupilNumber === pupilNumber);
    const changed = existing ? (['firstName', 'prefix', 'lastName', 'dateOfBirth'] as const).filter((f) => !same(existing[f], p[f])) : [];
    const groupChanged = !existing || existing.enrolments[0]?.group.name !== p.group;
    plan.children.push({ pupilNumber, ...p, id: existing?.id, changed, groupChanged });
    plan.counts.children[!existing ? 'create' : changed.length || groupChanged ? 'update' : 'unchanged']++;
    const label = `${pupilNumber} ${[p.firstName, p.prefix, p.lastName].filter(Boolean).join(' ')}`;
    if (!existing) change('children', label, []);
    else if (changed.length || groupChanged) change('children', label, [...changed, ...(groupChanged ? ['group'] : [])]);
  }

  const staffEmails = new Set(staff.map((s) => s.email));
  const guardianEmails = new Set(links.map((l) => l.email));
  for (const [email, p] of peopleByEmail) {
    if (!staffEmails.has(email) && !guardianEmails.has(email)) continue; // a person whose every row was rejected
    const existing = dbUsers.find((u) => u.email === email);
    const roles: Role[] = [...(guardianEmails.has(email) ? (['GUARDIAN'] as Role[]) : []), ...staff.filter((s) => s.email === email).map((s) => s.role)];
    const have = existing?.memberships.filter((m) => m.schoolId === schoolId).map((m) => m.role) ?? [];
    const missingRoles = roles.filter((r) => !have.includes(r));
    // Names of people the school already knows are the school's to correct; others are only linked.
    // A person another school also knows is never renamed from here: that would reach into their
    // data there (the preview says they are linked as they are).
    const knownElsewhere = !!existing?.memberships.some((m) => m.schoolId !== schoolId);
    const differs = existing ? (['firstName', 'prefix', 'lastName', 'phone'] as const).filter((f) => p[f] !== null && !same(existing[f], p[f])) : [];
    const changed = have.length && !knownElsewhere ? differs : [];
    plan.people.push({ email, firstName: p.firstName, prefix: p.prefix, lastName: p.lastName, phone: p.phone, id: existing?.id, changed, roles, missingRoles });
    const bucket = !existing || !have.length ? 'create' : changed.length || missingRoles.length ? 'update' : 'unchanged';
    if (guardianEmails.has(email)) plan.counts.guardians[bucket]++;
    if (staffEmails.has(email)) plan.counts.staff[bucket]++;
    const label = `${[p.firstName, p.prefix, p.lastName].filter(Boolean).join(' ')} <${email}>`;
    if (knownElsewhere && differs.length) change('linkedElsewhere', label, differs);
    if (bucket === 'create') change(staffEmails.has(email) ? 'staff' : 'guardians', label, []);
    else if (bucket === 'update') change(staffEmails.has(email) ? 'staff' : 'guardians', label, [...changed, ...missingRoles.map((r) => `role:${r}`)]);
  }

  // Households: the guardians of one pupil with the same household number form one household.
  // Keyed by their e-mail addresses, so siblings share it and a re-import finds it again.
  const householdOf = new Map<string, string>();
  const byPupilHousehold = new Map<string, string[]>();
  for (const l of links) byPupilHousehold.set(`${l.pupilNumber}|${l.household}`, [...(byPupilHousehold.get(`${l.pupilNumber}|${l.household}`) ?? []), l.email]);
  for (const [k, emails] of byPupilHousehold) householdOf.set(k, householdKeyOf(emails));
  plan.households = [...new Set(householdOf.values())];

  for (const l of links) {
    const householdKey = householdOf.get(`${l.pupilNumber}|${l.household}`)!;
    const existing = dbChildren.find((c) => c.pupilNumber === l.pupilNumber)?.guardianships.find((g) => g.user.email === l.email);
    // Access the director ended by hand stays ended, whatever the pupil administration still lists.
    if (existing?.endedAt) change('accessEnded', `${l.pupilNumber}: ${l.email}`, []);
    const changed = existing && !existing.endedAt ? [existing.right !== l.right && 'right', existing.relation !== l.relation && 'relation', existing.household.key !== householdKey && 'household'].filter((x): x is string => !!x) : [];
    plan.guardianships.push({ pupilNumber: l.pupilNumber, email: l.email, householdKey, right: l.right, relation: l.relation, id: existing?.id, changed });
    plan.counts.guardianships[!existing ? 'create' : changed.length ? 'update' : 'unchanged']++;
  }

  for (const s of staff)
    for (const group of s.groups) {
      const exists = !!dbGroups.find((g) => g.name === group)?.teachers.some((t) => t.user.email === s.email);
      plan.teacherAssignments.push({ email: s.email, group, exists });
      plan.counts.teacherAssignments[exists ? 'unchanged' : 'create']++;
    }

  const previous = files.pupils?.trim() ? await previousYearToRollFrom(db, schoolId, schoolYearId) : null;
  if (previous) {
    const before = await db.enrolment.findMany({
      where: { schoolId, schoolYearId: previous.id, child: { leftAt: null } },
      select: { child: { select: { id: true, pupilNumber: true, ...names } }, group: { select: { name: true, grade: true } } },
    });
    const lastYear = new Map(before.map((e) => [e.child.pupilNumber, e]));
    const rollover: Rollover = { from: previous.name, to: previous.next, leavesOn: previous.endDate, movesUp: [], staysBack: [], newPupils: [] };
    for (const c of [...plan.children].sort((x, y) => nameOf(x).localeCompare(nameOf(y)))) {
      const was = lastYear.get(c.pupilNumber);
      if (!was) rollover.newPupils.push(`${nameOf(c)} (${c.group})`);
      else (gradeOf(c.group) > was.group.grade ? rollover.movesUp : rollover.staysBack).push({ child: nameOf(c), from: was.group.name, to: c.group });
    }
    plan.rollover = rollover;
    plan.leaving = before
      .filter((e) => !pupils.has(e.child.pupilNumber))
      .sort((x, y) => x.group.grade - y.group.grade || nameOf(x.child).localeCompare(nameOf(y.child)))
      .map((e) => ({ childId: e.child.id, child: `${nameOf(e.child)} (${e.group.name})` }));
  }

  if (mode.sync && files.pupils?.trim()) {
    // In a rollover the pupils who leave keep their parents' access until they have left (see leavesOn).
    const leavingIds = plan.leaving.map((c) => c.childId);
    const listed = new Set(links.map((l) => `${l.pupilNumber}|${l.email}`));
    const live = await db.guardianship.findMany({
      where: { schoolId, endedAt: null, childId: { notIn: leavingIds } },
      select: { id: true, userId: true, childId: true, child: { select: { pupilNumber: true, ...names } }, user: { select: { email: true, ...names } } },
    });
    for (const g of live.filter((x) => !listed.has(`${x.child.pupilNumber}|${x.user.email}`)).sort((x, y) => nameOf(x.user).localeCompare(nameOf(y.user))))
      plan.losing.push({ guardianshipId: g.id, userId: g.userId, childId: g.childId, guardian: `${nameOf(g.user)} <${g.user.email}>`, child: nameOf(g.child) });
    if (!previous) {
      const present = await db.child.findMany({ where: { schoolId, leftAt: null, pupilNumber: { notIn: [...pupils.keys()] } }, select: { id: true, ...names }, orderBy: { lastName: 'asc' } });
      plan.leaving = present.map((c) => ({ childId: c.id, child: nameOf(c) }));
    }
  }
  if (mode.sync && files.staff?.trim()) {
    const listed = new Set(staff.flatMap((x) => x.groups.map((g) => `${g}|${x.email}`)));
    for (const g of dbGroups)
      for (const t of g.teachers)
        if (!listed.has(`${g.name}|${t.user.email}`)) plan.unassigned.push({ groupId: g.id, userId: t.userId, teacher: nameOf(t.user), group: g.name });
  }

  rejected.sort((a, b) => (a.file === b.file ? a.row - b.row : a.file === 'pupils' ? -1 : 1));
  return plan;
}

/**
 * The year a first import of `schoolYearId` rolls over from: the year just before it, when that one
 * has pupils and this one has none yet. Later imports of the same year are ordinary updates.
 */
async function previousYearToRollFrom(db: Db | Tx, schoolId: string, schoolYearId: string) {
  const target = await db.schoolYear.findFirst({ where: { id: schoolYearId, schoolId }, select: { name: true, startDate: true, _count: { select: { enrolments: true } } } });
  if (!target || target._count.enrolments > 0) return null;
  const previous = await db.schoolYear.findFirst({
    where: { schoolId, startDate: { lt: target.startDate }, enrolments: { some: {} } },
    orderBy: { startDate: 'desc' },
    select: { id: true, name: true, endDate: true },
  });
  return previous && { ...previous, next: target.name };
}
